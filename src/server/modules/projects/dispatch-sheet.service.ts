/**
 * 重点项目调度表: export one zone's projects for one reporting period as .xlsx, and import the same
 * template (docs/projects.md, "Dispatch sheet"). The import is read as a stream, checked row by row
 * against the zone (enterprises, departments, people, existing projects and their reports), and
 * either answered as a report (preview) or written set-based in one transaction (commit).
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Locale } from '../../../contract/errors.ts';
import type { ImportRowError } from '../../../contract/imports.ts';
import type { DispatchImportReport } from '../../../contract/project-dispatch-sheet.ts';
import { builtinApprovals, builtinMilestones } from '../../../contract/projects.ts';
import { periodLabel, periodOf, previousPeriod, type PeriodKind } from '../../../contract/periods.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { fromYuan } from '../../../contract/money.ts';
import { reasonText } from '../../../contract/reasons.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { can, inScope } from '../../platform/policies.ts';
import {
  cellMoney,
  cellText,
  headerUnit,
  loadExcel,
  mergedRanges,
  readSheet,
  SheetError,
  writeHeader,
  writeTitle,
  type SheetRow,
} from '../../platform/xlsx.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import { dispatchColumns, flagFill, flagText, levelByText, levelText, natureByText, natureText, type DispatchKey } from './dispatch-sheet.columns.ts';
import type { DispatchSheetRepository, NewProjectRow, ProjectPatchRow, ReportWrite } from './dispatch-sheet.repository.ts';
import type { ProjectsRepository } from './projects.repository.ts';

/** More data rows than this are refused while reading (a zone has hundreds of key projects, not 100k). */
export const DISPATCH_MAX_ROWS = 50_000;
export const DISPATCH_MAX_BYTES = 30 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 1000;
const periodsPerYear: Record<PeriodKind, number> = { month: 12, xun: 36, week: 52 };
const OPENING_BEFORE_YEAR = '期初数（调度表导入：以前年度累计）';
const OPENING_IN_YEAR = '期初数（调度表导入：本年以前各期累计）';

export interface DispatchPeriod {
  zoneId: string;
  zoneName: string;
  kind: PeriodKind;
  start: string;
  end: string;
  yearStart: string;
  label: string;
}

interface Progress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  rowsRead: number;
  userId: string;
}

interface Analysis {
  report: Omit<DispatchImportReport, 'committed'>;
  enterprises: { id: string; name: string; normalizedName: string; creditCode: string | null }[];
  created: NewProjectRow[];
  updated: ProjectPatchRow[];
  plans: { projectId: string; planYuan: number }[];
  reports: ReportWrite[];
}

export function createDispatchSheetService(deps: {
  db: Db;
  sheet: DispatchSheetRepository;
  projects: Pick<ProjectsRepository, 'template' | 'refreshDerived' | 'auditMany'>;
  audit: AuditWriter;
  clock: Clock;
}) {
  const { db, sheet, projects, audit, clock } = deps;
  const progress = new Map<string, Progress>();
  const today = () => new Date(clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

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
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
      fileName: `${period.zoneName}重点项目调度表（${period.label}）.xlsx`,
    };
  }

  /** Reads and checks a sheet against the zone; nothing is written. `d` is the commit's transaction when committing. */
  async function analyse(d: DbOrTx, period: DispatchPeriod, file: Buffer, locale: Locale, p: Progress): Promise<Analysis> {
    const say = (key: string) => reasonText(key, locale) ?? key;
    const fail = (e: unknown): never => {
      if (!(e instanceof SheetError)) throw e;
      if (e.reason === 'missing_columns' || e.reason === 'no_header')
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'file', reason: `${say('sheet_missing_columns')}：${e.missing.join('、')}` }],
          missingColumns: e.missing,
        });
      if (e.reason === 'too_many_rows') throw fieldError('file', `${say('import_too_many_rows')}（≤ ${DISPATCH_MAX_ROWS}）`);
      throw fieldError('file', e.reason === 'empty' ? 'import_empty' : 'import_not_xlsx');
    };

    // 1. Read every data row (streamed; at most DISPATCH_MAX_ROWS are kept).
    const rows: SheetRow<DispatchKey>[] = [];
    let columns: DispatchImportReport['columns'] = [];
    const headers = new Map<DispatchKey, string>();
    const units = new Map<DispatchKey, ReturnType<typeof headerUnit>>();
    let meta = { sheetNo: 1, headerRow: 1 };
    try {
      const it = readSheet(file, {
        columns: dispatchColumns,
        required: ['name', 'total'],
        maxRows: DISPATCH_MAX_ROWS,
        onHeader: (mapped) => {
          columns = mapped.map((m) => ({ header: m.header, field: m.column && !m.column.exportOnly ? m.column.key : null }));
          for (const m of mapped) {
            if (!m.column) continue;
            headers.set(m.column.key, m.header);
            if (m.column.kind === 'money') units.set(m.column.key, headerUnit(m.header));
          }
        },
        onRow: (n) => (p.rowsRead = n),
      });
      for (;;) {
        const next = await it.next();
        if (next.done) {
          meta = next.value;
          break;
        }
        rows.push(next.value);
      }
    } catch (e) {
      fail(e);
    }
    p.phase = 'checking';
    const headerOf = (key: DispatchKey) => headers.get(key) ?? dispatchColumns.find((c) => c.key === key)!.header;

    // 2. Merged cells below the header: every row they cover is refused (its value sits in one row only).
    const mergedRows = new Map<number, string>();
    const colHeader = new Map<number, string>();
    columns.forEach((c, i) => colHeader.set(i + 1, c.header));
    for (const m of await mergedRanges(file, meta.sheetNo)) {
      if (m.bottom <= meta.headerRow) continue;
      for (let r = Math.max(m.top, meta.headerRow + 1); r <= m.bottom; r++) if (!mergedRows.has(r)) mergedRows.set(r, `${m.ref}`);
    }

    // 3. Look-ups, in bulk.
    const codes = new Set<string>();
    const names = new Set<string>();
    for (const { record } of rows) {
      const code = record.get('creditCode');
      if (code != null) {
        const c = normalizeCreditCode(String(code));
        if (!creditCodeProblem(c)) codes.add(c);
      }
      const inv = record.get('investor');
      if (inv != null) names.add(normalizeEnterpriseName(String(inv)));
    }
    const [existing, byCode, byName, departments, people] = await Promise.all([
      sheet.projectsByName(d, period.zoneId),
      sheet.enterprisesByCodes(d, [...codes]),
      sheet.enterprisesByNames(d, [...names]),
      sheet.departments(d, period.zoneId),
      sheet.people(d, period.zoneId),
    ]);
    const matchedIds = rows.map((r) => existing.get(cellText(r.record.get('name') ?? null, 100) ?? '')).filter((x): x is string => Boolean(x));
    const sums = await sheet.reportSums(d, matchedIds, period.yearStart, period.start);
    const deptByName = new Map(departments.map((x) => [x.name.trim(), x.id]));
    const personByName = new Map<string, string | null>();
    for (const u of people) personByName.set(u.display_name.trim(), personByName.has(u.display_name.trim()) ? null : u.id);
    const prev = previousPeriod(period.kind, period.start);
    const lastYear = periodOf(period.kind, `${Number(period.yearStart.slice(0, 4)) - 1}-12-31`);

    // 4. Each row: the errors, or what it writes.
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    let errorRows = 0;
    const seenNames = new Set<string>();
    const newEnterprises = new Map<string, Analysis['enterprises'][number]>();
    const out: Analysis = {
      report: undefined as never,
      enterprises: [],
      created: [],
      updated: [],
      plans: [],
      reports: [],
    };
    const usedEnterprises = new Set<string>();

    for (const { rowNumber, record } of rows) {
      const rowErrors: ImportRowError[] = [];
      const err = (key: DispatchKey, reason: string, extra = '') => rowErrors.push({ row: rowNumber, column: headerOf(key), reason: say(reason) + extra });
      const text = (key: DispatchKey, max: number) => cellText(record.get(key) ?? null, max);
      const money = (key: DispatchKey): number | null => {
        const v = cellMoney(record.get(key) ?? null, units.get(key) ?? 'wan');
        if (v === 'bad') err(key, 'number_format');
        else if (v === 'negative') err(key, 'money_negative');
        else return v;
        return null;
      };
      const bad = (key: DispatchKey) => rowErrors.some((e) => e.column === headerOf(key));

      const merged = mergedRows.get(rowNumber);
      if (merged) rowErrors.push({ row: rowNumber, column: merged, reason: say('sheet_merged_cells') });

      const name = text('name', 100);
      if (!name || name.length < 2) err('name', 'required');
      else if (seenNames.has(name)) err('name', 'duplicate_in_file');
      if (name) seenNames.add(name);
      const projectId = name ? existing.get(name) : undefined;

      // The investor: by credit code, then by name; a new enterprise otherwise.
      let investorId: string | null = null;
      let newEnterprise: Analysis['enterprises'][number] | null = null;
      const investorName = text('investor', 100);
      const rawCode = record.get('creditCode');
      let code: string | null = null;
      if (rawCode != null) {
        code = normalizeCreditCode(String(rawCode));
        const problem = creditCodeProblem(code);
        if (problem) {
          err('creditCode', `credit_code_${problem}`);
          code = null;
        }
      }
      if (code && byCode.has(code)) investorId = byCode.get(code)!;
      else if (investorName && !bad('creditCode')) {
        const normalizedName = normalizeEnterpriseName(investorName);
        const found = byName.get(normalizedName);
        if (found && (!code || !found.creditCode)) investorId = found.id;
        else {
          const key = code ?? `name:${normalizedName}`;
          newEnterprise = newEnterprises.get(key) ?? newEnterprises.get(`name:${normalizedName}`) ?? null;
          if (!newEnterprise) {
            newEnterprise = { id: randomUUID(), name: investorName, normalizedName, creditCode: code };
            newEnterprises.set(key, newEnterprise);
            newEnterprises.set(`name:${normalizedName}`, newEnterprise);
          }
          investorId = newEnterprise.id;
        }
      } else if (code) err('investor', 'required');

      const enumOf = (key: DispatchKey, m: Map<string, string>) => {
        const v = text(key, 20);
        if (v == null) return null;
        const found = m.get(v.replace(/\s/g, ''));
        if (!found) err(key, 'unknown_value');
        return found ?? null;
      };
      const nature = enumOf('nature', natureByText);
      const level = enumOf('level', levelByText);

      let startYear: number | null = null;
      let endYear: number | null = null;
      const yearsCell = record.get('years');
      if (yearsCell != null) {
        const m = /^(\d{4})\s*年?\s*(?:[-—–~～至到]+\s*(\d{4})\s*年?)?$/.exec(String(yearsCell).trim());
        if (!m || Number(m[1]) < 1990 || Number(m[2] ?? m[1]) > 2100) err('years', 'sheet_years');
        else {
          startYear = Number(m[1]);
          endYear = Number(m[2] ?? m[1]);
          if (endYear < startYear) err('years', 'years_order');
        }
      }

      const total = money('total');
      if (total == null && !projectId && !bad('total')) err('total', 'required');
      const plan = money('annualPlan');
      const done = money('periodDone');
      const ytd = money('ytd');
      const since = money('sinceStart');

      const ref = (key: DispatchKey, m: Map<string, string | null>, unknown: string) => {
        const v = text(key, 60);
        if (v == null) return null;
        if (!m.has(v)) err(key, unknown);
        else if (m.get(v) === null) err(key, 'sheet_ambiguous_person');
        return m.get(v) ?? null;
      };
      const departmentId = ref('department', deptByName, 'sheet_unknown_department');
      const officerUserId = ref('officer', personByName, 'sheet_unknown_person');
      const leaderUserId = ref('leader', personByName, 'sheet_unknown_person');
      const progressText = text('progressText', 2000);
      const problems = text('problems', 2000);

      // The period's figures: this period, year to date, since start.
      const id = projectId ?? randomUUID();
      const writes: ReportWrite[] = [];
      const figuresBad = bad('periodDone') || bad('ytd') || bad('sinceStart');
      const history = projectId ? sums.get(projectId) : undefined;
      const hasHistory = history && history.count > (history.atPeriod == null ? 0 : 1);
      const reportHere = done != null || progressText != null || problems != null;
      if (!figuresBad && !hasHistory) {
        // No earlier reports: the sheet's cumulatives become opening balances.
        const dd = done ?? 0;
        const y = ytd ?? (reportHere ? dd : 0);
        const c = since ?? y;
        if (dd > y) err('ytd', 'sheet_figures_order');
        else if (y > c) err('sinceStart', 'sheet_figures_order');
        else if (y - dd > 0 && prev.start < period.yearStart) err('ytd', 'sheet_ytd_first_period');
        else {
          if (c - y > 0)
            writes.push({
              projectId: id,
              periodStart: lastYear.start,
              periodEnd: lastYear.end,
              investedYuan: c - y,
              progressText: OPENING_BEFORE_YEAR,
              problems: null,
            });
          if (y - dd > 0)
            writes.push({ projectId: id, periodStart: prev.start, periodEnd: prev.end, investedYuan: y - dd, progressText: OPENING_IN_YEAR, problems: null });
          if (reportHere) writes.push({ projectId: id, periodStart: period.start, periodEnd: period.end, investedYuan: dd, progressText, problems });
        }
      } else if (!figuresBad && history) {
        // Reports exist: the sheet's cumulatives must agree with them.
        const dd = done ?? history.atPeriod ?? 0;
        const expectYtd = history.yearBefore + dd;
        const expectSince = history.beforeYear + history.yearBefore + dd;
        if (ytd != null && ytd !== expectYtd) err('ytd', 'sheet_figures_mismatch', `（${fromYuan(expectYtd, 'wan')}）`);
        if (since != null && since !== expectSince) err('sinceStart', 'sheet_figures_mismatch', `（${fromYuan(expectSince, 'wan')}）`);
        if (reportHere) writes.push({ projectId: id, periodStart: period.start, periodEnd: period.end, investedYuan: dd, progressText, problems });
      }

      if (rowErrors.length) {
        errorRows++;
        errorCount += rowErrors.length;
        for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
        continue;
      }
      if (newEnterprise && !usedEnterprises.has(newEnterprise.id)) {
        usedEnterprises.add(newEnterprise.id);
        out.enterprises.push(newEnterprise);
      }
      const common = {
        id,
        investorEnterpriseId: investorId,
        sectorText: text('sector', 40),
        constructionContent: text('content', 2000),
        plannedStartYear: startYear,
        plannedEndYear: endYear,
        departmentId,
        officerUserId,
        leaderUserId,
      };
      if (projectId) out.updated.push({ ...common, nature, level, totalInvestmentYuan: total });
      else out.created.push({ ...common, name: name!, nature: nature ?? 'new', level: level ?? 'none', totalInvestmentYuan: total! });
      if (plan != null) out.plans.push({ projectId: id, planYuan: plan });
      out.reports.push(...writes);
    }

    out.report = {
      zoneId: period.zoneId,
      periodStart: period.start,
      periodEnd: period.end,
      periodLabel: period.label,
      totalRows: rows.length,
      validRows: rows.length - errorRows,
      errorRows,
      errorCount,
      errors,
      columns,
      plan: {
        projectsCreated: out.created.length,
        projectsUpdated: out.updated.length,
        enterprisesCreated: out.enterprises.length,
        reportsWritten: out.reports.length,
      },
    };
    return out;
  }

  async function begin(s: SessionContext, q: { zoneId?: string; period?: string; importId?: string }) {
    const period = await resolvePeriod(s, q);
    if (!can(s, 'project.import', period.zoneId)) throw new AppError('FORBIDDEN');
    if (period.start > today()) throw fieldError('period', 'period_future');
    const id = q.importId ?? randomUUID();
    const p: Progress = { phase: 'reading', rowsRead: 0, userId: s.user.id };
    progress.set(id, p);
    return { period, p, done: () => ((p.phase = 'done'), setTimeout(() => progress.delete(id), 60_000).unref()) };
  }

  return {
    resolvePeriod,
    exportSheet,

    /** Reads and checks the file; answers the row report and what the valid rows would write. */
    async preview(s: SessionContext, q: { zoneId?: string; period?: string; importId?: string }, file: Buffer, locale: Locale): Promise<DispatchImportReport> {
      const { period, p, done } = await begin(s, q);
      try {
        return { ...(await analyse(db, period, file, locale, p)).report, committed: false };
      } finally {
        done();
      }
    },

    /**
     * Reads and checks the file again, then writes it in one transaction: `all` only when every row
     * is valid, `valid` the valid rows. Any failure rolls everything back.
     */
    async commit(
      s: SessionContext,
      q: { zoneId?: string; period?: string; importId?: string; mode: 'all' | 'valid' },
      file: Buffer,
      fileName: string,
      locale: Locale,
      requestId: string,
    ): Promise<DispatchImportReport> {
      const { period, p, done } = await begin(s, q);
      const actor = actorOf(s, requestId);
      try {
        const report = await db.transaction(async (tx) => {
          const a = await analyse(tx, period, file, locale, p);
          if (q.mode === 'all' && a.report.errorCount > 0) throw fieldError('mode', 'import_has_errors');
          if (a.report.validRows === 0) throw fieldError('mode', 'import_nothing_valid');
          p.phase = 'writing';
          const t = today();
          const template = (await projects.template(tx, period.zoneId)) ?? (await projects.template(tx, null));
          await sheet.insertEnterprises(tx, period.zoneId, a.enterprises);
          await sheet.insertProjects(
            tx,
            period.zoneId,
            t,
            a.created,
            { milestones: template?.milestones ?? builtinMilestones, approvals: template?.approvals ?? builtinApprovals },
            actor,
          );
          await sheet.updateProjects(tx, a.updated);
          await sheet.upsertAnnualPlans(tx, period.zoneId, Number(period.start.slice(0, 4)), a.plans);
          await sheet.upsertReports(tx, period.zoneId, period.kind, { id: s.user.id, name: s.user.displayName }, a.reports);
          const reportsOf = new Map<string, ReportWrite[]>();
          for (const r of a.reports) reportsOf.set(r.projectId, [...(reportsOf.get(r.projectId) ?? []), r]);
          const planOf = new Map(a.plans.map((x) => [x.projectId, x.planYuan]));
          const entry = (x: { id: string }) => ({
            entityId: x.id,
            after: { ...x, annualPlanYuan: planOf.get(x.id) ?? null, reports: reportsOf.get(x.id) ?? [] },
          });
          await projects.auditMany(tx, actor, { zoneId: period.zoneId, action: 'project.create', entityType: 'project' }, a.created.map(entry));
          await projects.auditMany(tx, actor, { zoneId: period.zoneId, action: 'project.import_update', entityType: 'project' }, a.updated.map(entry));
          await audit(tx, actor, {
            zoneId: period.zoneId,
            action: 'project.dispatch_import',
            entityType: 'zone',
            entityId: period.zoneId,
            after: { fileName, mode: q.mode, periodStart: period.start, totalRows: a.report.totalRows, validRows: a.report.validRows, ...a.report.plan },
          });
          await projects.refreshDerived(tx, { projectIds: [...a.created, ...a.updated].map((x) => x.id) }, t);
          return a.report;
        });
        return { ...report, committed: true };
      } finally {
        done();
      }
    },

    progress(s: SessionContext, importId: string) {
      const p = progress.get(importId);
      if (!p || p.userId !== s.user.id) return { phase: 'unknown' as const, rowsRead: 0 };
      return { phase: p.phase, rowsRead: p.rowsRead };
    },
  };
}

export type DispatchSheetService = ReturnType<typeof createDispatchSheetService>;
