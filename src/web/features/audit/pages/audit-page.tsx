import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { auditOperations } from '../../../../contract/audit.ts';
import { operationUrl } from '../../../lib/api-client';
import { Alert, Button, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { AuditEntry } from '../../../../contract/audit.ts';
import { auditEntityLabels, type AuditEntityType } from '../../../../contract/audit-labels.ts';
import { AuditDiff } from '../../../components/audit-diff';
import { useI18n } from '../../../i18n/use-i18n';
import { actorLabel, auditChanges, describeAuditEntry, entityLabel } from '../../../lib/audit-format';
import { formatDateTime } from '../../../lib/format-date-time';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useServerPagination } from '../../../lib/use-server-pagination';
import { useAuditLog, type ListAuditParams } from '../api/list-audit';
import { useAuditText } from '../i18n';

const entityTypes = Object.keys(auditEntityLabels) as AuditEntityType[];
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 操作日志: every change in the user's zones as a sentence, filterable, each row expanding to its fields. */
export default function AuditPage() {
  const { t, locale } = useI18n();
  const text = useAuditText();
  const current = useCurrentZone();
  const [params, setParams] = useState<ListAuditParams>({ page: 1, pageSize: 20 });
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  // The header's zone switcher applies unless the page's own zone filter says otherwise.
  const effective = { ...params, zoneId: params.zoneId ?? current.zoneId ?? undefined, actorId: actor?.id };
  const log = useAuditLog(effective);
  const pagination = useServerPagination(params, setParams, log.data?.total);

  const filter = (patch: Partial<ListAuditParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => formatDateTime(at, locale) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (_: string, entry) => {
        const name = actorLabel(entry, locale);
        return entry.actorId ? (
          <Tooltip title={t('audit.filterActor')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setActor({ id: entry.actorId!, name })}>
              {name}
            </Button>
          </Tooltip>
        ) : (
          name
        );
      },
    },
    {
      title: t('audit.action'),
      key: 'action',
      width: 150,
      render: (_, entry) => <Tag color="blue">{describeAuditEntry(entry, locale).action}</Tag>,
    },
    {
      title: text('sentence'),
      key: 'sentence',
      render: (_, entry) => <span data-testid="audit-sentence">{describeAuditEntry(entry, locale).sentence}</span>,
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
          options={entityTypes.map((type) => ({ value: type, label: capitalise(entityLabel(type, locale)) }))}
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
        <Button
          icon={<DownloadOutlined />}
          href={operationUrl(auditOperations.export, { query: { entityType: effective.entityType, zoneId: effective.zoneId, actorId: effective.actorId } })}
        >
          {text('export')}
        </Button>
      </Space>
      {log.isError && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 16 }} />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff entry={entry} />,
          rowExpandable: (entry) => auditChanges(entry, locale).length > 0,
        }}
        pagination={pagination}
      />
    </div>
  );
}
