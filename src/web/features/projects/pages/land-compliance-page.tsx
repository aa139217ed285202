import { useMemo, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Result, Segmented, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { landIndicatorKeys, projectPlanOperations } from '../../../../contract/projects.ts';
import { operationUrl } from '../../../lib/api-client';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useLandCompliance, type LandComplianceRow } from '../api/land-compliance';
import { useProjectsI18n } from '../i18n';

type Status = 'compliant' | 'non_compliant' | 'pending';
const statusOf = (r: LandComplianceRow): Status => (r.verdict === 'met' ? 'compliant' : r.verdict === 'not_met' ? 'non_compliant' : 'pending');
const verdictOf = { compliant: 'met', non_compliant: 'not_met', pending: 'pending' } as const;
const statusColor: Record<Status, string> = { compliant: 'success', non_compliant: 'error', pending: 'default' };
const indicatorColor = { met: 'success', not_met: 'error', pending: 'default' } as const;
const num = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 4 }));
const indicatorOf = (r: LandComplianceRow, k: string) => r.indicators.find((i) => i.key === k);

/** 标准地履标: promised against achieved (derived from the records) indicators of every project, in the chosen zone (or all of mine). */
export default function LandCompliancePage() {
  const { t, shellT } = useProjectsI18n();
  const { zoneId, zones } = useCurrentZone();
  const list = useLandCompliance(zoneId);
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [q, setQ] = useState('');
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const counts = useMemo(() => {
    const c: Record<Status, number> = { compliant: 0, non_compliant: 0, pending: 0 };
    for (const r of rows) c[statusOf(r)] += 1;
    return c;
  }, [rows]);
  const shown = rows.filter((r) => (status === 'all' || statusOf(r) === status) && (!q.trim() || r.projectName.includes(q.trim())));
  const zoneName = (id: string) => zones.find((z) => z.id === id)?.shortName ?? '—';

  if (list.isError) return <Result status="warning" title={shellT('common.loadFailed')} subTitle={list.error.message} />;

  const columns: TableProps<LandComplianceRow>['columns'] = [
    {
      title: t('field.name'),
      dataIndex: 'projectName',
      key: 'name',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => a.projectName.localeCompare(b.projectName, 'zh-CN'),
      render: (_, r) => <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>,
    },
    ...(zoneId ? [] : [{ title: t('field.zone'), key: 'zone', width: 100, render: (_: unknown, r: LandComplianceRow) => zoneName(r.zoneId) }]),
    { title: t('field.landMu'), dataIndex: 'landMu', key: 'landMu', width: 90, align: 'right', render: (v: number | null) => num(v) },
    ...landIndicatorKeys.map((k) => ({
      title: t(`land.${k}`),
      key: k,
      children: [
        {
          title: t('land.promised'),
          key: `${k}Promised`,
          width: 90,
          align: 'right' as const,
          render: (_: unknown, r: LandComplianceRow) => num(r[`${k}Promised`]),
        },
        {
          title: t('land.achieved'),
          key: `${k}Achieved`,
          width: 110,
          align: 'right' as const,
          render: (_: unknown, r: LandComplianceRow) => {
            const i = indicatorOf(r, k);
            if (!i?.verdict) return num(i?.achieved);
            return (
              <Tag color={indicatorColor[i.verdict]} title={t(`land.${i.verdict}`)} style={{ marginInlineEnd: 0 }}>
                {num(i.achieved)}
              </Tag>
            );
          },
        },
      ],
    })),
    {
      title: t('landc.status'),
      key: 'status',
      fixed: 'right',
      width: 130,
      sorter: (a, b) => statusOf(a).localeCompare(statusOf(b)),
      render: (_, r) => (
        <Tag color={statusColor[statusOf(r)]} data-testid="land-status" data-status={statusOf(r)}>
          {t(`landc.${statusOf(r)}`)}
        </Tag>
      ),
    },
    { title: t('landc.assessedOn'), dataIndex: 'reportedOn', key: 'reportedOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('landc.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('landc.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title={t('landc.total')} value={rows.length} loading={list.isPending} />
          <Statistic title={t('landc.compliant')} value={counts.compliant} valueStyle={{ color: '#389e0d' }} loading={list.isPending} />
          <Statistic title={t('landc.non_compliant')} value={counts.non_compliant} valueStyle={{ color: '#cf1322' }} loading={list.isPending} />
          <Statistic title={t('landc.pending')} value={counts.pending} loading={list.isPending} />
        </Space>
      </Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Status | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('landc.all') },
            { value: 'compliant', label: t('landc.compliant') },
            { value: 'non_compliant', label: t('landc.non_compliant') },
            { value: 'pending', label: t('landc.pending') },
          ]}
        />
        <Input.Search allowClear placeholder={t('list.search')} style={{ width: 220 }} value={q} onChange={(e) => setQ(e.target.value)} />
        <Button
          icon={<DownloadOutlined />}
          href={operationUrl(projectPlanOperations.landComplianceExport, {
            query: { zoneId: zoneId ?? undefined, verdict: status === 'all' ? undefined : verdictOf[status], q: q.trim() || undefined },
          })}
        >
          {t('landc.export')}
        </Button>
      </Space>
      <Table<LandComplianceRow>
        size="small"
        bordered
        rowKey="projectId"
        loading={list.isPending}
        dataSource={shown}
        columns={columns}
        scroll={{ x: 1300 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rows.length === 0 ? t('landc.empty') : t('landc.noMatch')} />,
        }}
      />
    </div>
  );
}
