/**
 * 要素保障清单 (.xlsx), laid out like the 堵点清单 a 调度会 reads: one row per request, grouped by kind
 * (用地, 用电, 用水, 用气, 用热, 人才), with the project or enterprise, what and how much, the days asked and
 * needed, the department responsible, the status and the outcome (or 已转堵点); a second sheet counts
 * the requests by kind and status. The counts line in each sheet's second row.
 */
import { factorKinds, factorStatuses } from '../../../contract/services/enums.ts';
import { factorKindLabels, factorStatusLabels } from '../../../contract/services/factors.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import type { FactorsService } from './factors.service.ts';

type Request = Awaited<ReturnType<FactorsService['list']>>[number];

export function factorsCountLine(requests: Request[]) {
  const by = (status: (typeof factorStatuses)[number]) => requests.filter((r) => r.status === status).length;
  return `共 ${requests.length} 项：待解决 ${by('open')} 项，已解决 ${by('resolved')} 项，已转堵点 ${by('raised')} 项`;
}

export async function factorsWorkbook(requests: Request[], title: string, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const line = `${factorsCountLine(requests)}　　导出日期：${today}`;

  const ws = wb.addWorksheet('要素保障清单', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headers = ['序号', '要素类别', '项目 / 企业', '需求内容', '需求量', '提出日期', '需要日期', '责任部门', '状态', '解决结果', '办结日期'];
  ws.columns = [6, 10, 30, 32, 14, 12, 12, 18, 10, 36, 12].map((width) => ({ width }));
  writeTitle(ws, `${title}要素保障清单`, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = line;
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  writeHeader(ws, 3, headers);
  const order = (r: Request) => factorKinds.indexOf(r.kind) * 10 + factorStatuses.indexOf(r.status);
  const sorted = [...requests].sort((a, b) => order(a) - order(b) || a.requestedOn.localeCompare(b.requestedOn));
  let seq = 0;
  for (const kind of factorKinds) {
    const rows = sorted.filter((r) => r.kind === kind);
    if (!rows.length) continue;
    const first = ws.rowCount + 1;
    for (const r of rows)
      ws.addRow([
        ++seq,
        factorKindLabels[kind][0],
        r.projectName ?? r.enterpriseName,
        r.description,
        r.quantity,
        r.requestedOn,
        r.neededBy,
        r.departmentName,
        factorStatusLabels[r.status][0],
        r.status === 'raised' ? '已转为堵点，按堵点调度' : r.outcome,
        r.resolvedOn,
      ]);
    // The kind merged down its block, as the printed 清单 groups it.
    if (ws.rowCount > first) ws.mergeCells(first, 2, ws.rowCount, 2);
    ws.getCell(first, 2).alignment = { vertical: 'middle', horizontal: 'center' };
  }
  for (const col of [3, 4, 10]) ws.getColumn(col).alignment = { wrapText: true, vertical: 'top' };

  const sum = wb.addWorksheet('按类别汇总');
  sum.columns = [12, 10, 10, 10, 12].map((width) => ({ width }));
  writeTitle(sum, `${title}要素保障按类别汇总`, 5);
  sum.mergeCells(2, 1, 2, 5);
  sum.getCell(2, 1).value = line;
  sum.getCell(2, 1).alignment = { horizontal: 'right' };
  writeHeader(sum, 3, ['要素类别', '合计', ...factorStatuses.map((s) => factorStatusLabels[s][0])]);
  for (const kind of factorKinds) {
    const rows = requests.filter((r) => r.kind === kind);
    sum.addRow([factorKindLabels[kind][0], rows.length, ...factorStatuses.map((s) => rows.filter((r) => r.status === s).length)]);
  }
  const total = sum.addRow(['合计', requests.length, ...factorStatuses.map((s) => requests.filter((r) => r.status === s).length)]);
  total.font = { bold: true };
  return xlsxBuffer(wb);
}
