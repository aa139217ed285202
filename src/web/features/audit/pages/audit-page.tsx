import { useState } from 'react';
import { Alert, Button, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { AuditEntry } from '../../../../contract/audit.ts';
import { AuditDiff } from '../../../components/audit-diff';
import { useI18n } from '../../../i18n/use-i18n';
import { formatDateTime } from '../../../lib/format-date-time';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useLabels } from '../../../lib/use-labels';
import { useAuditLog, type ListAuditParams } from '../api/list-audit';

const entityTypes = ['zone', 'park', 'department', 'user'] as const;

function recordName(entry: AuditEntry): string | null {
  const snapshot = (entry.after ?? entry.before) as Record<string, unknown> | null;
  const name = snapshot?.name ?? snapshot?.displayName ?? snapshot?.username;
  return typeof name === 'string' ? name : null;
}

/** 操作日志: every change in the user's zones, filterable, each row expanding to its before → after. */
export default function AuditPage() {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const current = useCurrentZone();
  const [params, setParams] = useState<ListAuditParams>({ page: 1, pageSize: 20 });
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  // The header's zone switcher applies unless the page's own zone filter says otherwise.
  const effective = { ...params, zoneId: params.zoneId ?? current.zoneId ?? undefined, actorId: actor?.id };
  const log = useAuditLog(effective);

  const filter = (patch: Partial<ListAuditParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at, locale) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (name: string, entry) =>
        entry.actorId ? (
          <Tooltip title={t('audit.filterActor')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setActor({ id: entry.actorId!, name })}>
              {name}
            </Button>
          </Tooltip>
        ) : (
          name
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 150, render: (action: string) => <Tag color="blue">{labels.action(action)}</Tag> },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, entry) => (
        <span>
          <Typography.Text type="secondary">{labels.entity(entry.entityType)}</Typography.Text> {recordName(entry) ?? entry.entityId.slice(0, 8)}
        </span>
      ),
    },
  ];

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label={t('audit.entityType')}
          placeholder={t('audit.entityType')}
          style={{ width: 160 }}
          options={entityTypes.map((type) => ({ value: type, label: labels.entity(type) }))}
          onChange={(entityType?: string) => filter({ entityType })}
        />
        {current.zones.length > 1 && (
          <Select
            allowClear
            aria-label={t('org.zone')}
            placeholder={t('org.zone')}
            style={{ width: 160 }}
            value={effective.zoneId}
            options={current.zones.map((z) => ({ value: z.id, label: z.shortName }))}
            onChange={(zoneId?: string) => filter({ zoneId })}
          />
        )}
        {actor && (
          <Tag closable onClose={() => setActor(null)} color="geekblue" style={{ padding: '4px 8px' }}>
            {t('audit.actorFilter', { name: actor.name })}
          </Tag>
        )}
      </Space>
      {log.isError && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
    </div>
  );
}
