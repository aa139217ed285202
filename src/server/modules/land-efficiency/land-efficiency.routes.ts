import { landEfficiencyOperations as op } from '../../../contract/land-efficiency.ts';
import type { Router } from '../../platform/http/operations.ts';
import { landEfficiencyWorkbook } from './land-efficiency.export.ts';
import type { LandEfficiencyService } from './land-efficiency.service.ts';

export function landEfficiencyRoutes(router: Router, service: LandEfficiencyService) {
  router.handle(op.getConfig, ({ session, query }) => service.getConfig(session, query.zoneId, query.year));
  router.handle(op.saveConfig, ({ session, body, requestId }) => service.saveConfig(session, body, requestId));
  router.handle(op.run, ({ session, body, requestId }) => service.run(session, body, requestId));
  router.handle(op.listRuns, ({ session, query }) => service.listRuns(session, query.zoneId, query.year));
  router.handle(op.listResults, ({ session, query }) => service.listResults(session, query));
  router.handle(op.history, ({ session, query }) => service.history(session, query.enterpriseId));
  router.handle(op.exportResults, async ({ session, query }) => {
    const data = await service.exportData(session, query);
    const zoneName = await service.zoneName(query.zoneId);
    return {
      buffer: await landEfficiencyWorkbook(data, zoneName, query.year, service.today()),
      fileName: `${zoneName}${query.year}年度亩均效益综合评价结果.xlsx`,
    };
  });
}
