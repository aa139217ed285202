import { statisticsOperations as op } from '../../../contract/statistics.ts';
import type { Router } from '../../platform/http/operations.ts';
import { assessmentWorkbook, statisticsWorkbook } from './statistics.export.ts';
import type { StatisticsService } from './statistics.service.ts';

export function statisticsRoutes(router: Router, statistics: StatisticsService) {
  router.handle(op.grid, ({ session, query }) => statistics.grid(session, query));
  router.handle(op.saveGrid, ({ session, body, requestId }) => statistics.saveGrid(session, body, requestId));
  router.handle(op.history, ({ session, query }) => statistics.history(session, query));
  router.handle(op.trend, ({ session, query }) => statistics.trend(session, query));
  router.handle(op.export, async ({ session, query }) => {
    const grid = await statistics.grid(session, query);
    return {
      buffer: await statisticsWorkbook(grid, statistics.today()),
      fileName: `${grid.zoneName}主要经济指标（${grid.periods[0]}至${grid.periods.at(-1)}）.xlsx`,
    };
  });
  router.handle(op.listSchemes, ({ session }) => statistics.listSchemes(session));
  router.handle(op.saveScheme, ({ session, params, body, requestId }) => statistics.saveScheme(session, params.year, body, requestId));
  router.handle(op.compute, ({ session, body, requestId }) => statistics.compute(session, body, requestId));
  router.handle(op.results, ({ session, query }) => statistics.results(session, query));
  router.handle(op.exportResults, async ({ session, query }) => {
    const results = await statistics.results(session, { ...query, history: undefined });
    return {
      buffer: await assessmentWorkbook(results, query.year, statistics.today()),
      fileName: `${query.year ? `${query.year}年度` : ''}开发区考核结果.xlsx`,
    };
  });
}
