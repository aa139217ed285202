/**
 * The statistics module's public surface: the only file of modules/statistics/ another module may
 * import. `values` (zones × indicators × periods) and `latestPerZone` read the stored 统计局 figures
 * within a caller's scope (the province ranking, the 驾驶舱).
 */
export { createStatisticsService, type StatisticsService, type KpiReader } from './statistics.service.ts';
export type { StoredValue } from './statistics.repository.ts';
export { growthPct, statNumber } from './statistics.values.ts';
