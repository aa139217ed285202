/** Audit words of 亩均效益评价 (spread into contract/audit-labels.ts). */
type L = readonly [string, string];
const a = (zh: string, en: string, saysZh: string, saysEn: string) => ({ label: [zh, en] as L, says: [saysZh, saysEn] as L });

export const landEfficiencyAuditActions = {
  'land_efficiency_config.create': a('制定亩均评价办法', 'Set evaluation policy', '制定了 {e}', 'set {e}'),
  'land_efficiency_config.update': a('修改亩均评价办法', 'Update evaluation policy', '修改了 {e}', 'updated {e}'),
  'land_efficiency.run': a('开展亩均效益评价', 'Run evaluation', '开展了 {e}', 'ran {e}'),
  'land_efficiency.rerun': a('重新开展亩均效益评价', 'Re-run evaluation', '重新开展了 {e}（替换该年度结果）', 're-ran {e} (replacing that year’s results)'),
} as const;

export const landEfficiencyAuditEntities = {
  land_efficiency_config: ['亩均评价办法', 'land-efficiency policy'],
  land_efficiency_run: ['亩均效益评价', 'land-efficiency evaluation'],
} as const;
