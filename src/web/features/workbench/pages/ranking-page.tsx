import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, MinusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Result, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { lowerIsBetter, rankIndicators, type KpiRanking, type RankIndicator } from '../../../../contract/kpis.ts';
import { useI18n } from '../../../i18n/use-i18n';
import { Chart, type ChartSpec } from '../../../lib/charts';
import { downloadXlsx } from '../../../lib/export-xlsx';
import { useUrlParams } from '../../../lib/use-url-params';
import { useKpiRanking } from '../api/get-kpi-ranking';
import { kpiLabels, wan } from '../components/dashboard/labels';

type Row = KpiRanking['rows'][number];
const money: readonly RankIndicator[] = ['signedYuan', 'arrivedYuan', 'investedYuan', 'industrialInvestment', 'industrialOutput', 'taxPerMu', 'outputPerMu'];
const rates: readonly RankIndicator[] = ['planRate', 'startRate', 'productionRate', 'chainCompleteness'];
const defaults = {
  indicator: 'signedYuan',
  basis: 'absolute',
  groupBy: 'zone',
  region: '',
  columns: 'signedYuan,investedYuan,startRate,industrialInvestment,taxPerMu',
};

/**
 * 开发区排名: the caller's zones (or cities) ranked on one indicator — the year to date or its growth
 * — with the chosen indicators as sortable columns, the rank a month earlier, a sorted bar chart and
 * the drill-down province → city → zone (its 驾驶舱) → project. Everything is in the address.
 */
export default function RankingPage() {
  const { t, locale } = useI18n();
  const L = kpiLabels(locale);
  const navigate = useNavigate();
  const [p, set] = useUrlParams(defaults);
  const indicator = (rankIndicators as readonly string[]).includes(p.indicator) ? (p.indicator as RankIndicator) : 'signedYuan';
  const columnsShown = p.columns.split(',').filter((c): c is RankIndicator => (rankIndicators as readonly string[]).includes(c));
  const ranking = useKpiRanking({
    indicator,
    basis: p.basis as 'absolute' | 'growth',
    groupBy: p.groupBy as 'zone' | 'city',
    regionCode: p.region || undefined,
  });
  const name = (i: RankIndicator) => t(`rank.ind.${i}` as never);
  const show = (i: RankIndicator, v: number | null) =>
    v === null ? '—' : money.includes(i) ? (i === 'taxPerMu' || i === 'outputPerMu' ? `${wan(v).toLocaleString(locale)}万元/亩` : L.money(v)) : rates.includes(i) ? L.percent(v) : v.toLocaleString(locale);
  const score = (r: Row, i: RankIndicator) => (p.basis === 'growth' ? r.values[i].growth : r.values[i].value);

  const drill = (r: Row) => {
    if (p.groupBy === 'city') set({ groupBy: 'zone', region: r.key });
    else navigate(`/rankings/zones/${r.key}`);
  };

  const change = (r: Row) => {
    if (r.rank === null) return null;
    if (r.previousRank === null) return <Tag>{t('rank.new')}</Tag>;
    const d = r.previousRank - r.rank;
    if (d === 0) return <Typography.Text type="secondary"><MinusOutlined /> {t('rank.same')}</Typography.Text>;
    return d > 0 ? (
      <Typography.Text type="success" aria-label={t('rank.up', { n: d })}>
        <ArrowUpOutlined /> {d}
      </Typography.Text>
    ) : (
      <Typography.Text type="danger" aria-label={t('rank.down', { n: -d })}>
        <ArrowDownOutlined /> {-d}
      </Typography.Text>
    );
  };

  const shownColumns = [...new Set([indicator, ...columnsShown])];
  const columns: TableColumnsType<Row> = [
    { title: t('rank.rank'), dataIndex: 'rank', width: 64, fixed: 'left', sorter: (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9), render: (v: number | null) => v ?? '—' },
    { title: t('rank.change'), key: 'change', width: 80, render: (_, r) => change(r) },
    {
      title: t('rank.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 150,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (v: string, r) => (
        <a onClick={() => drill(r)} data-testid="rank-drill">
          {v}
        </a>
      ),
    },
    p.groupBy === 'city'
      ? { title: t('rank.zones'), dataIndex: 'zones', width: 80, sorter: (a, b) => a.zones - b.zones }
      : { title: t('rank.city'), dataIndex: 'cityName', width: 90, responsive: ['md'] },
    ...shownColumns.map((i) => ({
      title: name(i) + (p.basis === 'growth' ? `（${t('rank.growthBasis')}）` : ''),
      key: i,
      width: 140,
      align: 'right' as const,
      defaultSortOrder: i === indicator ? ((lowerIsBetter.includes(i) && p.basis === 'absolute' ? 'ascend' : 'descend') as 'ascend' | 'descend') : undefined,
      sorter: (a: Row, b: Row) => (score(a, i) ?? -Infinity) - (score(b, i) ?? -Infinity),
      render: (_: unknown, r: Row) => {
        const c = r.values[i];
        return (
          <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
            <span>{p.basis === 'growth' ? L.percent(c.growth) : show(i, c.value)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.basis === 'growth' ? show(i, c.value) : c.growth === null ? '' : `${c.growth >= 0 ? '+' : ''}${L.percent(c.growth)}`}
            </Typography.Text>
          </Space>
        );
      },
    })),
  ];

  const rows = ranking.data?.rows ?? [];
  const ranked = rows.filter((r) => r.rank !== null);
  const isMoney = money.includes(indicator) && p.basis === 'absolute';
  const chart: ChartSpec = {
    kind: 'bar',
    horizontal: true,
    category: 'name',
    values: ['value'],
    dataset: {
      columns: [
        { key: 'name', label: t('rank.name') },
        {
          key: 'value',
          label: `${name(indicator)}${p.basis === 'growth' ? '（%）' : isMoney ? '（万元）' : rates.includes(indicator) ? '（%）' : ''}`,
        },
        { key: 'key', label: 'id' },
      ],
      rows: ranked.slice(0, 30).map((r) => {
        const v = score(r, indicator)!;
        return { key: r.key, name: r.name, value: p.basis === 'growth' || rates.includes(indicator) ? Math.round(v * 1000) / 10 : isMoney ? wan(v) : v };
      }),
    },
  };

  const exportTable = () =>
    downloadXlsx(
      `${t('rank.title')}-${name(indicator)}`,
      [
        { key: 'rank', label: t('rank.rank') },
        { key: 'previousRank', label: `${t('rank.rank')}（上月）` },
        { key: 'name', label: t('rank.name') },
        { key: 'cityName', label: t('rank.city') },
        ...shownColumns.flatMap((i) => [
          { key: i, label: name(i) + (money.includes(i) ? '（元）' : '') },
          { key: `${i}.growth`, label: `${name(i)} ${t('rank.growthBasis')}` },
        ]),
      ],
      rows.map((r) => ({
        rank: r.rank,
        previousRank: r.previousRank,
        name: r.name,
        cityName: r.cityName,
        ...Object.fromEntries(shownColumns.flatMap((i) => [[i, r.values[i].value], [`${i}.growth`, r.values[i].growth]])),
      })),
    );

  const crumbs = [{ title: <a onClick={() => set({ region: '', groupBy: 'city' })}>{t('rank.province')}</a> }];
  if (p.region) crumbs.push({ title: <span>{rows[0]?.cityName ?? p.region}</span> });

  if (ranking.isError) return <Result status="warning" title={t('common.loadFailed')} subTitle={ranking.error.message} extra={<Button onClick={() => ranking.refetch()}>{t('common.retry')}</Button>} />;

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('rank.title')}
        </Typography.Title>
        <Space className="zd-no-print" wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void exportTable()} disabled={rows.length === 0}>
            {t('rank.export')}
          </Button>
        </Space>
      </Space>
      <Breadcrumb items={crumbs} style={{ marginBottom: 8 }} />
      <Space wrap style={{ marginBottom: 12 }} className="zd-no-print">
        <Select
          aria-label={t('rank.indicator')}
          style={{ width: 170 }}
          value={indicator}
          onChange={(v) => set({ indicator: v })}
          options={rankIndicators.map((i) => ({ value: i, label: name(i) }))}
          data-testid="rank-indicator"
        />
        <Segmented
          value={p.basis}
          onChange={(v) => set({ basis: String(v) })}
          options={[
            { value: 'absolute', label: t('rank.absolute') },
            { value: 'growth', label: t('rank.growthBasis') },
          ]}
        />
        <Segmented
          value={p.groupBy}
          onChange={(v) => set({ groupBy: String(v), region: v === 'city' ? '' : p.region })}
          options={[
            { value: 'zone', label: t('rank.byZone') },
            { value: 'city', label: t('rank.byCity') },
          ]}
        />
        <Select
          mode="multiple"
          aria-label={t('rank.columns')}
          placeholder={t('rank.columns')}
          style={{ minWidth: 260, maxWidth: 520 }}
          maxTagCount="responsive"
          value={columnsShown}
          onChange={(v: string[]) => set({ columns: v.join(',') })}
          options={rankIndicators.map((i) => ({ value: i, label: name(i) }))}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {ranking.data && t('rank.through', { year: ranking.data.year, month: Number(ranking.data.throughMonth.slice(5, 7)), statYear: ranking.data.statYear })} {t('rank.drill')}
      </Typography.Paragraph>
      <Card size="small" title={t('rank.chart', { indicator: name(indicator) })} style={{ marginBottom: 12 }}>
        <Chart spec={chart} height={Math.max(220, Math.min(30, ranked.length) * 22 + 40)} exportName={`${t('rank.title')}-${name(indicator)}`} onItemClick={({ row }) => {
          const r = rows.find((x) => x.key === row.key);
          if (r) drill(r);
        }} />
      </Card>
      <Table<Row>
        rowKey="key"
        size="small"
        loading={ranking.isFetching}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: t('rank.empty') }}
        data-testid="rank-table"
      />
    </div>
  );
}
