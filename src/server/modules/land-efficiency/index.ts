/**
 * The land-efficiency module's public surface (亩均效益评价, docs/land-efficiency.md): the only file of
 * modules/land-efficiency/ another module may import. The province ranking (module kpis) reads each
 * zone's 亩均税收 and class distribution through `zoneSummaries`.
 */
export { createLandEfficiencyService, type LandEfficiencyService } from './land-efficiency.service.ts';
export { evaluate } from './land-efficiency.rules.ts';
