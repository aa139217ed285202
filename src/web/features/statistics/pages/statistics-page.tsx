import { useState } from 'react';
import { Button, Empty, Segmented, Select, Space, Spin, Tabs, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { StatPeriodKind } from '../../../../contract/statistics-indicators.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { chinaToday } from '../../../lib/format-date-time';
import { useSession } from '../../../lib/session-context';
import { useGrid } from '../api/get-grid';
import { statisticsExportUrl } from '../api/export-url';
import { StatGridTable } from '../components/stat-grid';
import { TrendPanel } from '../components/trend-panel';

/** The range a kind shows for a year: its months, its quarters, or the six years up to it. */
function rangeOf(kind: StatPeriodKind, year: number, today: string) {
  const thisYear = Number(today.slice(0, 4));
  if (kind === 'year') return { from: String(year - 5), to: String(year) };
  if (kind === 'quarter') return { from: `${year}Q1`, to: year < thisYear ? `${year}Q4` : `${year}Q${Math.ceil(Number(today.slice(5, 7)) / 3)}` };
  return { from: `${year}-01`, to: year < thisYear ? `${year}-12` : today.slice(0, 7) };
}

/** 主要经济指标: the entry grid (indicators × periods) and the trend of one indicator, for one zone. */
export default function StatisticsPage() {
  const { t } = useI18n();
  const current = useCurrentZone();
  const { hasPermission } = useSession();
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const zoneId = current.zoneId ?? chosenZone ?? current.zones[0]?.id ?? null;
  const zone = current.zones.find((z) => z.id === zoneId);
  const [kind, setKind] = useState<StatPeriodKind>('year');
  const [year, setYear] = useState(kind === 'year' ? thisYear - 1 : thisYear);
  const range = rangeOf(kind, year, today);
  const query = zoneId ? { zoneId, kind, ...range } : null;
  const grid = useGrid(query);
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

  return (
    <div>
      <PageHeader
        title={t('stats.title')}
        extra={
          <Space wrap>
            {!current.zoneId && current.zones.length > 1 && (
              <Select
                style={{ minWidth: 200 }}
                value={zoneId ?? undefined}
                onChange={setChosenZone}
                showSearch
                optionFilterProp="label"
                placeholder={t('stats.chooseZone')}
                aria-label={t('stats.zone')}
                options={current.zones.map((z) => ({ value: z.id, label: z.name }))}
              />
            )}
            <Segmented
              value={kind}
              onChange={(v) => {
                setKind(v as StatPeriodKind);
                setYear(v === 'year' ? thisYear - 1 : thisYear);
              }}
              options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`stats.kind.${k}`) }))}
              data-testid="stats-kind"
            />
            <Select
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              aria-label={t('stats.year')}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            {hasPermission('statistics.enter') && (
              <Link to="/statistics/import">
                <Button icon={<UploadOutlined />}>{t('stats.import')}</Button>
              </Link>
            )}
            {query && (
              <Button icon={<DownloadOutlined />} href={statisticsExportUrl(query)} data-testid="stats-export">
                {t('stats.export')}
              </Button>
            )}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('stats.intro')}</Typography.Paragraph>
      {!zoneId ? (
        <Empty description={t('stats.chooseZone')} />
      ) : !grid.data ? (
        <Spin />
      ) : (
        <Tabs
          items={[
            { key: 'grid', label: t('stats.grid'), children: <StatGridTable grid={grid.data} /> },
            {
              key: 'trend',
              label: t('stats.trend'),
              children: <TrendPanel zoneId={zoneId} zoneName={zone?.name ?? grid.data.zoneName} kind={kind} {...range} />,
            },
          ]}
        />
      )}
    </div>
  );
}
