/** Audit words of the chains module and the enterprise profile (spread into contract/audit-labels.ts). */
type Label = readonly [zh: string, en: string];
const a = (zh: string, en: string, saysZh: string, saysEn: string) => ({ label: [zh, en] as Label, says: [saysZh, saysEn] as Label });

export const chainsAuditActions = {
  'industry_plan.create': a('制定产业规划', 'Create industry plan', '制定了 {e}', 'created {e}'),
  'industry_plan.update': a('修改产业规划', 'Update industry plan', '修改了 {e}', 'updated {e}'),
  'sector.create': a('新建板块', 'Create sector', '新建了 {e}', 'created {e}'),
  'sector.update': a('修改板块', 'Update sector', '修改了 {e}', 'updated {e}'),
  'chain.create': a('新建产业链', 'Create chain', '新建了 {e}', 'created {e}'),
  'chain.update': a('修改产业链', 'Update chain', '修改了 {e}', 'updated {e}'),
  'chain_link.create': a('新增环节', 'Add link', '新增了 {e}', 'added {e}'),
  'chain_link.update': a('修改环节', 'Update link', '修改了 {e}', 'updated {e}'),
  'chain_link.delete': a('删除环节', 'Delete link', '删除了 {e}', 'deleted {e}'),
  'chain_placement.create': a('企业入链', 'Place enterprise', '将企业放入 {e}', 'placed an enterprise on {e}'),
  'chain_placement.update': a('修改链上角色', 'Change role on link', '修改了 {e} 上企业的角色', 'changed a role on {e}'),
  'chain_placement.delete': a('企业移出环节', 'Remove enterprise', '将企业移出 {e}', 'removed an enterprise from {e}'),
  'chain_project.create': a('项目入链', 'Place project', '将项目放入 {e}', 'placed a project on {e}'),
  'chain_project.delete': a('项目移出环节', 'Remove project', '将项目移出 {e}', 'removed a project from {e}'),
  'chain_target.create': a('添加招商目标', 'Add target', '添加了 {e}', 'added {e}'),
  'chain_target.update': a('修改招商目标', 'Update target', '修改了 {e}', 'updated {e}'),
  'chain_target.lead': a('目标生成线索', 'Lead made from target', '由 {e} 生成了招商线索', 'made a lead from {e}'),
  'chain_roadmap.create': a('添加路线图事项', 'Add roadmap item', '添加了 {e}', 'added {e}'),
  'chain_roadmap.update': a('修改路线图事项', 'Update roadmap item', '修改了 {e}', 'updated {e}'),
  'enterprise_honour.create': a('登记资质荣誉', 'Record honour', '登记了 {e}', 'recorded {e}'),
  'enterprise_honour.update': a('修改资质荣誉', 'Update honour', '修改了 {e}', 'updated {e}'),
  'enterprise_honour.delete': a('删除资质荣誉', 'Delete honour', '删除了 {e}', 'deleted {e}'),
  'enterprise_figures.create': a('填报年度经营数据', 'Record yearly figures', '填报了 {e}', 'recorded {e}'),
  'enterprise_figures.update': a('修改年度经营数据', 'Update yearly figures', '修改了 {e}', 'updated {e}'),
  'enterprise_production_line.create': a('登记产线', 'Record production line', '登记了 {e}', 'recorded {e}'),
  'enterprise_production_line.update': a('修改产线', 'Update production line', '修改了 {e}', 'updated {e}'),
  'enterprise_cooperation.create': a('登记产学研合作', 'Record cooperation', '登记了 {e}', 'recorded {e}'),
  'enterprise_cooperation.update': a('修改产学研合作', 'Update cooperation', '修改了 {e}', 'updated {e}'),
} as const;

export const chainsAuditEntities = {
  industry_plan: ['产业规划', 'industry plan'],
  sector: ['板块', 'sector'],
  chain: ['产业链', 'chain'],
  chain_link: ['环节', 'chain link'],
  chain_target: ['招商目标', 'chain target'],
  chain_roadmap_item: ['路线图事项', 'roadmap item'],
  enterprise_honour: ['资质荣誉', 'honour'],
  enterprise_figures: ['年度经营数据', 'yearly figures'],
  enterprise_production_line: ['产线', 'production line'],
  enterprise_cooperation: ['产学研合作', 'cooperation agreement'],
} as const satisfies Record<string, Label>;
