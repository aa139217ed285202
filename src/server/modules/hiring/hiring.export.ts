/**
 * 企业岗位需求表 (.xlsx) as a job fair prints it: one block per enterprise (its name merged down its
 * posts), then position, headcount, category, monthly pay, requirements and deadline; a total row.
 */
import { postCategoryLabels } from '../../../contract/services/labels.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import type { HiringService } from './hiring.service.ts';

type Post = Awaited<ReturnType<HiringService['exportPosts']>>[number];

const payText = (min: number | null, max: number | null) =>
  min == null && max == null ? '面议' : min != null && max != null ? `${min}-${max}元/月` : min != null ? `${min}元/月起` : `${max}元/月以内`;

export async function demandWorkbook(posts: Post[], title: string, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const ws = wb.addWorksheet('岗位需求', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headers = ['序号', '企业名称', '所属产业', '岗位名称', '招聘人数', '岗位类别', '薪资待遇', '任职要求', '截止日期'];
  ws.columns = [6, 30, 12, 20, 10, 12, 16, 40, 12].map((width) => ({ width }));
  writeTitle(ws, title, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  const open = posts.map((p) => ({ ...p, open: p.headcount - p.filled })).filter((p) => p.open > 0);
  const enterprises = new Set(open.map((p) => p.enterpriseId)).size;
  ws.getCell(2, 1).value = `共 ${enterprises} 家企业、${open.length} 个岗位、需求 ${open.reduce((n, p) => n + p.open, 0)} 人　　导出日期：${today}`;
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  writeHeader(ws, 3, headers);
  // One block per enterprise, in the order of the list (sector, enterprise, position).
  const byEnterprise = new Map<string, typeof open>();
  for (const p of open) byEnterprise.set(p.enterpriseId, [...(byEnterprise.get(p.enterpriseId) ?? []), p]);
  let seq = 0;
  for (const list of byEnterprise.values()) {
    seq++;
    const first = ws.rowCount + 1;
    for (const p of list)
      ws.addRow([
        seq,
        p.enterpriseName,
        p.sector,
        p.position,
        p.open,
        postCategoryLabels[p.category][0],
        payText(p.payMinYuan, p.payMaxYuan),
        p.requirements,
        p.deadlineOn,
      ]);
    const last = ws.rowCount;
    if (last > first) for (const col of [1, 2, 3]) ws.mergeCells(first, col, last, col);
    for (const col of [1, 2, 3]) ws.getCell(first, col).alignment = { vertical: 'middle', horizontal: col === 2 ? 'left' : 'center', wrapText: true };
  }
  const total = ws.addRow(['合计', '', '', '', open.reduce((n, p) => n + p.open, 0)]);
  total.font = { bold: true };
  ws.getColumn(8).alignment = { wrapText: true, vertical: 'top' };
  return xlsxBuffer(wb);
}
