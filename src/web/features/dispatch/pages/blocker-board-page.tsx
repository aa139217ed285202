import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Input, Row, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { Blocker } from '../../../../contract/dispatch.ts';
import { blockerCategories, blockerLevels, blockerStatuses } from '../../../../contract/dispatch-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useUrlParams } from '../../../lib/use-url-params';
import { useBlockers } from '../api/list-blockers';
import { useExportSelectedBlockers } from '../api/export-selected-blockers';
import { BatchBar, batchErrorText } from '../../../components/batch-bar';
import { BlockerBatchModal, type BlockerBatchAction } from '../components/blocker-batch-modal';
import { blockersExportUrl, type BlockersExportQuery } from '../api/download-urls';
import { BlockerFormModal } from '../components/blocker-form-modal';
import { EscalationSettingsModal } from '../components/escalation-settings-modal';
import { overdueText } from '../components/overdue-text';
import { levelColors, statusColors, useDispatchLabels } from '../components/use-dispatch-labels';

const boardDefaults = { level: '', status: 'unresolved', category: '', overdue: '', mine: '', q: '', page: 1 };

/** 堵点台账: the board by level and status, filtered, overdue first. */
export default function BlockerBoardPage() {
  const { t } = useI18n();
  const label = useDispatchLabels();
  const navigate = useNavigate();
  const { hasPermission } = useSession();
  const { zoneId, zones } = useCurrentZone();
  const zoneNames = new Map(zones.map((z) => [z.id, z.shortName]));
  // Filters and page live in the address, so reload, back and a sent link show the same board; a
  // link from the 驾驶舱 (?overdue=true, ?status=resolved, ?level=…) opens it filtered. A cleared
  // status is ?status=all (the default is the unresolved ones).
  const [url, setUrl] = useUrlParams(boardDefaults);
  const filters: { level?: string; status?: string; category?: string; overdue?: boolean; mine?: boolean; q?: string } = {
    level: url.level || undefined,
    status: url.status === 'all' ? undefined : url.status,
    category: url.category || undefined,
    overdue: url.overdue === 'true' || undefined,
    mine: url.mine === 'true' || undefined,
    q: url.q || undefined,
  };
  const page = url.page;
  const setPage = (next: number) => setUrl({ page: next });
  const [creating, setCreating] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The selection keeps each row as read (its version goes with a batch), across pages and filters.
  const [selected, setSelected] = useState<Blocker[]>([]);
  const [batch, setBatch] = useState<BlockerBatchAction | null>(null);
  const exportSelected = useExportSelectedBlockers();
  const { message } = App.useApp();
  const canUpdate = hasPermission('blocker.update');
  const titleOf = (id: string) => selected.find((b) => b.id === id)?.title ?? id;
  const params = {
    zoneId,
    level: filters.level,
    status: filters.status,
    category: filters.category,
    overdue: filters.overdue ? 'true' : undefined,
    mine: filters.mine ? 'true' : undefined,
    q: filters.q,
    page,
    pageSize: 20,
  };
  const board = useBlockers(params);
  const set = (patch: Partial<typeof filters>) =>
    setUrl(
      Object.fromEntries(
        Object.entries(patch).map(([key, value]) => [
          key,
          key === 'status' ? (value ?? 'all') : typeof value === 'boolean' ? (value ? 'true' : '') : (value ?? ''),
        ]),
      ),
    );

  const columns: TableColumnsType<Blocker> = [
    {
      title: t('dispatch.title'),
      dataIndex: 'title',
      render: (title: string, b) => (
        <Space direction="vertical" size={0}>
          <Link to={`/dispatch/blockers/${b.id}`}>{title}</Link>
          {b.projectName && <Typography.Text type="secondary">{b.projectName}</Typography.Text>}
        </Space>
      ),
    },
    // 全部开发区: which zone each blocker is in.
    ...(zoneId == null && zones.length > 1
      ? [{ title: t('dispatch.zone'), dataIndex: 'zoneId', width: 120, render: (v: string) => zoneNames.get(v) ?? v }]
      : []),
    { title: t('dispatch.category'), dataIndex: 'category', width: 110, render: (v: string) => label('category', v) },
    { title: t('dispatch.level'), dataIndex: 'level', width: 110, render: (v: string) => <Tag color={levelColors[v]}>{label('level', v)}</Tag> },
    { title: t('dispatch.status'), dataIndex: 'status', width: 100, render: (v: string) => <Tag color={statusColors[v]}>{label('status', v)}</Tag> },
    { title: t('dispatch.department'), dataIndex: 'departmentName', width: 140, render: (v: string | null) => v ?? t('common.none') },
    { title: t('dispatch.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('dispatch.deadlineOn'),
      dataIndex: 'deadlineOn',
      width: 170,
      render: (v: string, b) => (
        <Space size={4}>
          <span>{v}</span>
          {b.overdue && <Tag color="red">{overdueText(t, b)}</Tag>}
        </Space>
      ),
    },
  ];

  const exportHref = blockersExportUrl({ zoneId: zoneId ?? undefined, status: (filters.status || undefined) as BlockersExportQuery['status'] });

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dispatch.blockersTitle')}
        </Typography.Title>
        <Space>
          {hasPermission('dispatch.settings') && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              {t('dispatch.settings')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={exportHref}>
            {t('dispatch.exportBlockers')}
          </Button>
          {hasPermission('blocker.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('dispatch.raise')}
            </Button>
          )}
        </Space>
      </Flex>

      <Card size="small" title={t('dispatch.byLevel')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {blockerLevels.map((level) => (
            <Col key={level} span={5}>
              <a onClick={() => set({ level: filters.level === level ? undefined : level, status: 'unresolved' })}>
                <Statistic title={<Tag color={levelColors[level]}>{label('level', level)}</Tag>} value={board.data?.counts.byLevel[level] ?? 0} />
              </a>
            </Col>
          ))}
          <Col span={4}>
            <a onClick={() => set({ overdue: !filters.overdue })}>
              <Statistic title={<Tag color="red">{t('dispatch.overdueTag')}</Tag>} value={board.data?.counts.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
            </a>
          </Col>
        </Row>
      </Card>

      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('dispatch.level')}
          placeholder={t('dispatch.level')}
          allowClear
          style={{ width: 140 }}
          value={filters.level}
          onChange={(v) => set({ level: v })}
          options={blockerLevels.map((l) => ({ value: l, label: label('level', l) }))}
        />
        <Select
          aria-label={t('dispatch.status')}
          placeholder={t('dispatch.status')}
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          onChange={(v) => set({ status: v })}
          options={[
            { value: 'unresolved', label: `${label('status', 'open')}/${label('status', 'resolving')}` },
            ...blockerStatuses.map((s) => ({ value: s, label: label('status', s) })),
          ]}
        />
        <Select
          aria-label={t('dispatch.category')}
          placeholder={t('dispatch.category')}
          allowClear
          style={{ width: 140 }}
          value={filters.category}
          onChange={(v) => set({ category: v })}
          options={blockerCategories.map((c) => ({ value: c, label: label('category', c) }))}
        />
        <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
          {t('dispatch.overdueOnly')}
        </Checkbox>
        <Checkbox checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })}>
          {t('dispatch.mineOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('common.search')}
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
      </Space>

      <BatchBar count={selected.length} onClear={() => setSelected([])}>
        {canUpdate && <Button onClick={() => setBatch('assign')}>{t('dispatch.batchAssign')}</Button>}
        {canUpdate && <Button onClick={() => setBatch('resolve')}>{t('dispatch.batchResolve')}</Button>}
        <Button
          icon={<DownloadOutlined />}
          loading={exportSelected.isPending}
          onClick={() =>
            exportSelected.mutate(
              selected.map((b) => b.id),
              {
                onSuccess: () => void message.success(t('common.exported', { count: selected.length })),
                onError: (e) => void message.error(batchErrorText(e, t, titleOf)),
              },
            )
          }
        >
          {t('common.exportSelected')}
        </Button>
      </BatchBar>
      {board.isError && <Alert type="error" showIcon title={board.error.message} style={{ marginBottom: 16 }} />}
      <Table<Blocker>
        rowKey="id"
        columns={columns}
        dataSource={board.data?.items}
        loading={board.isFetching}
        rowClassName={(b) => (b.overdue ? 'blocker-overdue' : '')}
        rowSelection={{
          selectedRowKeys: selected.map((b) => b.id),
          preserveSelectedRowKeys: true,
          onChange: (keys, rows) => {
            const byId = new Map([...selected, ...rows.filter(Boolean)].map((b) => [b.id, b]));
            setSelected(keys.map((k) => byId.get(String(k))).filter((b): b is Blocker => b !== undefined));
          },
        }}
        pagination={{ current: page, pageSize: 20, total: board.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
      />
      <BlockerBatchModal action={batch} blockers={selected} onClose={() => setBatch(null)} onDone={() => setSelected([])} />
      {hasPermission('dispatch.settings') && <EscalationSettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />}
      <BlockerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/dispatch/blockers/${id}`);
        }}
      />
    </div>
  );
}
