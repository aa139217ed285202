/**
 * The lead ledger (招商线索台账): export to .xlsx, and import of enterprises and leads from .xlsx.
 * An import is read as a stream (exceljs WorkbookReader), validated row by row and staged in
 * import_rows; nothing reaches the real tables until the user commits ("all" or "valid rows only"),
 * which runs set-based in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type ExcelJSType from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../../contract/errors.ts';
import type { ImportRowError, ImportSummary, commitImportBody, uploadImportQuery } from '../../../contract/imports.ts';
import type { listLeadsQuery } from '../../../contract/leads.ts';
import { chainActionLabels, methodLabels, stageLabels, statusLabels } from '../../../contract/pipeline-enums.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { industryCodeOf } from '../../../contract/industries.ts';
import { fromYuan, toYuan } from '../../../contract/money.ts';
import { reasonText } from '../../../contract/reasons.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { can, inScope } from '../../platform/policies.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import type { LeadsRepository } from '../leads/leads.repository.ts';
import { chinaToday, type LeadsService } from '../leads/index.ts';
import {
  chainActionByText,
  enterpriseColumns,
  headerKey,
  headerMap,
  headerUnit,
  ledgerColumns,
  methodByText,
  stageByText,
  statusByText,
  type Column,
} from './ledger.columns.ts';
import type { LedgerRepository } from './ledger.repository.ts';
import { cellDate, cellText, cellValue, loadExcel, type Cell } from '../../platform/xlsx.ts';

export const MAX_IMPORT_ROWS = 200_000;
const STAGE_BATCH = 2000;
const MAX_REPORTED_ERRORS = 1000;

// Cell reading is shared with the other spreadsheet importers (platform/xlsx.ts).
const plain = cellValue;
const parseDate = cellDate;
const text = cellText;

interface Progress {
  phase: 'uploading' | 'reading' | 'staging' | 'done';
  rowsRead: number;
  userId: string;
}

export function createLedgerService(deps: {
  db: Db;
  ledger: LedgerRepository;
  leadsRepo: Pick<LeadsRepository, 'owners' | 'zoneCode'>;
  leads: Pick<LeadsService, 'listAll' | 'zonesOf'>;
  audit: AuditWriter;
  clock: Clock;
}) {
  const { db, ledger, leadsRepo, leads, audit, clock } = deps;
  const progress = new Map<string, Progress>();

  function summaryOf(
    b: NonNullable<Awaited<ReturnType<LedgerRepository['findBatch']>>>,
    columns: ImportSummary['columns'] = [],
    committed: ImportSummary['committed'] = null,
  ): ImportSummary {
    const stored = b.errors as { errors: ImportRowError[]; columns?: ImportSummary['columns']; committed?: ImportSummary['committed'] };
    return {
      id: b.id,
      kind: b.kind,
      zoneId: b.zoneId,
      fileName: b.fileName,
      status: b.status,
      totalRows: b.totalRows,
      validRows: b.validRows,
      errorCount: b.errorCount,
      errors: stored.errors ?? [],
      columns: stored.columns ?? columns,
      createdAt: b.createdAt.toISOString(),
      committed: stored.committed ?? committed,
    };
  }

  /** The .xlsx of the ledger: merged title row, Chinese headers, frozen header, 万元 number formats. */
  async function exportLedger(s: SessionContext, q: Omit<z.infer<typeof listLeadsQuery>, 'page' | 'pageSize'>): Promise<Buffer> {
    const rows = await leads.listAll(s, q);
    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    wb.creator = 'zonedesk';
    wb.created = clock();
    const ws = wb.addWorksheet('招商线索台账', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
    ws.columns = ledgerColumns.map((c) => ({ key: c.key, width: c.width }));
    ws.mergeCells(1, 1, 1, ledgerColumns.length);
    const title = ws.getCell(1, 1);
    title.value = `招商线索台账（导出日期：${chinaToday(clock())}，共 ${rows.length} 条）`;
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
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  interface RowContext {
    row: number;
    errors: ImportRowError[];
    header(key: string): string;
    fail(key: string, reason: string): void;
  }

  /** Reads the first sheet as a stream, finding the header row in the first five rows. */
  async function* readRows<K extends string>(
    stream: Readable,
    columns: Column<K>[],
    requiredKey: K,
    onHeader: (mapped: Map<number, { col: Column<K>; header: string }>) => void,
  ) {
    const map = headerMap(columns);
    const ExcelJS = await loadExcel();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    let mapped: Map<number, { col: Column<K>; header: string }> | null = null;
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJSType.Row>) {
        const values = row.values as unknown[];
        if (!mapped) {
          if (row.number > 5) throw fieldError('file', 'import_no_header');
          const candidate = new Map<number, { col: Column<K>; header: string }>();
          for (let i = 1; i < values.length; i++) {
            const v = plain(values[i]);
            const col = typeof v === 'string' ? map.get(headerKey(v)) : undefined;
            if (col && ![...candidate.values()].some((c) => c.col.key === col.key)) candidate.set(i, { col, header: v as string });
          }
          if ([...candidate.values()].some((c) => c.col.key === requiredKey) && candidate.size >= 2) {
            mapped = candidate;
            onHeader(mapped);
          }
          continue;
        }
        const record = new Map<K, Cell>();
        let empty = true;
        for (const [i, { col }] of mapped) {
          const v = plain(values[i]);
          if (v != null) empty = false;
          record.set(col.key, v);
        }
        if (!empty) yield { rowNumber: row.number, record };
      }
      break; // the first sheet only
    }
    if (!mapped) throw fieldError('file', 'import_no_header');
  }

  async function stage(
    s: SessionContext,
    q: z.infer<typeof uploadImportQuery>,
    fileName: string,
    stream: Readable,
    locale: Locale,
    requestId: string,
  ): Promise<ImportSummary> {
    const zoneId = q.zoneId ?? (!s.scope.all && s.scope.zoneIds.length === 1 ? s.scope.zoneIds[0] : undefined);
    if (!zoneId) throw fieldError('zoneId', 'zone_required');
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
    if (!can(s, 'lead.import', zoneId)) throw new AppError('FORBIDDEN');
    const importId = q.importId ?? randomUUID();
    if (q.importId && (await ledger.findBatch(db, q.importId))) throw fieldError('importId', 'name_taken', 'DUPLICATE');
    const p: Progress = { phase: 'reading', rowsRead: 0, userId: s.user.id };
    progress.set(importId, p);
    const say = (key: string) => reasonText(key, locale) ?? key;
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    let totalRows = 0;
    let validRows = 0;
    let columns: ImportSummary['columns'] = [];
    const owners = q.kind === 'leads' ? await leadsRepo.owners(db, [zoneId]) : [];
    const ownerByName = new Map<string, string | null>();
    for (const o of owners) ownerByName.set(o.displayName, ownerByName.has(o.displayName) ? null : o.id);

    const seenCodes = new Set<string>();
    const seenNames = new Map<string, string>();
    const seenLeadCodes = new Set<string>();
    /** New investors of a lead import, one id per credit code or normalised name. */
    const newEnterpriseIds = new Map<string, string>();

    try {
      await db.transaction(async (tx) => {
        await ledger.insertBatch(tx, {
          id: importId,
          zoneId,
          userId: s.user.id,
          kind: q.kind,
          fileName,
          totalRows: 0,
          validRows: 0,
          errorCount: 0,
          errors: { errors: [] },
        });
      });
      let pending: { rowNumber: number; record: Map<string, Cell> }[] = [];
      let headerOf = (key: string) => key;

      const flush = async () => {
        const batch = pending;
        pending = [];
        if (!batch.length) return;
        p.phase = 'staging';
        const codes = new Set<string>();
        const names = new Set<string>();
        const leadCodes = new Set<string>();
        for (const { record } of batch) {
          const code = record.get('creditCode');
          if (code != null) codes.add(normalizeCreditCode(String(code)));
          const name = record.get(q.kind === 'leads' ? 'enterpriseName' : 'name');
          if (name != null) names.add(normalizeEnterpriseName(String(name)));
          const lc = record.get('code');
          if (q.kind === 'leads' && lc != null) leadCodes.add(String(lc).trim());
        }
        const [byCode, byName, takenLeadCodes] = await Promise.all([
          ledger.enterprisesByCodes(
            db,
            [...codes].filter((c) => !creditCodeProblem(c)),
          ),
          ledger.enterprisesByNames(db, [...names]),
          q.kind === 'leads' ? ledger.leadCodes(db, zoneId, [...leadCodes]) : Promise.resolve(new Set<string>()),
        ]);
        const staged: { r: number; v: boolean; d: unknown }[] = [];
        for (const { rowNumber, record } of batch) {
          totalRows++;
          const rowErrors: ImportRowError[] = [];
          const ctx: RowContext = {
            row: rowNumber,
            errors: rowErrors,
            header: headerOf,
            fail: (key, reason) => rowErrors.push({ row: rowNumber, column: headerOf(key), reason: say(reason) }),
          };
          const data = q.kind === 'leads' ? leadRow(record, ctx) : enterpriseRow(record, ctx);
          if (!rowErrors.length) {
            validRows++;
            staged.push({ r: rowNumber, v: true, d: data });
          } else {
            errorCount += rowErrors.length;
            for (const e of rowErrors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
          }
        }
        await ledger.stageRows(db, importId, staged);
        p.phase = 'reading';

        function creditCodeOf(record: Map<string, Cell>, ctx: RowContext): string | null | 'bad' {
          const raw = record.get('creditCode');
          if (raw == null) return null;
          const code = normalizeCreditCode(String(raw));
          const problem = creditCodeProblem(code);
          if (problem) {
            ctx.fail('creditCode', `credit_code_${problem}`);
            return 'bad';
          }
          return code;
        }

        function enterpriseRow(record: Map<string, Cell>, ctx: RowContext) {
          const name = text(record.get('name'), 100);
          if (!name || name.length < 2) ctx.fail('name', 'required');
          const code = creditCodeOf(record, ctx);
          const normalizedName = name ? normalizeEnterpriseName(name) : '';
          let matchId: string | null = null;
          if (code && code !== 'bad') {
            if (seenCodes.has(code)) ctx.fail('creditCode', 'duplicate_in_file');
            seenCodes.add(code);
            matchId = byCode.get(code) ?? null;
          }
          if (!matchId && name && code !== 'bad') {
            const prior = seenNames.get(normalizedName);
            if (prior !== undefined && (!code || !prior)) ctx.fail('name', 'duplicate_in_file');
            seenNames.set(normalizedName, code ?? '');
            const existing = byName.get(normalizedName);
            if (existing && (!code || !existing.creditCode)) matchId = existing.id;
          }
          const capital = money(record, 'registeredCapital', ctx);
          const industryText = text(record.get('industry'), 60);
          const industryCode = industryText ? industryCodeOf(industryText) : null;
          if (industryText && !industryCode) ctx.fail('industry', 'unknown_industry');
          const regionCode = text(record.get('regionCode'), 6);
          if (regionCode && !/^\d{6}$/.test(regionCode)) ctx.fail('regionCode', 'region_code');
          const email = text(record.get('contactEmail'), 100);
          if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) ctx.fail('contactEmail', 'email');
          return {
            id: randomUUID(),
            matchId,
            name,
            normalizedName,
            creditCode: code === 'bad' ? null : code,
            legalPerson: text(record.get('legalPerson'), 32),
            registeredCapitalYuan: capital,
            industryCode: industryCode ?? null,
            regionCode,
            address: text(record.get('address'), 200),
            contactName: text(record.get('contactName'), 32),
            contactTitle: text(record.get('contactTitle'), 40),
            contactPhone: text(record.get('contactPhone'), 20),
            contactEmail: email,
          };
        }

        function leadRow(record: Map<string, Cell>, ctx: RowContext) {
          const name = text(record.get('name'), 100);
          if (!name) ctx.fail('name', 'required');
          const code = text(record.get('code'), 32);
          if (code) {
            if (takenLeadCodes.has(code)) ctx.fail('code', 'lead_code_taken');
            else if (seenLeadCodes.has(code)) ctx.fail('code', 'duplicate_in_file');
            seenLeadCodes.add(code);
          }
          const enumOf = <T>(key: string, m: Map<string, T>, fallback: T | null): T | null => {
            const v = text(record.get(key), 40);
            if (!v) return fallback;
            const found = m.get(v) ?? m.get(v.toLowerCase());
            if (found === undefined) ctx.fail(key, 'unknown_value');
            return found ?? fallback;
          };
          const method = enumOf('method', methodByText, 'other');
          const stageValue = enumOf('stage', stageByText, 'prospect');
          const status = enumOf('status', statusByText, 'active');
          const statusReason = text(record.get('statusReason'), 200);
          const lostToRegion = text(record.get('lostToRegion'), 40);
          if ((status === 'lost' || status === 'terminated') && !statusReason) ctx.fail('statusReason', 'status_reason_required');
          if (status === 'lost' && !lostToRegion) ctx.fail('lostToRegion', 'lost_region_required');
          const chainAction = enumOf('chainAction', chainActionByText, null);
          let likelihood: number | null = null;
          const rawLikelihood = record.get('likelihood');
          if (rawLikelihood != null) {
            const n =
              typeof rawLikelihood === 'number'
                ? rawLikelihood > 0 && rawLikelihood < 1
                  ? rawLikelihood * 100
                  : rawLikelihood
                : Number(String(rawLikelihood).replace(/%$/, ''));
            if (!Number.isFinite(n) || n < 0 || n > 100) ctx.fail('likelihood', 'percent_range');
            else likelihood = Math.round(n);
          }
          const dates: Record<string, string | null> = {};
          for (const key of ['firstContactOn', 'lastFollowUpOn', 'nextStepOn']) {
            const d = parseDate(record.get(key));
            if (d === 'bad') ctx.fail(key, 'date_format');
            dates[key] = d === 'bad' ? null : d;
          }
          let ownerId: string | null = null;
          const ownerText = text(record.get('owner'), 40);
          if (ownerText) {
            ownerId = ownerByName.get(ownerText) ?? owners.find((o) => o.id === ownerText)?.id ?? null;
            if (!ownerId) ctx.fail('owner', 'unknown_owner');
          }
          // The investor: an existing enterprise (by code, then name), or one registered on commit.
          const enterpriseName = text(record.get('enterpriseName'), 100);
          const creditCode = creditCodeOf(record, ctx);
          let enterpriseId: string | null = null;
          let newEnterprise: { id: string; name: string; creditCode: string | null; normalizedName: string } | null = null;
          if (creditCode && creditCode !== 'bad') enterpriseId = byCode.get(creditCode) ?? null;
          if (!enterpriseId && enterpriseName && creditCode !== 'bad') {
            const normalizedName = normalizeEnterpriseName(enterpriseName);
            const existing = byName.get(normalizedName);
            if (existing && (!creditCode || !existing.creditCode)) enterpriseId = existing.id;
            else {
              // One new investor per credit code; a row without a code joins one of the same name.
              const nameKey = `name:${normalizedName}`;
              const id = newEnterpriseIds.get(creditCode ?? nameKey) ?? randomUUID();
              newEnterpriseIds.set(creditCode ?? nameKey, id);
              if (!newEnterpriseIds.has(nameKey)) newEnterpriseIds.set(nameKey, id);
              newEnterprise = { id, name: enterpriseName, creditCode, normalizedName };
            }
          } else if (!enterpriseId && creditCode && creditCode !== 'bad') {
            ctx.fail('enterpriseName', 'required');
          }
          return {
            id: randomUUID(),
            code,
            name,
            enterpriseId,
            newEnterprise,
            method,
            stage: stageValue,
            status,
            statusReason: status === 'active' ? null : statusReason,
            lostToRegion: status === 'lost' ? lostToRegion : null,
            sector: text(record.get('sector'), 40),
            chainLink: text(record.get('chainLink'), 60),
            chainAction,
            plannedInvestmentYuan: money(record, 'plannedInvestment', ctx),
            plannedOutputYuan: money(record, 'plannedOutput', ctx),
            likelihood,
            ...dates,
            nextStep: text(record.get('nextStep'), 200),
            ownerId,
            platformContact: text(record.get('platformContact'), 40),
          };
        }
      };

      let units = new Map<string, 'yuan' | 'wan' | 'yi'>();
      function money(record: Map<string, Cell>, key: string, ctx: RowContext): number | null {
        const v = record.get(key);
        if (v == null) return null;
        const yuan = toYuan(typeof v === 'number' ? String(v) : String(v).replace(/[,，\s]/g, ''), units.get(key) ?? 'wan');
        if (yuan === null) {
          // Floating-point residue from a computed cell: keep to the yuan.
          if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v * { yuan: 1, wan: 10_000, yi: 100_000_000 }[units.get(key) ?? 'wan']);
          ctx.fail(key, 'number_format');
          return null;
        }
        if (yuan < 0) {
          ctx.fail(key, 'money_negative');
          return null;
        }
        return yuan;
      }

      const cols = (q.kind === 'leads' ? ledgerColumns : enterpriseColumns) as Column<string>[];
      const required = q.kind === 'leads' ? 'name' : 'name';
      for await (const item of readRows(stream, cols, required, (mapped) => {
        const headers = new Map([...mapped.values()].map((m) => [m.col.key, m.header]));
        headerOf = (key) => headers.get(key) ?? cols.find((c) => c.key === key)?.header ?? key;
        units = new Map([...mapped.values()].filter((m) => m.col.kind === 'money').map((m) => [m.col.key, headerUnit(m.header)]));
        columns = [...mapped.values()].map((m) => ({ header: m.header, field: m.col.key }));
      })) {
        p.rowsRead++;
        if (p.rowsRead > MAX_IMPORT_ROWS) throw fieldError('file', 'import_too_many_rows');
        pending.push(item as { rowNumber: number; record: Map<string, Cell> });
        if (pending.length >= STAGE_BATCH) await flush();
      }
      await flush();
      if (totalRows === 0) throw fieldError('file', 'import_empty');
      await db.transaction(async (tx) => {
        await ledger.finishBatch(tx, importId, { totalRows, validRows, errorCount, errors: { errors, columns } });
        await audit(tx, actorOf(s, requestId), {
          zoneId,
          action: 'import.stage',
          entityType: 'import',
          entityId: importId,
          after: { kind: q.kind, fileName, totalRows, validRows, errorCount },
        });
      });
    } catch (err) {
      // Nothing of a failed upload stays behind.
      await ledger.deleteBatch(db, importId).catch(() => undefined);
      progress.delete(importId);
      if (err instanceof AppError) throw err;
      if (/zip|end of central directory|invalid signature|corrupted/i.test(String((err as Error)?.message))) throw fieldError('file', 'import_not_xlsx');
      throw err;
    } finally {
      p.phase = 'done';
      setTimeout(() => progress.delete(importId), 60_000).unref();
    }
    return summaryOf((await ledger.findBatch(db, importId))!);
  }

  async function loadBatch(s: SessionContext, id: string) {
    const b = await ledger.findBatch(db, id);
    if (!b || !inScope(s, b.zoneId)) throw notFound();
    return b;
  }

  return {
    exportLedger,
    stage,

    async inCallerScope(s: SessionContext, id: string): Promise<boolean> {
      const b = await ledger.findBatch(db, id);
      return Boolean(b && inScope(s, b.zoneId));
    },

    async get(s: SessionContext, id: string) {
      return summaryOf(await loadBatch(s, id));
    },

    /** Progress of an upload being read; the client picks the id so it can poll while uploading. */
    async progress(s: SessionContext, id: string) {
      const p = progress.get(id);
      if (p) {
        if (p.userId !== s.user.id) throw notFound();
        return { phase: p.phase, rowsRead: p.rowsRead };
      }
      const b = await ledger.findBatch(db, id);
      if (b && !inScope(s, b.zoneId)) throw notFound();
      return b ? { phase: 'done' as const, rowsRead: b.totalRows } : { phase: 'unknown' as const, rowsRead: 0 };
    },

    async commit(s: SessionContext, id: string, body: z.infer<typeof commitImportBody>, requestId: string) {
      const b = await loadBatch(s, id);
      if (!can(s, 'lead.import', b.zoneId)) throw new AppError('FORBIDDEN');
      if (b.status !== 'staged') throw fieldError('mode', 'import_not_staged');
      if (body.mode === 'all' && b.errorCount > 0) throw fieldError('mode', 'import_has_errors');
      if (b.validRows === 0) throw fieldError('mode', 'import_nothing_valid');
      const prefix = `${(await leadsRepo.zoneCode(db, b.zoneId)) ?? 'LEAD'}-${chinaToday(clock()).slice(0, 4)}-`;
      const committed = await db.transaction(async (tx) => {
        if (!(await ledger.markBatch(tx, id, 'committed'))) throw fieldError('mode', 'import_not_staged');
        const result =
          b.kind === 'enterprises'
            ? await ledger.commitEnterprises(tx, id, b.zoneId)
            : await ledger.commitLeads(tx, id, b.zoneId, prefix, { id: s.user.id, name: s.user.displayName });
        await ledger.deleteRows(tx, id);
        await ledger.setErrors(tx, id, { ...(b.errors as object), committed: result });
        await audit(tx, actorOf(s, requestId), {
          zoneId: b.zoneId,
          action: 'import.commit',
          entityType: 'import',
          entityId: id,
          after: { kind: b.kind, mode: body.mode, ...result },
        });
        return result;
      });
      return summaryOf((await ledger.findBatch(db, id))!, [], committed);
    },

    async discard(s: SessionContext, id: string, requestId: string) {
      const b = await loadBatch(s, id);
      if (!can(s, 'lead.import', b.zoneId)) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        if (!(await ledger.markBatch(tx, id, 'discarded'))) throw fieldError('mode', 'import_not_staged');
        await ledger.deleteRows(tx, id);
        await audit(tx, actorOf(s, requestId), { zoneId: b.zoneId, action: 'import.discard', entityType: 'import', entityId: id });
      });
      return summaryOf((await ledger.findBatch(db, id))!);
    },

    zonesOf: leads.zonesOf,
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
