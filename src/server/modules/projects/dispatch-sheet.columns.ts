/**
 * The columns of the 重点项目调度表, in order, with the header variants an import recognises.
 * Export writes `header`; import accepts any alias (spaces, units in brackets and case ignored).
 * `exportOnly` columns are derived figures: written, never read back.
 */
import type { SheetColumn } from '../../platform/xlsx.ts';

export type DispatchKey =
  | 'seq'
  | 'name'
  | 'investor'
  | 'creditCode'
  | 'zone'
  | 'nature'
  | 'level'
  | 'sector'
  | 'content'
  | 'years'
  | 'total'
  | 'annualPlan'
  | 'periodPlan'
  | 'periodDone'
  | 'ytd'
  | 'ytdPct'
  | 'sinceStart'
  | 'sinceStartPct'
  | 'progressText'
  | 'problems'
  | 'department'
  | 'officer'
  | 'deadline'
  | 'leader'
  | 'flag';

export const dispatchColumns: SheetColumn<DispatchKey>[] = [
  { key: 'seq', header: '序号', aliases: ['编号', 'no'], width: 6, exportOnly: true },
  { key: 'name', header: '项目名称', aliases: ['项目', '名称', 'project', 'name'], width: 30 },
  { key: 'investor', header: '建设单位', aliases: ['业主单位', '项目业主', '投资主体', '投资方', '建设主体', '实施主体', '企业名称'], width: 28 },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码', 'creditcode'], width: 22 },
  { key: 'zone', header: '所属开发区', aliases: ['开发区', '所属园区', '所在区域', '区域'], width: 14, exportOnly: true },
  { key: 'nature', header: '建设性质', aliases: ['项目性质', '性质'], width: 8 },
  { key: 'level', header: '项目级别', aliases: ['级别', '重点级别', '项目类别'], width: 9 },
  { key: 'sector', header: '所属板块', aliases: ['产业板块', '板块', '产业类别', '行业'], width: 12 },
  { key: 'content', header: '建设规模及内容', aliases: ['建设内容及规模', '建设内容', '建设规模', '主要建设内容'], width: 40 },
  { key: 'years', header: '建设年限', aliases: ['建设起止年限', '起止年限', '建设期限'], width: 11 },
  { key: 'total', header: '总投资（万元）', aliases: ['总投资', '计划总投资', '项目总投资'], width: 12, kind: 'money' },
  { key: 'annualPlan', header: '年度计划投资（万元）', aliases: ['年度计划投资', '年度计划', '本年计划投资', '年计划投资'], width: 12, kind: 'money' },
  { key: 'periodPlan', header: '本期计划投资（万元）', aliases: ['本期计划投资', '本期计划', '本月计划'], width: 12, kind: 'money', exportOnly: true },
  { key: 'periodDone', header: '本期完成投资（万元）', aliases: ['本期完成投资', '本期完成', '本月完成', '本月完成投资'], width: 12, kind: 'money' },
  {
    key: 'ytd',
    header: '年度累计完成（万元）',
    aliases: ['年度累计完成', '年度累计完成投资', '本年累计完成', '1-本期累计完成', '年初累计完成'],
    width: 12,
    kind: 'money',
  },
  { key: 'ytdPct', header: '占年度计划（%）', aliases: ['占年度计划', '年度计划完成率', '占年计划比例', '占年计划', '完成年度计划', '年度计划完成比例'], width: 9, kind: 'percent', exportOnly: true },
  { key: 'sinceStart', header: '自开工累计完成（万元）', aliases: ['自开工累计完成', '开工累计完成', '开工以来累计完成', '开工以来累计完成投资', '自开工以来累计完成', '累计完成投资', '累计完成'], width: 12, kind: 'money' },
  { key: 'sinceStartPct', header: '占总投资（%）', aliases: ['占总投资', '总投资完成率', '占总投资比例'], width: 9, kind: 'percent', exportOnly: true },
  { key: 'progressText', header: '形象进度', aliases: ['工程形象进度', '项目进展', '进展情况', '形象进度情况'], width: 36 },
  { key: 'problems', header: '存在问题', aliases: ['存在的问题', '问题', '困难问题', '存在困难和问题'], width: 30 },
  { key: 'department', header: '责任单位', aliases: ['责任部门', '牵头单位'], width: 14 },
  { key: 'officer', header: '责任人', aliases: ['项目责任人', '负责人', '代办员'], width: 9 },
  { key: 'deadline', header: '完成时限', aliases: ['时限', '节点时限', '下一节点时限'], width: 12, kind: 'date', exportOnly: true },
  { key: 'leader', header: '包联领导', aliases: ['分管领导', '包联县级领导', '联系领导'], width: 9 },
  { key: 'flag', header: '红黄绿灯', aliases: ['亮灯', '灯号', '预警'], width: 8, exportOnly: true },
];

export const natureText: Record<string, string> = { new: '新建', continued: '续建', expansion: '扩建', upgrade: '技改' };
export const levelText: Record<string, string> = { province: '省重点', city: '市重点', county: '县重点', district: '区重点', none: '一般' };
export const flagText: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
export const flagFill: Record<string, string> = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE' };

function inverse(m: Record<string, string>, extra: Record<string, string>) {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(m)) {
    out.set(v, k);
    out.set(k, k);
  }
  for (const [text, k] of Object.entries(extra)) out.set(text, k);
  return out;
}
export const natureByText = inverse(natureText, { 新开工: 'new', 技术改造: 'upgrade', 改扩建: 'expansion' });
export const levelByText = inverse(levelText, {
  省级重点: 'province',
  省级: 'province',
  省: 'province',
  市级重点: 'city',
  市级: 'city',
  市: 'city',
  县级重点: 'county',
  县级: 'county',
  县: 'county',
  区级重点: 'district',
  区级: 'district',
  区: 'district',
  无: 'none',
  '': 'none',
});
