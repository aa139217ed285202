import { Link, useParams } from 'react-router';
import { Card, Descriptions, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/use-i18n';
import { useTrip } from '../api/trips';

/** A trip: who went where, the enterprises met, and its results counted from those meetings. */
export default function TripPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const trip = useTrip(id);
  if (trip.isPending) return <Skeleton active />;
  if (trip.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={trip.error.message} />;
  const r = trip.data;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {r.title}
      </Typography.Title>
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
        {[
          t('trips.enterprisesMet', { n: r.results.enterprisesMet }),
          t('trips.agreementsSigned', { n: r.results.agreementsSigned }),
          t('trips.intentsGained', { n: r.results.intentsGained }),
        ].join('，')}
      </Card>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.meetings}
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
    </div>
  );
}
