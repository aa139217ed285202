/** The statistics grid (主要经济指标) and the assessment results (考核结果) as .xlsx. */
import {
  assessmentGradeLabels,
  assessmentMeasureLabels,
  indicatorByCode,
  indicators,
  isCumulative,
  periodText,
} from '../../../contract/statistics-indicators.ts';
import type { AssessmentResult, StatGrid } from '../../../contract/statistics.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';

const cellNumber = (text: string | undefined) => (text == null || text === '' ? null : Number(text));

export async function statisticsWorkbook(grid: StatGrid, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const values = new Map(grid.cells.map((c) => [`${c.indicator}|${c.period}`, c]));
  const growth = new Map(grid.derivedGrowth.map((g) => [`${g.indicator}|${g.period}`, g.pct]));
  const headers = ['序号', '指标名称', '单位', ...grid.periods.map((p) => periodText(p))];

  const sheet = (name: string, title: string, value: (code: string, period: string) => number | null, unit: (u: string) => string) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }] });
    ws.columns = [{ width: 6 }, { width: 22 }, { width: 8 }, ...grid.periods.map(() => ({ width: 14 }))];
    writeTitle(ws, title, headers.length);
    ws.mergeCells(2, 1, 2, headers.length);
    ws.getCell(2, 1).value = `流量指标为自年初累计数，存量指标为期末数　　导出日期：${today}`;
    ws.getCell(2, 1).alignment = { horizontal: 'right' };
    writeHeader(ws, 3, headers);
    indicators.forEach((ind, i) => {
      ws.addRow([i + 1, ind.zh, unit(ind.unit), ...grid.periods.map((p) => value(ind.code, p))]);
    });
    return ws;
  };
  sheet(
    '主要经济指标',
    `${grid.zoneName}主要经济指标`,
    (code, p) => cellNumber(values.get(`${code}|${p}`)?.value),
    (u) => u,
  );
  sheet(
    '同比增速',
    `${grid.zoneName}主要经济指标同比增速（按已录数值计算）`,
    (code, p) => (indicatorByCode.get(code)?.kind === 'ratio' ? cellNumber(values.get(`${code}|${p}`)?.value) : (growth.get(`${code}|${p}`) ?? null)),
    () => '%',
  );
  const notes = wb.addWorksheet('填报信息');
  notes.columns = [{ width: 22 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 20 }, { width: 8 }];
  writeHeader(notes, 1, ['指标名称', '期间', '数值', '来源', '填报人', '填报时间', '修订次数']);
  for (const c of grid.cells) {
    const ind = indicatorByCode.get(c.indicator)!;
    notes.addRow([
      ind.zh,
      periodText(c.period, 'zh-CN', isCumulative(ind)),
      `${c.value} ${ind.unit}`,
      c.source,
      c.enteredByName,
      c.enteredAt.slice(0, 16).replace('T', ' '),
      c.revisions - 1,
    ]);
  }
  return xlsxBuffer(wb);
}

export async function assessmentWorkbook(results: readonly AssessmentResult[], year: number | undefined, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const ws = wb.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 3 }] });
  const items = results[0]?.items ?? [];
  const headers = [
    '名次',
    '开发区',
    '年度',
    '总分',
    '等次',
    ...items.map((i) => `${indicatorByCode.get(i.code)?.zh ?? i.code}（${assessmentMeasureLabels[i.measure][0]}，权重${i.weight}）`),
  ];
  ws.columns = [{ width: 6 }, { width: 28 }, { width: 8 }, { width: 8 }, { width: 10 }, ...items.map(() => ({ width: 18 }))];
  writeTitle(ws, `${year ? `${year}年度` : ''}开发区考核结果`, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = `各项得分 = 权重 × min(实际值 ÷ 目标值, 1)　　导出日期：${today}`;
  writeHeader(ws, 3, headers);
  results.forEach((r, i) => {
    ws.addRow([i + 1, r.zoneName, r.year, r.score, assessmentGradeLabels[r.grade][0], ...r.items.map((it) => it.score)]);
  });
  return xlsxBuffer(wb);
}
