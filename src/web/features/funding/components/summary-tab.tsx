import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import { applicationStatusLabels } from '../../../../contract/services/labels.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useFundingSummary } from '../api/get-summary';
import { labelOf } from './labels';

/** 汇总: the headline line and figures, by programme and by status, from the records. */
export function SummaryTab({ zoneId, year }: { zoneId: string | null; year?: number }) {
  const { t, locale } = useI18n();
  const summary = useFundingSummary({ zoneId: zoneId ?? undefined, year });
  const s = summary.data;
  return (
    <div>
      <Typography.Paragraph strong data-testid="funding-summary-text" style={{ fontSize: 16 }}>
        {s?.text ?? '…'}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(
          [
            ['funding.reserveCount', s?.reserve],
            ['funding.appliedCount', s?.applied],
            ['funding.contactCount', s?.contacts],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(k)} value={v ?? 0} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('funding.granted')} value={formatMoney(s?.grantedYuan ?? 0, locale)} />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('funding.byProgramme')}</Typography.Title>
      <Table
        size="small"
        rowKey="programmeId"
        loading={summary.isLoading}
        dataSource={s?.byProgramme ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('funding.programme'), dataIndex: 'name' },
          { title: t('funding.year'), dataIndex: 'year', width: 70 },
          { title: t('funding.reserveCount'), dataIndex: 'reserve', width: 70 },
          { title: t('funding.appliedCount'), dataIndex: 'applied', width: 70 },
          { title: t('funding.contactCount'), dataIndex: 'contacts', width: 70 },
          { title: t('funding.asked'), dataIndex: 'askedYuan', width: 120, render: (v: number) => formatMoney(v, locale) },
          { title: t('funding.granted'), dataIndex: 'grantedYuan', width: 120, render: (v: number) => formatMoney(v, locale) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('funding.byStatus')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="status"
        dataSource={s?.byStatus ?? []}
        pagination={false}
        scroll={{ x: 400 }}
        columns={[
          { title: t('funding.status'), dataIndex: 'status', render: (v: keyof typeof applicationStatusLabels) => labelOf(applicationStatusLabels[v], locale) },
          { title: t('funding.count'), dataIndex: 'count', width: 80 },
          { title: t('funding.asked'), dataIndex: 'askedYuan', width: 120, render: (v: number) => formatMoney(v, locale) },
          { title: t('funding.granted'), dataIndex: 'grantedYuan', width: 120, render: (v: number) => formatMoney(v, locale) },
        ]}
      />
    </div>
  );
}
