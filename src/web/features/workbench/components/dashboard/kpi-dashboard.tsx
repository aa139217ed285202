import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { KpiDashboard as Dashboard } from '../../../../../contract/kpis.ts';
import { useI18n } from '../../../../i18n/use-i18n';
import { Chart, type ChartSpec } from '../../../../lib/charts';
import { useCurrentZone } from '../../../../lib/current-zone-context';
import { useSession } from '../../../../lib/session-context';
import { useKpiDashboard } from '../../api/get-kpi-dashboard';
import { useRefreshKpis } from '../../api/refresh-kpis';
import { kpiLabels, wan } from './labels';
import { StatisticsTrendCard } from './statistics-trend-card';
import { LazyResult } from '../../../../components/lazy-result';

const flagColours = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' } as const;

export interface KpiDashboardProps {
  /** One zone, or null for all of the caller's zones (the roll-up). */
  zoneId: string | null;
  /** Shown above the cards (the zone's name on a drill-down). */
  title?: ReactNode;
}

/**
 * 驾驶舱: the zone's KPIs from the maintained summaries — headline figures, investment plan vs done,
 * projects by stage and flag, the top slipped projects, the pipeline funnel and conversion by 招商方式,
 * signed amount by quarter and method, blockers; the 企业服务 lines (funding, hiring, 银企对接) as their
 * modules word them. Every figure links to the records behind it (the
 * list pages with their filters in the address); every chart exports its data; 打印 prints it.
 */
export function KpiDashboard({ zoneId, title }: KpiDashboardProps) {
  const { t, locale } = useI18n();
  const L = kpiLabels(locale);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasPermission } = useSession();
  const { setZoneId, zoneId: currentZone } = useCurrentZone();
  const dashboard = useKpiDashboard(zoneId);
  const refresh = useRefreshKpis();
  const d = dashboard.data;

  /** Opens a list page for the dashboard's zone (the header's switcher follows, so the list shows the same zone). */
  const open = (path: string) => {
    if (zoneId && zoneId !== currentZone) setZoneId(zoneId);
    navigate(path);
  };

  if (dashboard.isError)
    return <LazyResult status="warning" title={t('common.loadFailed')} subTitle={dashboard.error.message} extra={<Button onClick={() => dashboard.refetch()}>{t('common.retry')}</Button>} />;
  // While loading, the 驾驶舱 holds about its place, so what is under it (WhenVisible) is not yet near the screen.
  if (!d)
    return (
      <Row gutter={[16, 16]} style={{ minHeight: '150vh', alignContent: 'flex-start' }}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={24} md={12}>
            <Card size="small">
              <Skeleton active paragraph={{ rows: 4 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );

  const h = d.headline;
  const name = title ?? (d.zones.length === 1 ? d.zones[0]!.shortName : t('kpi.allZones', { n: d.zones.length }));
  const fileName = (what: string) => `${typeof name === 'string' ? name : ''}${what}-${d.year}`;

  const figure = (label: string, value: ReactNode, to: string, testId: string, extra?: ReactNode) => (
    <Col xs={12} sm={8} lg={6} xl={4} key={testId}>
      <Card size="small" hoverable className="zd-kpi-figure" onClick={() => open(to)} data-testid={`kpi-${testId}`} role="link" aria-label={label}>
        <Statistic title={label} value={typeof value === 'number' ? value : undefined} formatter={typeof value === 'number' ? undefined : () => value} valueStyle={{ fontSize: 20 }} />
        {extra && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text>}
      </Card>
    </Col>
  );

  const investment: ChartSpec = {
    kind: 'bar',
    category: 'month',
    values: ['invested', 'cumulative', 'plan'],
    seriesKinds: { cumulative: 'line', plan: 'line' },
    dataset: {
      columns: [
        { key: 'month', label: t('kpi.month') },
        { key: 'invested', label: t('kpi.investedMonth') },
        { key: 'cumulative', label: t('kpi.investedCumulative') },
        { key: 'plan', label: t('kpi.planCumulative') },
      ],
      rows: d.investmentByMonth.map((m) => ({ month: m.month, invested: wan(m.investedYuan), cumulative: wan(m.cumulativeYuan), plan: wan(m.planYuan) })),
    },
  };
  const stages: ChartSpec = {
    kind: 'bar',
    category: 'label',
    values: ['count'],
    dataset: {
      columns: [
        { key: 'label', label: t('kpi.stage') },
        { key: 'count', label: t('kpi.projects') },
        { key: 'stage', label: 'code' },
      ],
      rows: d.projectsByStage.map((s) => ({ stage: s.stage, label: L.projectStage(s.stage), count: s.count })),
    },
  };
  const flags: ChartSpec = {
    kind: 'pie',
    category: 'label',
    values: ['count'],
    rowColor: (row) => flagColours[row.flag as keyof typeof flagColours],
    dataset: {
      columns: [
        { key: 'label', label: t('kpi.flag') },
        { key: 'count', label: t('kpi.projects') },
        { key: 'flag', label: 'code' },
      ],
      rows: (['red', 'yellow', 'green'] as const).map((f) => ({ flag: f, label: L.flag(f), count: d.flags[f] })).filter((r) => r.count > 0),
    },
  };
  const funnel: ChartSpec = {
    kind: 'funnel',
    category: 'label',
    values: ['reached'],
    dataset: {
      columns: [
        { key: 'label', label: t('kpi.leadStage') },
        { key: 'reached', label: t('kpi.reached') },
        { key: 'current', label: t('kpi.current') },
        { key: 'conversion', label: t('kpi.conversion'), format: (v) => L.percent(v) },
        { key: 'stage', label: 'code' },
      ],
      rows: d.funnel.map((f) => ({ stage: f.stage, label: L.leadStage(f.stage), reached: f.reached, current: f.current, conversion: f.conversion })),
    },
  };
  const methods = [...new Set(d.signedByQuarter.map((r) => r.method))];
  const quarters: ChartSpec = {
    kind: 'bar',
    category: 'quarter',
    values: methods,
    stack: true,
    dataset: {
      columns: [{ key: 'quarter', label: t('kpi.quarter') }, ...methods.map((m) => ({ key: m, label: `${L.method(m)}（万元）` }))],
      rows: [1, 2, 3, 4].map((q) => {
        const quarter = `${d.year}Q${q}`;
        return { quarter, ...Object.fromEntries(methods.map((m) => [m, wan(d.signedByQuarter.find((r) => r.quarter === quarter && r.method === m)?.signedYuan ?? 0)])) };
      }),
    },
  };
  const conversion: ChartSpec = {
    kind: 'bar',
    category: 'label',
    values: ['leads', 'signed', 'rate'],
    seriesKinds: { rate: 'line' },
    rightAxis: ['rate'],
    dataset: {
      columns: [
        { key: 'label', label: t('kpi.method') },
        { key: 'leads', label: t('kpi.leads') },
        { key: 'signed', label: t('kpi.leadsSigned') },
        { key: 'rate', label: t('kpi.conversion'), format: (v) => `${v}%` },
        { key: 'method', label: 'code' },
      ],
      rows: d.conversionByMethod.map((m) => ({ method: m.method, label: L.method(m.method), leads: m.leads, signed: m.signed, rate: m.rate === null ? null : Math.round(m.rate * 1000) / 10 })),
    },
  };
  const blockers: ChartSpec = {
    kind: 'bar',
    category: 'month',
    values: ['opened', 'closed'],
    dataset: {
      columns: [
        { key: 'month', label: t('kpi.month') },
        { key: 'opened', label: t('kpi.blockersOpened') },
        { key: 'closed', label: t('kpi.blockersClosed') },
      ],
      rows: d.blockersByMonth.map((m) => ({ month: m.month, opened: m.opened, closed: m.closed })),
    },
  };
  const card = (titleText: string, chart: ReactNode, span: { md?: number; xl?: number } = { md: 12 }) => (
    <Col xs={24} md={span.md} xl={span.xl} className="zd-print-block">
      <Card size="small" title={titleText}>
        {chart}
      </Card>
    </Col>
  );

  return (
    <div className="zd-dashboard" data-testid="kpi-dashboard">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space direction="vertical" size={0}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('kpi.title')} · {name} · {d.year}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('kpi.asOf', { date: d.asOf })}
          </Typography.Text>
        </Space>
        <Space className="zd-no-print">
          {zoneId && hasPermission('kpis.refresh') && (
            <Button
              icon={<ReloadOutlined />}
              loading={refresh.isPending}
              onClick={() => refresh.mutate(zoneId, { onSuccess: () => void message.success(t('kpi.refreshed')) })}
            >
              {t('kpi.refresh')}
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="kpi-print">
            {t('kpi.print')}
          </Button>
        </Space>
      </Space>

      <Row gutter={[12, 12]}>
        {figure(t('kpi.signedYuan'), L.money(h.signedYuan), '/leads?stage=signed,registered', 'signed', t('kpi.signedCount', { n: h.signedCount }))}
        {figure(t('kpi.arrivedYuan'), L.money(h.arrivedYuan), '/dispatch/campaigns', 'arrived')}
        {figure(t('kpi.investedYuan'), L.money(h.investedYuan), '/project-batch', 'invested', t('kpi.ofPlan', { rate: L.percent(h.planRate), plan: L.money(h.planYuan) }))}
        {figure(t('kpi.startRate'), L.percent(h.startRate), '/projects?stage=started', 'start-rate', t('kpi.startedOfSigned', { started: h.projectsStarted, signed: h.projectsSigned }))}
        {figure(t('kpi.productionRate'), L.percent(h.productionRate), '/projects?stage=production', 'production-rate', t('kpi.producedOfStarted', { produced: h.projectsProduced, started: h.projectsStarted }))}
        {figure(t('kpi.redProjects'), d.flags.red, '/projects?flag=red', 'red', t('kpi.yellowProjects', { n: d.flags.yellow }))}
        {figure(t('kpi.blockersOverdue'), h.blockersOverdue, '/dispatch/blockers?overdue=true', 'overdue')}
        {figure(t('kpi.blockersClosed'), h.blockersClosed, '/dispatch/blockers?status=resolved', 'closed', t('kpi.avgDays', { days: h.avgDaysToClose ?? '—', opened: h.blockersOpened }))}
        {figure(
          t('kpi.campaign'),
          L.percent(h.campaign.signing.rate),
          '/dispatch/campaign-rates',
          'campaign',
          t('kpi.campaignRates', { start: L.percent(h.campaign.start.rate), production: L.percent(h.campaign.production.rate) }),
        )}
        {figure(t('kpi.chainCompleteness'), L.percent(h.chainCompleteness), '/chains', 'chains', t('kpi.links', { filled: h.chainLinksFilled, links: h.chainLinks }))}
      </Row>

      {(d.services.funding || d.services.hiring || d.services.finance) && (
        <Card size="small" title={t('kpi.services')} style={{ marginTop: 12 }} className="zd-print-block" data-testid="kpi-services">
          <List
            size="small"
            dataSource={(
              [
                ['funding', t('kpi.funding'), d.services.funding?.text, '/funding'],
                ['hiring', t('kpi.hiring'), d.services.hiring?.text, '/hiring'],
                ['finance', t('kpi.finance'), d.services.finance?.text, '/finance'],
              ] as const
            ).filter(([, , text]) => text)}
            renderItem={([key, label, text, to]) => (
              <List.Item>
                <Space wrap size={8}>
                  <Typography.Text type="secondary">{label}</Typography.Text>
                  <a onClick={() => open(to)} data-testid={`kpi-${key}`} role="link">
                    {text}
                  </a>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {card(t('kpi.investmentChart'), <Chart renderer="svg" spec={investment} exportName={fileName(t('kpi.investmentChart'))} onItemClick={() => open('/project-batch')} />, { md: 24, xl: 12 })}
        {card(
          t('kpi.signedChart'),
          <Chart renderer="svg" spec={quarters} exportName={fileName(t('kpi.signedChart'))} onItemClick={({ column }) => open(`/leads?stage=signed,registered&method=${column}`)} />,
          { md: 24, xl: 12 },
        )}
        {card(t('kpi.stageChart'), <Chart renderer="svg" spec={stages} exportName={fileName(t('kpi.stageChart'))} onItemClick={({ row }) => open(`/projects?stage=${row.stage}`)} />)}
        {card(t('kpi.flagChart'), <Chart renderer="svg" spec={flags} exportName={fileName(t('kpi.flagChart'))} onItemClick={({ row }) => open(`/projects?flag=${row.flag}`)} />)}
        {card(t('kpi.funnelChart'), <Chart renderer="svg" spec={funnel} exportName={fileName(t('kpi.funnelChart'))} onItemClick={({ row }) => open(`/leads?stage=${row.stage}`)} />)}
        {card(t('kpi.methodChart'), <Chart renderer="svg" spec={conversion} exportName={fileName(t('kpi.methodChart'))} onItemClick={({ row }) => open(`/leads?method=${row.method}`)} />)}
        {card(t('kpi.blockerChart'), <Chart renderer="svg" spec={blockers} exportName={fileName(t('kpi.blockerChart'))} onItemClick={({ column }) => open(column === 'closed' ? '/dispatch/blockers?status=resolved' : '/dispatch/blockers')} />)}
        <Col xs={24} md={12} className="zd-print-block">
          <Card size="small" title={t('kpi.slipped')} extra={<a onClick={() => open('/projects?flag=red')}>{t('kpi.all')}</a>}>
            {d.slipped.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kpi.noSlipped')} />
            ) : (
              <List
                size="small"
                dataSource={d.slipped}
                renderItem={(p) => (
                  <List.Item>
                    <Space wrap size={4}>
                      <Tag color={p.flag === 'red' ? 'red' : 'gold'}>{L.flag(p.flag)}</Tag>
                      <a onClick={() => open(`/projects/${p.id}`)} data-testid="kpi-slipped-project">
                        {p.name}
                      </a>
                      {p.reasons.map((r, i) => (
                        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
                          {L.reason(r.code)}
                          {r.days ? ` ${r.days}${t('kpi.days')}` : ''}
                          {r.milestone ? `（${r.milestone}）` : ''}
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        {(zoneId ?? (d.zones.length === 1 ? d.zones[0]!.id : null)) && (
          <StatisticsTrendCard zoneId={(zoneId ?? d.zones[0]!.id)!} year={d.year} exportPrefix={fileName('')} />
        )}
      </Row>
    </div>
  );
}
