import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Segmented, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { BatchBar, batchErrorText } from '../../../components/batch-bar';
import type { Lead } from '../../../../contract/leads.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { leadMethods, leadStages, leadStatuses } from '../../../../contract/pipeline-enums.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useBatchAssignLeads } from '../api/batch-assign-leads';
import { ledgerExportUrl } from '../api/export-ledger';
import { useExportSelectedLeads } from '../api/export-selected-leads';
import { useFunnel, useSignedReport } from '../api/get-funnel';
import { useLeads } from '../api/list-leads';
import { useOwners } from '../api/list-owners';
import { useDeleteView, useSavedViews, useSaveView } from '../api/saved-views';
import { KanbanBoard } from '../components/kanban-board';
import { pipelineLabels, statusColors } from '../components/labels';
import { LeadFormModal } from '../components/lead-form-modal';
import { PersonPicker } from '../../../components/person-picker';

/** The kanban loads one page of this size (the API's largest); beyond it the user is asked to filter. */
const kanbanLimit = 200;
const filterKeys = ['stage', 'status', 'method', 'sector', 'ownerId', 'overdue', 'q', 'sort', 'order'] as const;
const quarterStart = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${String(Math.floor(d.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
};
const todayText = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 招商线索台账: filters in the URL (so a view is a link), table or kanban, export and import. */
export default function LeadsPage() {
  const { t, locale } = useI18n();
  const labels = pipelineLabels(locale);
  const navigate = useNavigate();
  const { hasPermission } = useSession();
  const { zoneId } = useCurrentZone();
  const [search, setSearch] = useSearchParams();
  const [mode, setMode] = useState<'table' | 'kanban'>('table');
  const [creating, setCreating] = useState(false);
  const [viewName, setViewName] = useState('');
  const filters = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) ?? undefined])) as Record<(typeof filterKeys)[number], string | undefined>;
  const page = Number(search.get('page') ?? 1);
  const params = useMemo(
    () => ({ ...filters, zoneId, page: mode === 'kanban' ? 1 : page, pageSize: mode === 'kanban' ? kanbanLimit : 20 }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [search.toString(), zoneId, mode],
  );
  const leads = useLeads(params);
  const owners = useOwners(zoneId);
  const funnel = useFunnel(zoneId);
  const signed = useSignedReport(zoneId, quarterStart(), todayText());
  const views = useSavedViews();
  const saveView = useSaveView();
  const deleteView = useDeleteView();
  const { message } = App.useApp();
  // The selected rows as read (each version goes with the batch), across pages; cleared after a batch saved.
  const [selected, setSelected] = useState<Lead[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [ownerForm] = Form.useForm<{ ownerId: string }>();
  const batchAssign = useBatchAssignLeads();
  const exportSelected = useExportSelectedLeads();
  const nameOf = (id: string) => selected.find((l) => l.id === id)?.name ?? id;
  const selectedZones = [...new Set(selected.map((l) => l.zoneId))];
  const assignOwner = (ownerId: string) =>
    batchAssign.mutate(
      { items: selected.map((l) => ({ id: l.id, version: l.version })), ownerId },
      {
        onSuccess: (r) => {
          message.success(t('common.batchDone', { count: r.updated }));
          setSelected([]);
          setAssigning(false);
        },
        onError: (e) => {
          message.error(batchErrorText(e, t, nameOf));
          setAssigning(false);
        },
      },
    );

  const set = (key: string, value: string | string[] | boolean | undefined) => {
    const next = new URLSearchParams(search);
    const text = Array.isArray(value) ? value.join(',') : value === true ? 'true' : value || '';
    if (text) next.set(key, text);
    else next.delete(key);
    next.delete('page');
    setSearch(next);
  };
  const multi = (key: string) => (filters[key as keyof typeof filters] ? filters[key as keyof typeof filters]!.split(',') : []);

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('leads.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={mode}
            onChange={(v) => setMode(v as 'table' | 'kanban')}
            options={[
              { value: 'table', label: t('leads.table') },
              { value: 'kanban', label: t('leads.kanban') },
            ]}
          />
          <Button href={ledgerExportUrl(params)} download>
            {t('leads.export')}
          </Button>
          {hasPermission('lead.import') && <Button onClick={() => navigate('/leads/import')}>{t('leads.import')}</Button>}
          {hasPermission('lead.create') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('leads.create')}
            </Button>
          )}
        </Space>
      </Space>

      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('leads.signedThisPeriod')} value={formatMoney(signed.data?.signedThisPeriodYuan ?? 0, locale)} />
            <Typography.Text type="secondary">
              {t('leads.grossAgreements')}: {formatMoney(signed.data?.grossAgreementsYuan ?? 0, locale)} ·{' '}
              {t('leads.reSignings', { n: signed.data?.reSignings ?? 0 })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title={t('leads.funnel')}>
            <Space wrap>
              {(funnel.data?.stages ?? []).map((s) => (
                <Tag key={s.stage} style={{ cursor: 'pointer' }} onClick={() => set('stage', s.stage)}>
                  {labels.stage(s.stage)} {s.total}
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>

      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear defaultValue={filters.q} placeholder={t('leads.search')} onSearch={(v) => set('q', v.trim())} style={{ width: 220 }} />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('leads.stage')}
          style={{ minWidth: 160 }}
          value={multi('stage')}
          onChange={(v) => set('stage', v)}
          options={leadStages.map((s) => ({ value: s, label: labels.stage(s) }))}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('leads.status')}
          style={{ minWidth: 140 }}
          value={multi('status')}
          onChange={(v) => set('status', v)}
          options={leadStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('leads.method')}
          style={{ minWidth: 160 }}
          value={multi('method')}
          onChange={(v) => set('method', v)}
          options={leadMethods.map((s) => ({ value: s, label: labels.method(s) }))}
        />
        <Input
          allowClear
          placeholder={t('leads.sector')}
          defaultValue={filters.sector}
          onBlur={(e) => set('sector', e.target.value.trim())}
          style={{ width: 120 }}
        />
        <PersonPicker
          placeholder={t('leads.owner')}
          aria-label={t('leads.owner')}
          style={{ width: 120 }}
          value={filters.ownerId}
          onChange={(v) => set('ownerId', v)}
          people={owners.data}
        />
        <Checkbox checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked)}>
          {t('leads.overdueOnly')}
        </Checkbox>
        <Select
          placeholder={t('leads.savedViews')}
          style={{ width: 160 }}
          value={null}
          onChange={(id) => {
            const v = views.data?.find((x) => x.id === id);
            if (v) setSearch(new URLSearchParams(v.query));
          }}
          options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          optionRender={(o) => (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              {o.label}
              <a onClick={(e) => (e.stopPropagation(), deleteView.mutate(String(o.value)))}>×</a>
            </Space>
          )}
        />
        <Space.Compact>
          <Input placeholder={t('leads.viewName')} value={viewName} onChange={(e) => setViewName(e.target.value)} style={{ width: 120 }} />
          <Button
            disabled={!viewName.trim()}
            onClick={async () => {
              await saveView.mutateAsync({ name: viewName.trim(), query: Object.fromEntries([...search.entries()].filter(([k]) => k !== 'page')) });
              setViewName('');
            }}
          >
            {t('leads.saveView')}
          </Button>
        </Space.Compact>
      </Space>

      {mode === 'kanban' ? (
        <Spin spinning={leads.isFetching}>
          {(leads.data?.total ?? 0) > kanbanLimit && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="kanban-capped"
              message={t('leads.kanbanCapped', { shown: leads.data?.items.length ?? kanbanLimit, total: leads.data?.total ?? 0 })}
            />
          )}
          <KanbanBoard leads={leads.data?.items ?? []} />
        </Spin>
      ) : (
        <>
        <BatchBar count={selected.length} onClear={() => setSelected([])}>
          {hasPermission('lead.update') && <Button onClick={() => (ownerForm.resetFields(), setAssigning(true))}>{t('leads.batchAssign')}</Button>}
          <Button
            icon={<DownloadOutlined />}
            loading={exportSelected.isPending}
            onClick={() =>
              exportSelected.mutate(
                selected.map((l) => l.id),
                {
                  onSuccess: () => void message.success(t('common.exported', { count: selected.length })),
                  onError: (e) => void message.error(batchErrorText(e, t, nameOf)),
                },
              )
            }
          >
            {t('common.exportSelected')}
          </Button>
        </BatchBar>
        <Table<Lead>
          rowKey="id"
          size="middle"
          rowSelection={{
            selectedRowKeys: selected.map((l) => l.id),
            preserveSelectedRowKeys: true,
            onChange: (keys, picked) => {
              const byId = new Map([...selected, ...picked.filter(Boolean)].map((l) => [l.id, l]));
              setSelected(keys.map((k) => byId.get(String(k))).filter((l): l is Lead => l !== undefined));
            },
          }}
          loading={leads.isFetching}
          dataSource={leads.data?.items}
          scroll={{ x: 1100 }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const next = new URLSearchParams(search);
            if (s?.order && s.columnKey) {
              next.set('sort', String(s.columnKey));
              next.set('order', s.order === 'ascend' ? 'asc' : 'desc');
            } else {
              next.delete('sort');
              next.delete('order');
            }
            setSearch(next);
          }}
          pagination={{
            current: page,
            pageSize: 20,
            total: leads.data?.total,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => {
              const next = new URLSearchParams(search);
              next.set('page', String(p));
              setSearch(next);
            },
          }}
          columns={[
            { key: 'code', title: t('leads.code'), dataIndex: 'code', sorter: true, width: 150 },
            { title: t('leads.name'), dataIndex: 'name', render: (n, l) => <Link to={`/leads/${l.id}`}>{n}</Link> },
            {
              title: t('leads.investor'),
              dataIndex: 'enterpriseName',
              render: (n, l) => (l.enterpriseId ? <Link to={`/enterprises/${l.enterpriseId}`}>{n}</Link> : '—'),
            },
            { title: t('leads.method'), dataIndex: 'method', render: labels.method },
            { key: 'stage', title: t('leads.stage'), dataIndex: 'stage', sorter: true, render: labels.stage },
            { title: t('leads.status'), dataIndex: 'status', render: (s) => <Tag color={statusColors[s]}>{labels.status(s)}</Tag> },
            {
              key: 'plannedInvestment',
              title: t('leads.plannedInvestmentColumn'),
              dataIndex: 'plannedInvestmentYuan',
              align: 'right',
              sorter: true,
              render: (y) => formatMoney(y, locale),
            },
            { title: t('leads.owner'), dataIndex: 'ownerName' },
            {
              key: 'nextStepOn',
              title: t('leads.nextStepOn'),
              dataIndex: 'nextStepOn',
              sorter: true,
              render: (d, l) => (
                <span>
                  {d ?? '—'} {l.overdue && <Tag color="red">{t('leads.overdue')}</Tag>}
                </span>
              ),
            },
          ]}
        />
        </>
      )}
      <Modal
        open={assigning}
        title={`${t('leads.batchAssign')}（${t('common.selected', { count: selected.length })}）`}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={batchAssign.isPending}
        onCancel={() => setAssigning(false)}
        onOk={async () => {
          const v = await ownerForm.validateFields().catch(() => null);
          if (v) assignOwner(v.ownerId);
        }}
        forceRender
      >
        <Form form={ownerForm} name="lead-batch-owner" layout="vertical">
          <Form.Item name="ownerId" label={t('leads.owner')} rules={[{ required: true, message: t('validation.required') }]}>
            {/* Owners who may own leads in every selected lead's zone. */}
            <PersonPicker people={(owners.data ?? []).filter((o) => selectedZones.every((z) => o.zoneIds.includes(z)))} loading={owners.isPending} />
          </Form.Item>
        </Form>
      </Modal>
      <LeadFormModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => (setCreating(false), navigate(`/leads/${id}`))} />
    </div>
  );
}
