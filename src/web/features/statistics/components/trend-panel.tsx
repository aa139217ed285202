import { useState } from 'react';
import { Card, Select, Space, Table, Typography } from 'antd';
import { indicatorByCode, indicators, periodText, type IndicatorCode, type StatPeriodKind } from '../../../../contract/statistics-indicators.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { Chart, type ChartSpec } from '../../../lib/charts';
import { useTrend } from '../api/get-trend';
import { readable } from './stat-grid';

/** One indicator over the periods: a line of the values, bars of the year-on-year growth, and the table. */
export function TrendPanel({ zoneId, zoneName, kind, from, to }: { zoneId: string; zoneName: string; kind: StatPeriodKind; from?: string; to?: string }) {
  const { t, locale } = useI18n();
  const [indicator, setIndicator] = useState<IndicatorCode>('industrial_investment');
  const ind = indicatorByCode.get(indicator)!;
  const trend = useTrend({ zoneId, indicator, kind, from, to });
  const name = (i: { zh: string; en: string }) => (locale === 'en-US' ? i.en : i.zh);
  const unit = locale === 'en-US' ? ind.unitEn : ind.unit;
  const points = trend.data?.points ?? [];
  const spec: ChartSpec = {
    kind: 'line',
    category: 'period',
    values: ['value', 'growth'],
    seriesKinds: { growth: 'bar' },
    rightAxis: ['growth'],
    dataset: {
      columns: [
        { key: 'period', label: t('stats.period') },
        { key: 'value', label: `${name(ind)}（${unit}）` },
        { key: 'growth', label: ind.kind === 'ratio' ? t('stats.reportedGrowth') : t('stats.derivedGrowth'), format: (v) => `${v}%` },
      ],
      rows: points
        .filter((p) => p.number != null)
        .map((p) => ({ period: periodText(p.period, locale), value: p.number, growth: p.derivedGrowthPct ?? p.reportedGrowthPct ?? null })),
    },
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{t('stats.trend')}</span>
          <Select
            value={indicator}
            onChange={setIndicator}
            style={{ minWidth: 200 }}
            showSearch
            optionFilterProp="label"
            aria-label={t('stats.indicator')}
            data-testid="stats-trend-indicator"
            options={indicators.map((i) => ({ value: i.code, label: name(i) }))}
          />
        </Space>
      }
    >
      <Chart spec={spec} exportName={`${zoneName}${name(ind)}趋势`} height={260} ariaLabel={`${name(ind)} ${t('stats.trend')}`} />
      <Table
        size="small"
        rowKey="period"
        pagination={false}
        loading={trend.isLoading}
        scroll={{ x: 480 }}
        data-testid="stats-trend-table"
        dataSource={points}
        locale={{ emptyText: t('stats.noData') }}
        columns={[
          { title: t('stats.period'), dataIndex: 'period', render: (p: string) => periodText(p, locale, ind.kind === 'amount') },
          { title: `${name(ind)}（${unit}）`, dataIndex: 'value', align: 'right', render: (v: string | null) => (v == null ? '—' : readable(v)) },
          { title: t('stats.reportedGrowth'), dataIndex: 'reportedGrowthPct', align: 'right', render: (v: number | null) => (v == null ? '—' : `${v}%`) },
          {
            title: t('stats.derivedGrowth'),
            dataIndex: 'derivedGrowthPct',
            align: 'right',
            render: (v: number | null) =>
              v == null ? '—' : <Typography.Text type={v < 0 ? 'danger' : undefined}>{`${v > 0 ? '+' : ''}${v}%`}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
