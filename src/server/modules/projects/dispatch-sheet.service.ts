/**
 * 重点项目调度表: export one zone's projects for one reporting period as .xlsx (docs/projects.md,
 * "Dispatch sheet"). Its import, of the same template, runs on the staged-import engine
 * (dispatch-sheet.importer.ts).
 */
import type { Db } from '../../db/client.ts';
import { periodLabel, periodOf, previousPeriod, type PeriodKind } from '../../../contract/periods.ts';
import { fromYuan } from '../../../contract/money.ts';
import { fieldError } from '../../platform/errors.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { inScope } from '../../platform/policies.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import { dispatchColumns, flagFill, flagText, levelText, natureText, type DispatchKey } from './dispatch-sheet.columns.ts';
import type { DispatchSheetRepository } from './dispatch-sheet.repository.ts';

const periodsPerYear: Record<PeriodKind, number> = { month: 12, xun: 36, week: 52 };

/** A type, not an interface: the import engine keeps it as JSON with the batch. */
export type DispatchPeriod = {
  zoneId: string;
  zoneName: string;
  kind: PeriodKind;
  start: string;
  end: string;
  yearStart: string;
  label: string;
};

export function createDispatchSheetService(deps: { db: Db; sheet: DispatchSheetRepository; clock: Clock }) {
  const { db, sheet, clock } = deps;
  const today = () => chinaToday(clock);

  /** The zone (default: the caller's only one) and the period of its report kind containing `period` (default: the last finished). */
  async function resolvePeriod(s: SessionContext, q: { zoneId?: string; period?: string }): Promise<DispatchPeriod> {
    const zoneId = q.zoneId ?? (!s.scope.all && s.scope.zoneIds.length === 1 ? s.scope.zoneIds[0] : undefined);
    if (!zoneId) throw fieldError('zoneId', 'zone_required');
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
    const zone = await sheet.zone(db, zoneId);
    if (!zone) throw fieldError('zoneId', 'unknown_zone');
    let day = q.period ? (q.period.length === 7 ? `${q.period}-01` : q.period) : undefined;
    if (day && Number.isNaN(new Date(`${day}T00:00:00Z`).getTime())) throw fieldError('period', 'date_format');
    day ??= previousPeriod(zone.reportPeriod, today()).start;
    const { start, end } = periodOf(zone.reportPeriod, day);
    return {
      zoneId,
      zoneName: zone.name,
      kind: zone.reportPeriod,
      start,
      end,
      yearStart: `${start.slice(0, 4)}-01-01`,
      label: periodLabel(zone.reportPeriod, start),
    };
  }

  const wan = (yuan: number | string | null | undefined) => (yuan == null ? null : Number(fromYuan(Number(yuan), 'wan')));
  const pct = (part: number, whole: number | null) => (whole && whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

  async function exportSheet(s: SessionContext, q: { zoneId?: string; period?: string }): Promise<{ buffer: Buffer; fileName: string }> {
    const period = await resolvePeriod(s, q);
    const rows = await sheet.exportRows(db, period.zoneId, period.start, period.yearStart);
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    wb.creator = 'zonedesk';
    wb.created = clock();
    const ws = wb.addWorksheet('重点项目调度表', {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const n = dispatchColumns.length;
    ws.columns = dispatchColumns.map((c) => ({ key: c.key, width: c.width }));
    writeTitle(ws, `${period.zoneName}重点项目调度表（${period.label}）`, n);
    ws.mergeCells(2, 1, 2, n);
    const sub = ws.getCell(2, 1);
    sub.value = `调度期间：${period.start} 至 ${period.end}　　金额单位：万元　　导出日期：${today()}　　共 ${rows.length} 个项目`;
    sub.alignment = { horizontal: 'right' };
    writeHeader(
      ws,
      3,
      dispatchColumns.map((c) => c.header),
    );
    const periods = periodsPerYear[period.kind];
    rows.forEach((r, i) => {
      const total = Number(r.total_investment_yuan);
      const plan = r.plan_yuan == null ? null : Number(r.plan_yuan);
      const ytd = Number(r.ytd_yuan);
      const since = Number(r.since_yuan);
      const years =
        r.planned_start_year && r.planned_end_year && r.planned_start_year !== r.planned_end_year
          ? `${r.planned_start_year}-${r.planned_end_year}`
          : (r.planned_start_year ?? r.planned_end_year ?? null);
      const values: Record<DispatchKey, unknown> = {
        seq: i + 1,
        name: r.name,
        investor: r.investor_name,
        creditCode: r.credit_code,
        zone: period.zoneName,
        nature: natureText[r.nature],
        level: levelText[r.level],
        sector: r.sector_text,
        content: r.construction_content,
        years: years == null ? null : String(years),
        total: wan(total),
        annualPlan: wan(plan),
        periodPlan: plan == null ? null : wan(Math.round(plan / periods)),
        periodDone: wan(r.period_yuan),
        ytd: wan(ytd),
        ytdPct: pct(ytd, plan),
        sinceStart: wan(since),
        sinceStartPct: pct(since, total),
        progressText: r.progress_text,
        problems: r.problems,
        department: r.department_name,
        officer: r.officer_name,
        deadline: r.deadline ? new Date(`${r.deadline}T00:00:00Z`) : null,
        leader: r.leader_name,
        flag: flagText[r.flag],
      };
      const row = ws.addRow(values);
      const flagCell = row.getCell(n);
      flagCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: flagFill[r.flag] } };
      flagCell.alignment = { horizontal: 'center' };
    });
    dispatchColumns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      if (c.kind === 'money') col.numFmt = '#,##0.00##';
      if (c.kind === 'percent') col.numFmt = '0.0';
      if (c.kind === 'date') col.numFmt = 'yyyy-mm-dd';
      if (c.key === 'content' || c.key === 'progressText' || c.key === 'problems') col.alignment = { wrapText: true, vertical: 'top' };
    });
    // Column formats also reach rows 1–3: give the title and the header back their own.
    for (const r of [1, 2, 3]) ws.getRow(r).eachCell((cell) => (cell.numFmt = '@'));
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: n } };
    return {
      buffer: await xlsxBuffer(wb),
      fileName: `${period.zoneName}重点项目调度表（${period.label}）.xlsx`,
    };
  }

  return { resolvePeriod, exportSheet };
}

export type DispatchSheetService = ReturnType<typeof createDispatchSheetService>;
