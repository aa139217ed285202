import { useState } from 'react';
import { DetailBreadcrumb } from '../../../components/detail-breadcrumb';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/use-i18n';
import { tripResultsText } from '../components/trip-results';
import { useTrip } from '../api/trips';
import { AddMeetingModal } from '../components/add-meeting-modal';

/** A trip: who went where, the enterprises met, and its results counted from those meetings. */
export default function TripPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const trip = useTrip(id);
  const [adding, setAdding] = useState(false);
  if (trip.isPending) return <Skeleton active />;
  if (trip.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={trip.error.message} />;
  const r = trip.data;
  return (
    <div>
      <DetailBreadcrumb trail={[{ label: t('menu.trips'), to: '/trips' }]} current={r.title} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.title}
        </Typography.Title>
        {r.actions.includes('addMeeting') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('trips.recordMeeting')}
          </Button>
        )}
      </Space>
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('trips.destination')}>{r.destination}</Descriptions.Item>
        <Descriptions.Item label={t('trips.dates')}>{`${r.startOn} ~ ${r.endOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('trips.leader')}>{r.leader}</Descriptions.Item>
        <Descriptions.Item label={t('trips.members')}>{r.members.join('、') || '—'}</Descriptions.Item>
        {r.note && (
          <Descriptions.Item label={t('leads.note')} span={2}>
            {r.note}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('trips.results')} style={{ marginBottom: 16 }} data-testid="trip-results">
        {tripResultsText(t, r.results)}
      </Card>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.meetings}
        locale={{ emptyText: t('trips.noMeetings') }}
        columns={[
          { title: t('leads.occurredOn'), dataIndex: 'occurredOn' },
          {
            title: t('trips.enterpriseName'),
            dataIndex: 'enterpriseName',
            render: (n, m) => (m.enterpriseId ? <Link to={`/enterprises/${m.enterpriseId}`}>{n}</Link> : '—'),
          },
          { title: t('leads.name'), dataIndex: 'leadName', render: (n, m) => (m.leadId ? <Link to={`/leads/${m.leadId}`}>{n}</Link> : '—') },
          { title: t('leads.outcome'), dataIndex: 'outcome' },
          { title: t('leads.intentReached'), dataIndex: 'intentReached', render: (v) => (v ? <Tag color="green">✓</Tag> : null) },
        ]}
      />
      {r.actions.includes('addMeeting') && <AddMeetingModal trip={r} open={adding} onClose={() => setAdding(false)} />}
    </div>
  );
}
