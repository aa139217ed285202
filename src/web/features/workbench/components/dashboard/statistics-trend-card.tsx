import { Card, Col, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { indicatorByCode, type IndicatorCode } from '../../../../../contract/statistics-indicators.ts';
import { useI18n } from '../../../../i18n/use-i18n';
import { Chart, type ChartSpec } from '../../../../lib/charts';
import { useStatTrend } from '../../api/get-stat-trend';

const shown: IndicatorCode[] = ['industrial_investment', 'industrial_output', 'above_scale_enterprises', 'high_tech_enterprises', 'tax_revenue'];

/** 统计局 figures of the zone over five years (values as a line, growth as bars); a click opens the statistics grid. */
export function StatisticsTrendCard({ zoneId, year, exportPrefix }: { zoneId: string; year: number; exportPrefix: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [indicator, setIndicator] = useState<IndicatorCode>('industrial_investment');
  const trend = useStatTrend(zoneId, indicator, String(year - 4), String(year));
  const def = indicatorByCode.get(indicator)!;
  const name = (code: IndicatorCode) => (locale === 'en-US' ? indicatorByCode.get(code)!.en : indicatorByCode.get(code)!.zh);
  const unit = locale === 'en-US' ? def.unitEn : def.unit;
  const spec: ChartSpec = {
    kind: 'line',
    category: 'period',
    values: ['value', 'growth'],
    seriesKinds: { growth: 'bar' },
    rightAxis: ['growth'],
    dataset: {
      columns: [
        { key: 'period', label: t('kpi.period') },
        { key: 'value', label: `${name(indicator)}（${unit}）` },
        { key: 'growth', label: t('kpi.growth'), format: (v) => `${v}%` },
      ],
      rows: (trend.data?.points ?? []).filter((p) => p.number !== null).map((p) => ({ period: p.period, value: p.number, growth: p.reportedGrowthPct ?? p.derivedGrowthPct })),
    },
  };
  return (
    <Col xs={24} className="zd-print-block">
      <Card
        size="small"
        title={t('kpi.statTrend')}
        extra={
          <Select
            size="small"
            aria-label={t('kpi.statTrend')}
            style={{ width: 130 }}
            value={indicator}
            onChange={(v) => setIndicator(v)}
            options={shown.map((c) => ({ value: c, label: name(c) }))}
            data-testid="kpi-stat-indicator"
          />
        }
      >
        {trend.isPending ? <Skeleton active /> : <Chart renderer="svg" spec={spec} exportName={`${exportPrefix}${name(indicator)}`} onItemClick={() => navigate('/statistics')} />}
      </Card>
    </Col>
  );
}
