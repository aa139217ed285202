import { useEffect, useState } from 'react';
import { DetailBreadcrumb } from '../../../components/detail-breadcrumb';
import { Alert, App, Button, Card, Flex, Form, Input, List, Modal, Select, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DateField } from '../../../components/date-field';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { AgendaItem, Decision } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useAddAgendaItem } from '../api/add-agenda-item';
import { useAddDecision } from '../api/add-decision';
import { useCloseMeeting } from '../api/close-meeting';
import { useMeeting } from '../api/get-meeting';
import { useAssignees } from '../api/list-assignees';
import { useProjectOptions } from '../api/list-project-options';
import { useRegenerateAgenda } from '../api/regenerate-agenda';
import { useSetAgenda } from '../api/set-agenda';
import { useUpdateMeeting } from '../api/update-meeting';
import { briefUrl } from '../api/download-urls';
import { DecisionDoneButton } from '../components/decision-done-button';
import { useDispatchLabels } from '../components/use-dispatch-labels';
import { PersonPicker } from '../../../components/person-picker';

type Row = AgendaItem & { draftAnnotation: string | null };

/** One meeting: the agenda builder (reorder, annotate), decisions, minutes, close, the brief. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const label = useDispatchLabels();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const meeting = useMeeting(id);
  const setAgenda = useSetAgenda();
  const addItem = useAddAgendaItem();
  const regenerate = useRegenerateAgenda();
  const addDecision = useAddDecision();
  const updateMeeting = useUpdateMeeting();
  const close = useCloseMeeting();
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [minutes, setMinutes] = useState('');
  const [newItem, setNewItem] = useState('');
  const [deciding, setDeciding] = useState(false);
  const [form] = Form.useForm<{ task: string; ownerUserId: string; deadlineOn: string; projectId?: string; blockerId?: string }>();
  const zoneId = meeting.data?.zoneId ?? null;
  const people = useAssignees(zoneId);
  const projects = useProjectOptions(zoneId);

  useEffect(() => {
    if (!meeting.data) return;
    setRows(meeting.data.agenda.map((a) => ({ ...a, draftAnnotation: a.annotation })));
    setMinutes(meeting.data.minutes ?? '');
    setDirty(false);
  }, [meeting.data]);

  if (meeting.isPending) return <Skeleton active />;
  if (meeting.isError) return <Alert type="error" showIcon title={meeting.error.message} />;
  const m = meeting.data;
  const editable = m.actions.includes('update');
  const saved = () => message.success(t('common.saved'));
  const onError = (error: Error) => handleError(error, { onReload: () => meeting.refetch() });

  const move = (i: number, delta: number) => {
    const next = [...rows];
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item);
    setRows(next);
    setDirty(true);
  };
  const saveAgenda = () =>
    setAgenda.mutate({ id, version: m.version, items: rows.map((r) => ({ id: r.id, annotation: r.draftAnnotation })) }, { onSuccess: saved, onError });

  const submitDecision = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    addDecision.mutate(
      { meetingId: id, ...values, projectId: values.projectId ?? null, blockerId: values.blockerId ?? null },
      {
        onSuccess: () => {
          saved();
          setDeciding(false);
        },
        onError: (error) => handleError(error, { form }),
      },
    );
  };

  const blockerOptions = m.agenda
    .filter((a) => a.kind === 'overdue_blocker' || a.kind === 'escalated_blocker')
    .map((a) => ({ value: a.refId!, label: a.title }));
  const decisionColumns: TableColumnsType<Decision> = [
    { title: t('meeting.task'), dataIndex: 'task', render: (task: string, d) => (d.projectName ? `【${d.projectName}】${task}` : task) },
    { title: t('meeting.decisionOwner'), dataIndex: 'ownerName', width: 100 },
    {
      title: t('meeting.decisionDeadline'),
      dataIndex: 'deadlineOn',
      width: 120,
      render: (v: string, d) => <Typography.Text type={d.overdue ? 'danger' : undefined}>{v}</Typography.Text>,
    },
    {
      title: t('dispatch.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => <Tag color={s === 'done' ? 'success' : 'processing'}>{label('decisionStatus', s)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, d) => <DecisionDoneButton decision={d} onReload={() => meeting.refetch()} />,
    },
  ];

  return (
    <div>
      <DetailBreadcrumb trail={[{ label: t('menu.meetings'), to: '/dispatch/meetings' }]} current={m.title} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} wrap gap={8}>
        <Space>
          <Button onClick={() => navigate('/dispatch/meetings')}>{t('dispatch.back')}</Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
          <Tag>{m.heldOn}</Tag>
          <Tag color={m.status === 'closed' ? 'default' : 'gold'}>{label('meetingStatus', m.status)}</Tag>
        </Space>
        <Space>
          <Button icon={<DownloadOutlined />} href={briefUrl(id)}>
            {t('meeting.brief')}
          </Button>
          {m.actions.includes('close') && (
            <Button
              danger
              type="primary"
              loading={close.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('meeting.close'),
                  content: t('meeting.closeConfirm'),
                  onOk: () => close.mutateAsync({ id, version: m.version }).then(saved, onError),
                })
              }
            >
              {t('meeting.close')}
            </Button>
          )}
        </Space>
      </Flex>
      {m.status === 'closed' && <Alert type="info" showIcon title={t('meeting.closed')} style={{ marginBottom: 16 }} />}

      <Card
        size="small"
        title={t('meeting.agenda')}
        extra={
          editable && (
            <Space>
              <Button size="small" loading={regenerate.isPending} onClick={() => regenerate.mutate({ id, version: m.version }, { onSuccess: saved, onError })}>
                {t('meeting.regenerate')}
              </Button>
              <Button size="small" type="primary" disabled={!dirty} loading={setAgenda.isPending} onClick={saveAgenda}>
                {t('meeting.saveAgenda')}
              </Button>
            </Space>
          )
        }
      >
        <List
          dataSource={rows}
          locale={{ emptyText: t('meeting.emptyAgenda') }}
          renderItem={(item, i) => (
            <List.Item
              data-testid="agenda-item"
              actions={
                editable
                  ? [
                      <Button
                        key="up"
                        size="small"
                        aria-label={t('meeting.moveUp')}
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      />,
                      <Button
                        key="down"
                        size="small"
                        aria-label={t('meeting.moveDown')}
                        icon={<ArrowDownOutlined />}
                        disabled={i === rows.length - 1}
                        onClick={() => move(i, 1)}
                      />,
                    ]
                  : []
              }
            >
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Space wrap>
                  <Typography.Text strong>{i + 1}.</Typography.Text>
                  <Tag>{label('agendaKind', item.kind)}</Tag>
                  {item.kind.endsWith('blocker') && item.refId ? (
                    <Link to={`/dispatch/blockers/${item.refId}`}>{item.title}</Link>
                  ) : (
                    <Typography.Text>{item.title}</Typography.Text>
                  )}
                </Space>
                {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
                {editable ? (
                  <Input
                    size="small"
                    aria-label={t('meeting.annotation')}
                    placeholder={t('meeting.annotation')}
                    value={item.draftAnnotation ?? ''}
                    onChange={(e) => {
                      setRows(rows.map((r) => (r.id === item.id ? { ...r, draftAnnotation: e.target.value || null } : r)));
                      setDirty(true);
                    }}
                  />
                ) : (
                  item.annotation && <Typography.Text type="warning">{item.annotation}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
        {editable && (
          <Space.Compact style={{ width: '100%', marginTop: 8 }}>
            <Input placeholder={t('meeting.addItem')} value={newItem} onChange={(e) => setNewItem(e.target.value)} />
            <Button
              disabled={dirty || newItem.trim().length < 2}
              onClick={() =>
                addItem.mutate(
                  { id, version: m.version, title: newItem.trim() },
                  {
                    onSuccess: () => {
                      setNewItem('');
                      saved();
                    },
                    onError,
                  },
                )
              }
            >
              {t('meeting.addItem')}
            </Button>
          </Space.Compact>
        )}
      </Card>

      <Card
        size="small"
        title={t('meeting.decisions')}
        style={{ marginTop: 16 }}
        extra={
          m.actions.includes('addDecision') && (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                form.resetFields();
                setDeciding(true);
              }}
            >
              {t('meeting.addDecision')}
            </Button>
          )
        }
      >
        <Table<Decision> rowKey="id" size="small" columns={decisionColumns} dataSource={m.decisions} pagination={false} />
      </Card>

      <Card size="small" title={t('meeting.minutes')} style={{ marginTop: 16 }}>
        {editable ? (
          <>
            <Input.TextArea aria-label={t('meeting.minutes')} rows={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
            <Button
              style={{ marginTop: 8 }}
              loading={updateMeeting.isPending}
              onClick={() => updateMeeting.mutate({ id, version: m.version, minutes }, { onSuccess: saved, onError })}
            >
              {t('meeting.saveMinutes')}
            </Button>
          </>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes ?? t('common.none')}</Typography.Paragraph>
        )}
      </Card>

      <Modal
        open={deciding}
        title={t('meeting.addDecision')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submitDecision}
        onCancel={() => setDeciding(false)}
        confirmLoading={addDecision.isPending}
        forceRender
      >
        <Form form={form} name="decision-form" layout="vertical" onFinish={submitDecision}>
          <Form.Item name="task" label={t('meeting.task')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="ownerUserId" label={t('meeting.decisionOwner')} rules={[{ required: true, message: t('validation.required') }]}>
            <PersonPicker people={people.data} allowClear={false} />
          </Form.Item>
          <Form.Item name="deadlineOn" label={t('meeting.decisionDeadline')} rules={[{ required: true, message: t('validation.required') }]}>
            <DateField />
          </Form.Item>
          <Form.Item name="projectId" label={t('dispatch.project')}>
            <Select allowClear showSearch optionFilterProp="label" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="blockerId" label={t('meeting.blocker')}>
            <Select allowClear options={blockerOptions} />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
      </Modal>
    </div>
  );
}
