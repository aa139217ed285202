import { useMemo, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { decisionOperations, type Decision } from '../../../../contract/dispatch.ts';
import { decisionStatuses } from '../../../../contract/dispatch-enums.ts';
import { BatchBar, batchErrorText } from '../../../components/batch-bar';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../lib/use-url-params';
import { useI18n } from '../../../i18n/use-i18n';
import { operationUrl } from '../../../lib/api-client';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useBatchUpdateDecisions } from '../api/batch-update-decisions';
import { useExportSelectedDecisions } from '../api/export-selected-decisions';
import { useDecisions } from '../api/list-decisions';
import { ZoneAssigneeSelect } from '../components/zone-selects';
import { DecisionDoneButton } from '../components/decision-done-button';
import { useDispatchLabels } from '../components/use-dispatch-labels';

const statusColor: Record<string, string> = { open: 'processing', done: 'success', cancelled: 'default' };

const listDefaults = { status: 'open', mine: '' };

/** 议定事项: the meetings' decisions as tasks, across meetings; overdue first, then by deadline. */
export default function DecisionsPage() {
  const { t } = useI18n();
  const label = useDispatchLabels();
  const { zoneId } = useCurrentZone();
  // Kept in the address (?status=all&mine=1), so a reload or a sent link shows the same list.
  const [params, setParams] = useUrlParams(listDefaults);
  const status = params.status === 'all' ? undefined : params.status;
  const mine = params.mine === '1';
  const setStatus = (next: string | undefined) => setParams({ status: next ?? 'all' });
  const setMine = (next: boolean) => setParams({ mine: next ? '1' : '' });
  const decisions = useDecisions({ zoneId, status, mine: mine ? 'true' : undefined });
  const { message } = App.useApp();
  // The selected rows as read (each version goes with the batch); cleared after a batch saved.
  const [selected, setSelected] = useState<Decision[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const [ownerForm] = Form.useForm<{ ownerUserId: string }>();
  const batch = useBatchUpdateDecisions();
  const exportSelected = useExportSelectedDecisions();
  const taskOf = (id: string) => selected.find((d) => d.id === id)?.task.slice(0, 20) ?? id;
  const items = (rows: Decision[]) => rows.map((d) => ({ id: d.id, version: d.version }));
  const zoneIds = [...new Set(selected.map((d) => d.zoneId))];
  const runBatch = (change: { status?: 'done'; ownerUserId?: string }) =>
    batch.mutate(
      { items: items(selected), ...change },
      {
        onSuccess: (r) => {
          message.success(t('common.batchDone', { count: r.updated }));
          setSelected([]);
          setReassigning(false);
        },
        onError: (e) => {
          message.error(batchErrorText(e, t, taskOf));
          setReassigning(false);
        },
      },
    );

  const rows = useMemo(
    () =>
      [...(decisions.data ?? [])].sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) || Number(b.status === 'open') - Number(a.status === 'open') || a.deadlineOn.localeCompare(b.deadlineOn),
      ),
    [decisions.data],
  );

  const columns: TableColumnsType<Decision> = [
    {
      title: t('meeting.task'),
      dataIndex: 'task',
      render: (task: string, d) => (
        <Space direction="vertical" size={0}>
          <span>{task}</span>
          {(d.projectName || d.blockerTitle) && (
            <Typography.Text type="secondary">
              {d.projectName}
              {d.projectName && d.blockerTitle ? ' · ' : ''}
              {d.blockerId && d.blockerTitle ? <Link to={`/dispatch/blockers/${d.blockerId}`}>{d.blockerTitle}</Link> : null}
            </Typography.Text>
          )}
          {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('decision.meeting'),
      dataIndex: 'meetingTitle',
      width: 200,
      render: (v: string | undefined, d) => <Link to={`/dispatch/meetings/${d.meetingId}`}>{v ?? t('meeting.listTitle')}</Link>,
    },
    {
      title: t('meeting.decisionOwner'),
      dataIndex: 'ownerName',
      width: 140,
      render: (v: string, d) => (
        <Space direction="vertical" size={0}>
          <span>{v}</span>
          {d.departmentName && <Typography.Text type="secondary">{d.departmentName}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('meeting.decisionDeadline'),
      dataIndex: 'deadlineOn',
      width: 170,
      render: (v: string, d) => (
        <Space size={4}>
          <span>{v}</span>
          {d.overdue && <Tag color="red">{t('decision.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('dispatch.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: string, d) => (
        <Space direction="vertical" size={0}>
          <Tag color={statusColor[s]}>{label('decisionStatus', s)}</Tag>
          {d.doneOn && <Typography.Text type="secondary">{d.doneOn}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, d) => <DecisionDoneButton decision={d} onReload={() => decisions.refetch()} />,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('decision.listTitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={operationUrl(decisionOperations.export, {
              query: { zoneId: zoneId ?? undefined, status: status as Decision['status'] | undefined, mine: mine ? 'true' : undefined },
            })}
          >
            {t('decision.export')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('dispatch.status')}
          placeholder={t('dispatch.status')}
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={decisionStatuses.map((s) => ({ value: s, label: label('decisionStatus', s) }))}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('decision.mine')}
        </Checkbox>
      </Space>
      <BatchBar count={selected.length} onClear={() => setSelected([])}>
        <Button loading={batch.isPending} onClick={() => runBatch({ status: 'done' })}>
          {t('dispatch.batchDone')}
        </Button>
        <Button onClick={() => (ownerForm.resetFields(), setReassigning(true))}>{t('dispatch.batchReassign')}</Button>
        <Button
          icon={<DownloadOutlined />}
          loading={exportSelected.isPending}
          onClick={() =>
            exportSelected.mutate(
              selected.map((d) => d.id),
              {
                onSuccess: () => void message.success(t('common.exported', { count: selected.length })),
                onError: (e) => void message.error(batchErrorText(e, t, taskOf)),
              },
            )
          }
        >
          {t('common.exportSelected')}
        </Button>
      </BatchBar>
      <Modal
        open={reassigning}
        title={`${t('dispatch.batchReassign')}（${t('common.selected', { count: selected.length })}）`}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: zoneIds.length !== 1 }}
        confirmLoading={batch.isPending}
        onCancel={() => setReassigning(false)}
        onOk={async () => {
          const v = await ownerForm.validateFields().catch(() => null);
          if (v) runBatch({ ownerUserId: v.ownerUserId });
        }}
        forceRender
      >
        {zoneIds.length > 1 && <Alert type="warning" showIcon title={t('dispatch.batchOneZone')} style={{ marginBottom: 16 }} />}
        <Form form={ownerForm} name="decision-batch-owner" layout="vertical">
          <Form.Item name="ownerUserId" label={t('meeting.decisionOwner')} rules={[{ required: true, message: t('validation.required') }]}>
            <ZoneAssigneeSelect zoneId={reassigning && zoneIds.length === 1 ? zoneIds[0] : null} />
          </Form.Item>
        </Form>
      </Modal>
      {decisions.isError && <Alert type="error" showIcon title={decisions.error.message} style={{ marginBottom: 16 }} />}
      <Table<Decision>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={decisions.isFetching}
        rowSelection={{
          selectedRowKeys: selected.map((d) => d.id),
          preserveSelectedRowKeys: true,
          onChange: (keys, picked) => {
            const byId = new Map([...selected, ...picked.filter(Boolean)].map((d) => [d.id, d]));
            setSelected(keys.map((k) => byId.get(String(k))).filter((d): d is Decision => d !== undefined));
          },
        }}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
      />
    </div>
  );
}
