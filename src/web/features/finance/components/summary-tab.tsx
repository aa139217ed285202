import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { formatMoney } from '../../../../contract/money.ts';
import type { InstitutionKind } from '../../../../contract/services/enums.ts';
import { institutionKindLabels } from '../../../../contract/services/labels.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { useFinanceSummary } from '../api/get-summary';
import { labelOf } from './labels';

/** 季度汇总: the latest quarter's line, the four quarters and the institutions' share, from the records. */
export function SummaryTab({ zoneId, year }: { zoneId: string | null; year?: number }) {
  const { t, locale } = useI18n();
  const summary = useFinanceSummary({ zoneId: zoneId ?? undefined, year });
  const s = summary.data;
  const money = (v: number) => formatMoney(v, locale);
  return (
    <div>
      <Typography.Paragraph strong data-testid="finance-summary-text" style={{ fontSize: 16, marginBottom: 4 }}>
        {s?.text ?? '…'}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="finance-summary-total">
        {s?.totalText ?? ''}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(
          [
            ['finance.events', s?.total.events],
            ['finance.needs', s?.total.needs],
            ['finance.loans', s?.total.granted],
            ['finance.granted', s ? money(s.total.grantedYuan) : '—'],
            ['finance.pending', s?.pending],
            ['finance.openNeeds', s?.openNeeds],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small">
              <Statistic title={t(k)} value={v ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table
        size="small"
        rowKey="quarter"
        loading={summary.isLoading}
        dataSource={s?.quarters ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { title: t('finance.quarter'), dataIndex: 'label', width: 150 },
          { title: t('finance.events'), dataIndex: 'events', width: 80 },
          { title: t('finance.needs'), dataIndex: 'needs', width: 80 },
          { title: t('finance.needAmount'), dataIndex: 'needYuan', width: 120, render: money },
          { title: t('finance.referrals'), dataIndex: 'referrals', width: 80 },
          { title: t('finance.loans'), dataIndex: 'granted', width: 80 },
          { title: t('finance.granted'), dataIndex: 'grantedYuan', width: 120, render: money },
          { title: t('finance.declined'), dataIndex: 'declined', width: 80 },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('finance.byInstitution')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="institutionId"
        dataSource={s?.byInstitution ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('finance.institution'), dataIndex: 'name' },
          { title: t('finance.institutionKind'), dataIndex: 'kind', width: 100, render: (k: InstitutionKind) => labelOf(institutionKindLabels[k], locale) },
          { title: t('finance.referrals'), dataIndex: 'referrals', width: 90 },
          { title: t('finance.loans'), dataIndex: 'granted', width: 90 },
          { title: t('finance.granted'), dataIndex: 'grantedYuan', width: 120, render: money },
        ]}
      />
    </div>
  );
}
