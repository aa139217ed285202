/** Audit words of statistics and 开发区考核 (spread into contract/audit-labels.ts). */
type L = readonly [string, string];
const a = (zh: string, en: string, saysZh: string, saysEn: string) => ({ label: [zh, en] as L, says: [saysZh, saysEn] as L });

export const statisticsAuditActions = {
  'statistics.value.create': a('填报统计数', 'Enter statistic', '填报了 {e}', 'entered {e}'),
  'statistics.value.update': a('修订统计数', 'Revise statistic', '修订了 {e}', 'revised {e}'),
  'statistics.value.clear': a('清除统计数', 'Clear statistic', '清除了 {e}', 'cleared {e}'),
  'assessment.scheme.create': a('新建考核指标体系', 'Create assessment scheme', '新建了 {e}', 'created {e}'),
  'assessment.scheme.update': a('修改考核指标体系', 'Update assessment scheme', '修改了 {e}', 'updated {e}'),
  'assessment.compute': a('计算考核结果', 'Compute assessment', '按 {e} 计算了考核结果', 'computed the results of {e}'),
} as const;

export const statisticsAuditEntities = {
  statistic_value: ['统计数', 'statistic'],
  assessment_scheme: ['考核指标体系', 'assessment scheme'],
} as const;
