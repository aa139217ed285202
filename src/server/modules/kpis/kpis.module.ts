import { defineModule } from '../../platform/module.ts';
import { kpisPolicy } from './kpis.policy.ts';
import { createKpisRepository } from './kpis.repository.ts';
import { kpisRoutes } from './kpis.routes.ts';
import { kpiRefreshes, kpiSummaries } from './kpis.schema.ts';
import { createKpisService, type KpisService } from './kpis.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    kpis: KpisService;
  }
}

/** Zone KPIs: computed from the other modules' records, kept in kpi_summaries by the refresh job (docs/kpis.md, decision 019). */
export const kpisModule = defineModule({
  name: 'kpis',
  policy: kpisPolicy,
  tables: [kpiSummaries, kpiRefreshes],
  service: ({ db, clock, services }) =>
    createKpisService({
      db,
      clock,
      repo: createKpisRepository(),
      sources: {
        ensureFlagsFresh: services.projects ? () => services.projects.ensureFresh() : undefined,
        campaignRates: services.dispatch ? (s, year) => services.dispatch.campaigns.zoneRates(s, year) : undefined,
        chains: services.chains ? (s, zoneId) => services.chains.chains.list(s, { zoneId }) : undefined,
        statistics: services.statistics ? (s, q) => services.statistics.values(db, s, q) : undefined,
        // 企业服务 lines: each module's own summary (funding's without its reminder sweep: the 驾驶舱 only reads).
        funding: services.funding ? (s, q, locale) => services.funding.summaryFigures(s, q, locale) : undefined,
        hiring: services.hiring ? (s, q, locale) => services.hiring.summary(s, q, locale) : undefined,
        finance: services.finance ? (s, q, locale) => services.finance.summary(s, q, locale) : undefined,
      },
    }),
  routes: kpisRoutes,
  // Zones whose records changed (an audit entry after their refresh) or whose day moved on, every minute.
  // Its first tick, a second after start, fills the summaries of a freshly seeded database (every zone is stale).
  jobs: (kpis) => [{ name: 'kpis.refresh-stale', intervalMs: 60_000, firstDelayMs: 1_000, run: async () => void (await kpis.refreshStale()) }],
});
