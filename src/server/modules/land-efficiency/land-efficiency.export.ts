/**
 * 亩均效益综合评价结果表 (.xlsx), in the layout a zone files: title row, 单位 row, then 序号, 企业名称,
 * 统一社会信用代码, 用地面积（亩）, 税收, 工业增加值, each indicator of the policy (亩均税收 …), 综合得分,
 * 名次, 等级, 备注 (数据不全: what is missing). A second sheet states the policy and the benchmarks.
 */
import { figureFieldLabels, gradeLabels, indicatorCatalogue, type IndicatorKey } from '../../../contract/land-efficiency.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import type { LandEfficiencyService } from './land-efficiency.service.ts';

type ExportData = Awaited<ReturnType<LandEfficiencyService['exportData']>>;
const wan = (yuan: number | null) => (yuan == null ? null : Math.round(yuan / 100) / 100);
const r2 = (v: number | null | undefined) => (v == null ? null : Math.round(v * 100) / 100);

export async function landEfficiencyWorkbook(data: ExportData, zoneName: string, year: number, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const policy = data.run?.config;
  const keys = (policy?.indicators ?? []).map((i) => i.key as IndicatorKey);
  const headers = [
    '序号',
    '企业名称',
    '统一社会信用代码',
    '用地面积（亩）',
    '税收（万元）',
    '工业增加值（万元）',
    ...keys.map((k) => `${indicatorCatalogue[k].label[0]}（${indicatorCatalogue[k].unit[0]}）`),
    '综合得分',
    '名次',
    '等级',
    '备注',
  ];
  const ws = wb.addWorksheet('评价结果', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  ws.columns = [6, 36, 22, 12, 12, 14, ...keys.map(() => 14), 10, 8, 8, 28].map((width) => ({ width }));
  writeTitle(ws, `${zoneName}${year}年度工业企业亩均效益综合评价结果`, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  const counts = data.run?.counts;
  ws.getCell(2, 1).value =
    `单位：万元、亩　　${counts ? `A类 ${counts.A} 家，B类 ${counts.B} 家，C类 ${counts.C} 家，D类 ${counts.D} 家，数据不全 ${counts.incomplete} 家　　` : '尚未评价　　'}` +
    `评价时间：${data.run ? data.run.createdAt.slice(0, 10) : '—'}　　导出日期：${today}`;
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  writeHeader(ws, 3, headers);
  data.items.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.enterpriseName,
      r.creditCode,
      r.landMu,
      wan(r.taxYuan),
      wan(r.valueAddedYuan),
      ...keys.map((k) => r2(r.values[k])),
      r.score,
      r.rank,
      r.grade ?? gradeLabels.incomplete[0],
      r.missing.length ? `缺：${r.missing.map((m) => figureFieldLabels[m][0]).join('、')}` : null,
    ]);
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };

  const ps = wb.addWorksheet('评价办法');
  ps.columns = [28, 16, 8, 18, 10].map((width) => ({ width }));
  writeTitle(ps, `${zoneName}${year}年度亩均效益评价办法`, 5);
  writeHeader(ps, 2, ['指标', '单位', '权重', '基准值', '得分上限（倍）']);
  for (const ind of policy?.indicators ?? []) {
    const c = indicatorCatalogue[ind.key as IndicatorKey];
    const b = data.run?.benchmarks[ind.key];
    ps.addRow([c.label[0], c.unit[0], ind.weight, `${r2(b ?? null) ?? '—'}${ind.benchmark.kind === 'zone_average' ? '（全区平均）' : '（固定值）'}`, ind.cap]);
  }
  if (policy) {
    ps.addRow([]);
    ps.addRow([
      '分类方法',
      policy.classMethod === 'shares'
        ? `按排名比例：A类前 ${policy.shares.A}%，B类 ${policy.shares.B}%，C类 ${policy.shares.C}%，D类后 ${policy.shares.D}%`
        : `按分数线：A类 ≥ ${policy.cutoffs.A} 分，B类 ≥ ${policy.cutoffs.B} 分，C类 ≥ ${policy.cutoffs.C} 分，其余 D类`,
    ]);
    ps.addRow(['单项得分', 'min(指标值 ÷ 基准值, 上限) × 权重，保留两位小数；综合得分为各项之和']);
    if (policy.minLandMu > 0) ps.addRow(['参评范围', `用地 ${policy.minLandMu} 亩及以上`]);
  }
  return xlsxBuffer(wb);
}
