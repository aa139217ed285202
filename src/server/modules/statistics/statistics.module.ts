import { defineModule } from '../../platform/module.ts';
import { statisticsImporter } from './statistics.importer.ts';
import { statisticsPolicy } from './statistics.policy.ts';
import { createStatisticsRepository } from './statistics.repository.ts';
import { statisticsRoutes } from './statistics.routes.ts';
import { assessmentResults, assessmentSchemes, statisticRevisions, statisticValues } from './statistics.schema.ts';
import { seedStatistics } from './statistics.seed.ts';
import { createStatisticsService, type StatisticsService } from './statistics.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    statistics: StatisticsService;
  }
}

export const statisticsModule = defineModule({
  name: 'statistics',
  policy: statisticsPolicy,
  tables: [statisticValues, statisticRevisions, assessmentSchemes, assessmentResults],
  // KPI items of the 考核 read the kpis module's figures; it is built after this one (it reads the
  // statistics), so the reader looks it up when an assessment is computed.
  service: ({ db, audit, clock, services }) =>
    createStatisticsService({
      db,
      repo: createStatisticsRepository(),
      audit,
      clock,
      kpis: (dbx, zoneIds, year, codes) => (services.kpis ? services.kpis.assessmentValues(dbx, zoneIds, year, codes) : Promise.resolve(new Map())),
    }),
  routes: statisticsRoutes,
  importers: (statistics) => [statisticsImporter({ service: statistics, repo: createStatisticsRepository() })],
  seed: { order: 80, run: (tx, options) => seedStatistics(tx, options) },
});
