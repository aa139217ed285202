import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { HiringSummary } from '../../../../contract/services/hiring.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useHiringSummary } from '../api/get-summary';

/** 汇总: positions, filled, fairs and partnerships, and the positions by sector, enterprise and category. */
export function SummaryTab({ zoneId }: { zoneId: string | null }) {
  const { t } = useI18n();
  const summary = useHiringSummary(zoneId);
  const s = summary.data;
  const groupTable = (title: string, rows: HiringSummary['bySector'] | undefined) => (
    <Col xs={24} lg={8}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows ?? []}
        columns={[
          { title: t('hiring.group'), dataIndex: 'label' },
          { title: t('hiring.postCount'), dataIndex: 'posts', width: 64 },
          { title: t('hiring.positions'), dataIndex: 'positions', width: 64 },
          { title: t('hiring.filled'), dataIndex: 'filled', width: 64 },
        ]}
      />
    </Col>
  );
  const stats: [Parameters<typeof t>[0], number | undefined][] = [
    ['hiring.positions', s?.positions],
    ['hiring.filled', s?.filled],
    ['hiring.enterprises', s?.enterprises],
    ['hiring.fairs', s?.fairs],
    ['hiring.applicants', s?.applicants],
    ['hiring.hires', s?.hires],
    ['hiring.classSeats', s?.classSeats],
  ];
  return (
    <div>
      <Typography.Paragraph strong data-testid="hiring-summary-text" style={{ fontSize: 16 }}>
        {s?.text ?? '…'}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map(([k, v]) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={t(k)} value={v ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        {groupTable(t('hiring.bySector'), s?.bySector)}
        {groupTable(t('hiring.byEnterprise'), s?.byEnterprise)}
        {groupTable(t('hiring.byCategory'), s?.byCategory)}
      </Row>
    </div>
  );
}
