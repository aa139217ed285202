import { defineModule } from '../../platform/module.ts';
import { landEfficiencyPolicy } from './land-efficiency.policy.ts';
import { createLandEfficiencyRepository } from './land-efficiency.repository.ts';
import { landEfficiencyRoutes } from './land-efficiency.routes.ts';
import { landEfficiencyConfigs, landEfficiencyResults, landEfficiencyRuns } from './land-efficiency.schema.ts';
import { seedLandEfficiency } from './land-efficiency.seed.ts';
import { createLandEfficiencyService, type LandEfficiencyService } from './land-efficiency.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    landEfficiency: LandEfficiencyService;
  }
}

/** 亩均效益评价 (docs/land-efficiency.md). Its operations name the zone in the query or body, never a record id. */
export const landEfficiencyModule = defineModule({
  name: 'landEfficiency',
  policy: landEfficiencyPolicy,
  tables: [landEfficiencyConfigs, landEfficiencyRuns, landEfficiencyResults],
  service: ({ db, audit, clock }) => createLandEfficiencyService({ db, repo: createLandEfficiencyRepository(), audit, clock }),
  routes: landEfficiencyRoutes,
  // After the chains (their enterprises' figures) and the projects.
  seed: { order: 80, run: (tx, options) => seedLandEfficiency(tx, options) },
});
