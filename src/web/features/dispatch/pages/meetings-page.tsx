import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DateField } from '../../../components/date-field';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { Meeting } from '../../../../contract/dispatch.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateMeeting } from '../api/create-meeting';
import { useMeetings } from '../api/list-meetings';
import { useDispatchLabels } from '../components/use-dispatch-labels';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 周调度会: past and coming meetings; a new one gets its agenda generated from the data. */
export default function MeetingsPage() {
  const { t } = useI18n();
  const label = useDispatchLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { hasPermission } = useSession();
  const current = useCurrentZone();
  const meetings = useMeetings(current.zoneId);
  const create = useCreateMeeting();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ zoneId: string; heldOn: string; title?: string }>();

  const columns: TableColumnsType<Meeting> = [
    { title: t('meeting.heldOn'), dataIndex: 'heldOn', width: 130 },
    { title: t('meeting.title'), dataIndex: 'title', render: (title: string, m) => <Link to={`/dispatch/meetings/${m.id}`}>{title}</Link> },
    {
      title: t('meeting.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: string) => <Tag color={s === 'closed' ? 'default' : s === 'open' ? 'processing' : 'gold'}>{label('meetingStatus', s)}</Tag>,
    },
    { title: t('meeting.agendaCount'), dataIndex: 'agendaCount', width: 90 },
    { title: t('meeting.decisionCount'), dataIndex: 'decisionCount', width: 100 },
  ];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    create.mutate(
      { ...values, title: values.title || undefined },
      {
        onSuccess: (m) => {
          message.success(t('common.created'));
          setOpen(false);
          navigate(`/dispatch/meetings/${m.id}`);
        },
        onError: (error) => handleError(error, { form }),
      },
    );
  };

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('meeting.listTitle')}
        </Typography.Title>
        {hasPermission('meeting.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.setFieldsValue({ zoneId: current.zoneId ?? current.zones[0]?.id, heldOn: today(), title: '' });
              setOpen(true);
            }}
          >
            {t('meeting.create')}
          </Button>
        )}
      </Flex>
      {meetings.isError && <Alert type="error" showIcon title={meetings.error.message} />}
      <Table<Meeting> rowKey="id" columns={columns} dataSource={meetings.data} loading={meetings.isPending} pagination={{ pageSize: 20 }} />
      <Modal
        open={open}
        title={t('meeting.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} name="meeting-form" layout="vertical" onFinish={submit}>
          <Form.Item name="zoneId" label={t('dispatch.zone')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={current.zones.map((z) => ({ value: z.id, label: z.shortName }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('meeting.heldOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DateField />
          </Form.Item>
          <Form.Item name="title" label={t('meeting.title')}>
            <Input maxLength={100} />
          </Form.Item>
          <Space />
          <button type="submit" hidden />
        </Form>
      </Modal>
    </div>
  );
}
