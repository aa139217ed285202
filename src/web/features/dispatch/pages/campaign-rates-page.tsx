import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { CampaignRates } from '../../../../contract/dispatch.ts';
import { formatMoney } from '../../../../contract/money.ts';
import { PageHeader } from '../../../components/page-header';
import { useI18n } from '../../../i18n/use-i18n';
import { useCurrentZone } from '../../../lib/current-zone-context';
import { useCampaignRates } from '../api/campaign-rates';
import { trackingUrl } from '../api/download-urls';
import { chinaToday } from '../components/overdue-text';

const pct = (r: { rate: number | null }) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const rateKeys = ['signing', 'start', 'production', 'output'] as const;

type Rate = CampaignRates['signing'];
const emptyRate: Rate = { planned: 0, done: 0, rate: null, plannedAmountYuan: 0, doneAmountYuan: 0, extra: 0, extraAmountYuan: 0 };
const emptyRates: CampaignRates = { signing: emptyRate, start: emptyRate, production: emptyRate, output: emptyRate };
/** Several zones' rates added up: done over planned of the sums, not an average of rates. */
function sumRates(list: CampaignRates[]): CampaignRates {
  const sum = (k: keyof CampaignRates): Rate => {
    const r = list.reduce(
      (a, x) => ({
        planned: a.planned + x[k].planned,
        done: a.done + x[k].done,
        plannedAmountYuan: a.plannedAmountYuan + x[k].plannedAmountYuan,
        doneAmountYuan: a.doneAmountYuan + x[k].doneAmountYuan,
        extra: a.extra + x[k].extra,
        extraAmountYuan: a.extraAmountYuan + x[k].extraAmountYuan,
      }),
      { planned: 0, done: 0, plannedAmountYuan: 0, doneAmountYuan: 0, extra: 0, extraAmountYuan: 0 },
    );
    return { ...r, rate: r.planned > 0 ? r.done / r.planned : null };
  };
  return { signing: sum('signing'), start: sum('start'), production: sum('production'), output: sum('output') };
}

interface Row {
  key: string;
  name: string;
  campaignId?: string;
  rates: CampaignRates;
  children?: Row[];
}

/**
 * 三个一批完成率: per zone (all its campaigns of the year) and per batch (each quarter's campaign),
 * the four rates; the current zone, or every zone the caller covers (province and city viewers see
 * several). Each batch's tracking sheet downloads from its row.
 */
export default function CampaignRatesPage() {
  const { t, locale } = useI18n();
  const current = useCurrentZone();
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const rates = useCampaignRates(year);

  // Every zone in view, those without a campaign this year too (shown as —), and a total when there are several.
  const rows: Row[] = useMemo(() => {
    if (!rates.data) return [];
    const byZone = new Map(rates.data.map((z) => [z.zoneId, z]));
    const zones = current.zoneId ? current.zones.filter((z) => z.id === current.zoneId) : current.zones;
    const list: Row[] = zones.map((zone) => {
      const z = byZone.get(zone.id);
      return {
        key: zone.id,
        name: z?.zoneName ?? zone.shortName,
        rates: z?.rates ?? emptyRates,
        children: z?.batches.length ? z.batches.map((b) => ({ key: b.campaignId, name: b.name, campaignId: b.campaignId, rates: b.rates })) : undefined,
      };
    });
    if (list.length < 2) return list;
    return [...list, { key: 'total', name: t('campaign.ratesTotal', { count: list.length }), rates: sumRates(list.map((r) => r.rates)) }];
  }, [rates.data, current.zoneId, current.zones, t]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('campaign.ratesZone'),
      dataIndex: 'name',
      width: 300,
      render: (name: string, r) =>
        r.campaignId ? name : <Typography.Text strong>{r.key === 'total' ? name : `${name}（${t('campaign.allQuarters')}）`}</Typography.Text>,
    },
    ...rateKeys.map((k) => ({
      title: t(`campaign.rate.${k}`),
      key: k,
      width: 150,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (
        <Space size={6}>
          <span data-testid={`rate-${k}`}>{pct(r.rates[k])}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r.rates[k].done}/${r.rates[k].planned}`}</Typography.Text>
        </Space>
      ),
    })),
    {
      title: t('campaign.signedAmount'),
      key: 'amount',
      width: 210,
      align: 'right' as const,
      render: (_: unknown, r: Row) =>
        r.rates.signing.planned === 0
          ? '—'
          : `${formatMoney(r.rates.signing.doneAmountYuan, locale)} / ${formatMoney(r.rates.signing.plannedAmountYuan, locale)}`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, r: Row) =>
        r.campaignId ? (
          <Button size="small" type="link" icon={<DownloadOutlined />} href={trackingUrl(r.campaignId)}>
            {t('campaign.export')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('campaign.ratesTitle')}
        extra={
          <Select
            aria-label={t('campaign.year')}
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={[0, 1, 2, 3, 4].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
          />
        }
      />
      {rates.isError && <Alert type="error" showIcon title={rates.error.message} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={rates.isFetching}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={`${year}-${rows.length}`}
        locale={{ emptyText: <Empty description={t('campaign.ratesEmpty')} /> }}
      />
    </div>
  );
}
