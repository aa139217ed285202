/**
 * The chains module's public surface: the only file of src/server/modules/chains/ another module
 * may import. Enterprise yearly figures are read by 标准地 and the zone KPIs from the table
 * `enterprise_yearly_figures` (docs/chains.md).
 */
export { createChainsModuleService, type ChainsModuleService } from './chains.module-service.ts';
export { strengthOf } from './chains.service.ts';
