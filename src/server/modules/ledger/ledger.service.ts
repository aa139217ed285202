/**
 * The lead ledger (招商线索台账) export: the caller's leads as .xlsx, in the template the import
 * reads back (ledger.importers.ts, on the staged-import engine).
 */
import type { z } from 'zod';
import type { listLeadsQuery } from '../../../contract/leads.ts';
import { chainActionLabels, methodLabels, stageLabels, statusLabels } from '../../../contract/pipeline-enums.ts';
import { fromYuan } from '../../../contract/money.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { loadExcel } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import type { LeadsService } from '../leads/index.ts';
import { ledgerColumns } from './ledger.columns.ts';

export function createLedgerService(deps: {
  leads: Pick<LeadsService, 'listAll'>;
  clock: Clock;
  /** The agreement each lead shows in the ledger (签约时间, 签约金额). */
  agreements: (leadIds: string[]) => Promise<Map<string, { signedOn: string; amountYuan: number }>>;
}) {
  const { leads, clock } = deps;

  /** The .xlsx of the ledger: merged title row, Chinese headers, frozen header, 万元 number formats. */
  async function exportLedger(s: SessionContext, q: Omit<z.infer<typeof listLeadsQuery>, 'page' | 'pageSize'>): Promise<{ buffer: Buffer; fileName: string }> {
    const rows = await leads.listAll(s, q);
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    wb.creator = 'zonedesk';
    wb.created = clock();
    const ws = wb.addWorksheet('招商线索台账', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
    ws.columns = ledgerColumns.map((c) => ({ key: c.key, width: c.width }));
    ws.mergeCells(1, 1, 1, ledgerColumns.length);
    const title = ws.getCell(1, 1);
    title.value = `招商线索台账（导出日期：${chinaToday(clock)}，共 ${rows.length} 条）`;
    title.font = { bold: true, size: 14, name: '黑体' };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(1).height = 28;
    const header = ws.getRow(2);
    ledgerColumns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    const wan = (y: number | null) => (y == null ? null : Number(fromYuan(y, 'wan')));
    const agreementOf = await deps.agreements(rows.map((l) => l.id));
    const date = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
    for (const l of rows) {
      ws.addRow({
        code: l.code,
        name: l.name,
        enterpriseName: l.enterpriseName,
        creditCode: l.enterpriseCreditCode,
        method: methodLabels[l.method][0],
        sector: l.sector,
        chainLink: l.chainLink,
        chainAction: l.chainAction ? chainActionLabels[l.chainAction][0] : null,
        plannedInvestment: wan(l.plannedInvestmentYuan),
        plannedOutput: wan(l.plannedOutputYuan),
        stage: stageLabels[l.stage][0],
        status: statusLabels[l.status][0],
        statusReason: l.statusReason,
        lostToRegion: l.lostToRegion,
        likelihood: l.likelihood,
        firstContactOn: date(l.firstContactOn),
        lastFollowUpOn: date(l.lastFollowUpOn),
        nextStep: l.nextStep,
        nextStepOn: date(l.nextStepOn),
        owner: l.ownerName,
        platformContact: l.platformContact,
        agreementOn: date(agreementOf.get(l.id)?.signedOn ?? null),
        agreementAmount: wan(agreementOf.get(l.id)?.amountYuan ?? null),
      });
    }
    ledgerColumns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.kind === 'money') col.numFmt = '#,##0.00##';
      if (c.kind === 'date') col.numFmt = 'yyyy-mm-dd';
      if (c.kind === 'percent') col.numFmt = '0';
    });
    // Column formats also hit rows 1–2; give the header back its text format.
    header.eachCell((cell) => (cell.numFmt = '@'));
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: ledgerColumns.length } };
    return { buffer: await xlsxBuffer(wb), fileName: '招商线索台账.xlsx' };
  }

  return { exportLedger };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
