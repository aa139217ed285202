import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Checkbox, DatePicker, Form, Input, Modal, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n/use-i18n';
import { tripResultsText } from '../components/trip-results';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useSession } from '../../../lib/session-context';
import { useApiErrorHandler } from '../../../lib/use-api-error-handler';
import { useCreateTrip, useTrips } from '../api/trips';

interface MeetingValues {
  enterpriseName: string;
  creditCode?: string;
  noCreditCode?: boolean;
  newLeadName?: string;
  occurredOn: Dayjs;
  outcome?: string;
  intentReached?: boolean;
}

/** 外出招商: trips and what they achieved, counted from the meetings. */
export default function TripsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { zoneId, zones } = useCurrentZone();
  const { hasPermission } = useSession();
  const trips = useTrips(zoneId);
  const create = useCreateTrip();
  const onError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();

  const submit = async () => {
    const v = await form.validateFields();
    const [start, end] = v.dates as [Dayjs, Dayjs];
    try {
      const trip = await create.mutateAsync({
        zoneId: zoneId ?? (zones.length === 1 ? zones[0].id : undefined),
        title: v.title,
        destination: v.destination,
        startOn: start.format('YYYY-MM-DD'),
        endOn: end.format('YYYY-MM-DD'),
        leader: v.leader,
        members: String(v.members ?? '')
          .split(/[,，、\s]+/)
          .filter(Boolean),
        meetings: ((v.meetings as MeetingValues[] | undefined) ?? []).map((m) => ({
          enterprise: { name: m.enterpriseName, creditCode: m.noCreditCode ? undefined : m.creditCode, noCreditCode: m.noCreditCode },
          newLead: m.newLeadName ? { name: m.newLeadName } : undefined,
          occurredOn: m.occurredOn.format('YYYY-MM-DD'),
          outcome: m.outcome,
          intentReached: m.intentReached,
        })),
      });
      setOpen(false);
      form.resetFields();
      navigate(`/trips/${trip.id}`);
    } catch (error) {
      onError(error, { form });
    }
  };

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('trips.title')}
        </Typography.Title>
        {hasPermission('lead.update') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('trips.create')}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        loading={trips.isFetching}
        dataSource={trips.data?.items}
        pagination={false}
        columns={[
          { title: t('trips.titleField'), dataIndex: 'title', render: (n, r) => <Link to={`/trips/${r.id}`}>{n}</Link> },
          { title: t('trips.destination'), dataIndex: 'destination' },
          { title: t('trips.dates'), render: (_, r) => `${r.startOn} ~ ${r.endOn}` },
          { title: t('trips.leader'), dataIndex: 'leader' },
          {
            title: t('trips.results'),
            render: (_, r) => tripResultsText(t, r.results),
          },
        ]}
      />
      <Modal open={open} width={760} title={t('trips.create')} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="trip" initialValues={{ dates: [dayjs().subtract(2, 'day'), dayjs()], meetings: [] }}>
          <Form.Item name="title" label={t('trips.titleField')} rules={[{ required: true, min: 2 }]}>
            <Input placeholder="赴长三角开展产业链招商" />
          </Form.Item>
          <Space>
            <Form.Item name="destination" label={t('trips.destination')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="dates" label={t('trips.dates')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </Space>
          <Space>
            <Form.Item name="leader" label={t('trips.leader')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="members" label={t('trips.members')}>
              <Input />
            </Form.Item>
          </Space>
          <Typography.Text strong>{t('trips.meetings')}</Typography.Text>
          <Form.List name="meetings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" style={{ marginTop: 8 }} extra={<a onClick={() => remove(f.name)}>×</a>} title={`#${i + 1}`}>
                    <Space wrap>
                      <Form.Item name={[f.name, 'enterpriseName']} rules={[{ required: true, min: 2 }]}>
                        <Input placeholder={t('trips.enterpriseName')} style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'creditCode']}>
                        <Input placeholder={t('trips.creditCode')} style={{ width: 200 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'noCreditCode']} valuePropName="checked">
                        <Checkbox>{t('trips.noCode')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'occurredOn']} rules={[{ required: true }]} initialValue={dayjs().subtract(1, 'day')}>
                        <DatePicker />
                      </Form.Item>
                      <Form.Item name={[f.name, 'newLeadName']}>
                        <Input placeholder={t('trips.newLead')} style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'outcome']}>
                        <Input placeholder={t('leads.outcome')} style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'intentReached']} valuePropName="checked">
                        <Checkbox>{t('leads.intentReached')}</Checkbox>
                      </Form.Item>
                    </Space>
                  </Card>
                ))}
                <Button style={{ marginTop: 8 }} onClick={() => add()}>
                  {t('trips.addMeeting')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </div>
  );
}
