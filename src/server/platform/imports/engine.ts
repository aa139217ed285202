/**
 * The staged-import engine (docs/imports.md, decision 010). One upload: the first sheet is read as
 * a stream, its header found and mapped by the importer's header words, every row checked by the
 * importer and staged (cells as read, valid or not, what the importer made of it). The user may
 * then map columns differently (the staged cells are checked again, no new upload), and commits
 * — all rows only if none has an error, or the valid ones — in one transaction, or discards.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../contract/errors.ts';
import {
  IMPORT_MAX_BYTES,
  type ImportProgress,
  type ImportRowError,
  type ImportSummary,
  type commitImportBody,
  type remapImportBody,
  type uploadImportQuery,
} from '../../../contract/imports.ts';
import { reasonText } from '../../../contract/reasons.ts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit.ts';
import { actorOf, systemActor, type SessionContext } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import type { UploadedFile } from '../http/operations.ts';
import { can, inScope } from '../policies.ts';
import type { Cell } from '../xlsx.ts';
import type { AnyImporter, ImportRow, ImportScope, Json, StagedRows } from './importer.ts';
import { openWorkbook } from './formats.ts';
import type { SheetPeriod } from './period.ts';
import { cellString, findTables, headerUnitOf, type SkippedRow, type TableEvent, type TableInfo } from './table.ts';
import * as values from './values.ts';
import { WorkbookError } from './workbook.ts';
import { createImportsRepository, type ImportBatchRow, type StagedRow } from './imports.repository.ts';

const MAX_REPORTED_ERRORS = 1000;
const MAX_REPORTED_SKIPS = 2000;
/** A staged row's key: sheets never collide (Excel has at most 1,048,576 rows). */
const ROW_KEY = 2_000_000;
const DEFAULT_BATCH = 2000;
const SAMPLE_ROWS = 3;

type Column = ImportSummary['columns'][number];

/** A workbook whose table cannot be read as this importer's. */
class SheetError extends Error {
  constructor(
    readonly reason: 'missing_columns' | 'no_header' | 'too_many_rows' | 'empty',
    readonly missing: string[] = [],
  ) {
    super(reason);
  }
}

type Table = ImportSummary['tables'][number];
type Name = ImportSummary['names'][number];

/** What the batch keeps besides its counts (import_batches.errors, jsonb). */
interface BatchState {
  errors: ImportRowError[];
  errorRows: number;
  /** The first table's mapping (kept for the wizard's one-table view). */
  columns: Column[];
  tables?: Table[];
  skipped?: SkippedRow[];
  sheetsSkipped?: { sheet: string; why: string }[];
  names?: Name[];
  checks?: ImportSummary['checks'];
  period?: SheetPeriod | null;
  resolved: Json;
  plan: Record<string, number>;
  committed: Record<string, number> | null;
}

interface Progress {
  phase: ImportProgress['phase'];
  rowsRead: number;
  userId: string;
}

/** A row as staged: cells by column number (dates kept as `{ d: iso }`), its table and section. */
interface RawRow {
  /** The staged key: sheet × ROW_KEY + row. */
  key: number;
  rowNumber: number;
  table: number;
  cells: Cell[];
  section: string | null;
  fills?: Record<number, string>;
  marks?: Record<number, string>;
}

const encodeCell = (v: Cell): unknown => (v instanceof Date ? { d: v.toISOString() } : v);
const decodeCell = (v: unknown): Cell => (v && typeof v === 'object' && 'd' in v ? new Date(String((v as { d: string }).d)) : (v as Cell));

interface CheckResult {
  totalRows: number;
  validRows: number;
  errorRows: number;
  errorCount: number;
  errors: ImportRowError[];
  plan: Record<string, number>;
  names: Name[];
}

export function createImportEngine(deps: { db: Db; audit: AuditWriter; clock: Clock; importers: readonly AnyImporter[] }) {
  const { db, audit, clock } = deps;
  const repo = createImportsRepository();
  const importers = new Map<string, AnyImporter>();
  for (const importer of deps.importers) {
    if (importers.has(importer.kind)) throw new Error(`two importers of kind ${importer.kind}`);
    importers.set(importer.kind, importer);
  }
  const progress = new Map<string, Progress>();

  const importerOf = (kind: string) => {
    const importer = importers.get(kind);
    if (!importer) throw fieldError('kind', 'import_unknown_kind');
    return importer;
  };
  const stateOf = (b: ImportBatchRow) => b.errors as BatchState;

  function summaryOf(b: ImportBatchRow): ImportSummary {
    const importer = importerOf(b.kind);
    const state = stateOf(b);
    return {
      id: b.id,
      kind: b.kind as ImportSummary['kind'],
      zoneId: b.zoneId,
      fileName: b.fileName,
      status: b.status,
      totalRows: b.totalRows,
      validRows: b.validRows,
      errorRows: state.errorRows ?? 0,
      errorCount: b.errorCount,
      errors: state.errors ?? [],
      columns: state.columns ?? [],
      fields: importer.columns.filter((c) => !c.exportOnly).map((c) => ({ key: c.key, label: c.header, required: importer.required.includes(c.key) })),
      details: importer.details?.(state.resolved) ?? {},
      plan: state.plan ?? {},
      createdAt: b.createdAt.toISOString(),
      committed: state.committed ?? null,
      period: state.period ?? null,
      tables: state.tables ?? [],
      skipped: state.skipped ?? [],
      sheetsSkipped: state.sheetsSkipped ?? [],
      names: state.names ?? [],
      checks: state.checks ?? [],
    };
  }

  /**
   * Checks every row under one mapping: the importer's look-ups per batch, then each row; `write`
   * stages each batch's outcome. The same code runs at upload and after a new mapping.
   */
  async function check(
    importer: AnyImporter,
    scope: ImportScope<Json>,
    rows: AsyncIterable<RawRow>,
    tables: Table[],
    locale: Locale,
    p: Progress,
    write: (staged: StagedRow[]) => Promise<void>,
  ): Promise<CheckResult> {
    const say = (key: string) => reasonText(key, locale) ?? key;
    const fieldHeader = (key: string) => importer.columns.find((c) => c.key === key)?.header ?? key;
    // Per table (tables arrive while the upload is read): field → column.
    const maps = new Map<number, { indexOf: Map<string, number>; headerOf: Map<string, string> }>();
    const mapsOf = (n: number) => {
      let m = maps.get(n);
      if (!m) {
        const t = tables[n] ?? tables[0];
        m = { indexOf: new Map(), headerOf: new Map() };
        for (const c of t.columns) {
          if (!c.field) continue;
          m.indexOf.set(c.field, c.index);
          m.headerOf.set(c.field, c.header);
        }
        maps.set(n, m);
      }
      return m;
    };
    const run = await importer.begin(scope);
    const result: CheckResult = { totalRows: 0, validRows: 0, errorRows: 0, errorCount: 0, errors: [], plan: {}, names: [] };
    const names = new Map<string, Name>();
    let pending: RawRow[] = [];
    const multiSheet = () => new Set(tables.map((t) => t.sheet)).size > 1;

    const flush = async () => {
      const chunk = pending;
      pending = [];
      if (!chunk.length) return;
      p.phase = 'checking';
      const made = chunk.map((raw) => {
        const errors: ImportRowError[] = [];
        const t = tables[raw.table] ?? tables[0];
        const { indexOf, headerOf } = mapsOf(raw.table);
        const header = (key: string) => headerOf.get(key) ?? fieldHeader(key);
        const where = multiSheet() ? { sheet: t.sheet } : {};
        // One error per cell: the first reason found (a value too long is not also "required").
        const fail = (key: string, reason: string, extra = '') => {
          const column = header(key);
          if (!errors.some((e) => e.column === column)) errors.push({ row: raw.rowNumber, ...where, column, reason: say(reason) + extra });
        };
        const get = (key: string): Cell => {
          const i = indexOf.get(key);
          if (i === undefined) return null;
          const mark = raw.marks?.[i];
          if (mark && !errors.some((e) => e.column === header(key))) fail(key, mark === 'formula_no_value' ? 'cell_formula_no_value' : 'cell_error', mark.startsWith('error:') ? `（${mark.slice(6)}）` : '');
          return raw.cells[i] ?? null;
        };
        const year = t.period?.asOf ? Number(t.period.asOf.slice(0, 4)) : t.period?.quarter ? Number(t.period.quarter.slice(0, 4)) : undefined;
        const typed =
          <T,>(parse: (v: Cell) => T | values.Problem) =>
          (key: string): T | null => {
            const v = parse(get(key));
            if (values.isProblem(v)) {
              fail(key, v.problem);
              return null;
            }
            return v;
          };
        const unit = (key: string) => headerUnitOf(header(key)) ?? (t.unit as 'yuan' | 'wan' | 'yi' | null) ?? 'wan';
        const row: ImportRow<string> = {
          rowNumber: raw.rowNumber,
          sheet: t.sheet,
          section: raw.section,
          block: t.block,
          period: t.period,
          get,
          has: (key) => indexOf.has(key),
          header,
          unit,
          fail,
          failed: (key) => errors.some((e) => e.column === header(key)),
          fill: (key) => {
            const i = indexOf.get(key);
            return i === undefined ? null : (raw.fills?.[i] ?? null);
          },
          text: (key, max) => typed((v) => values.textValue(v, max))(key),
          money: (key, nothingIsZero = true) => (indexOf.has(key) ? typed((v) => values.moneyValue(v, unit(key), nothingIsZero))(key) : null),
          percent: typed(values.percentValue),
          number: (key, nothingIsZero = false) => typed((v) => values.numberValue(v, nothingIsZero))(key),
          date: typed((v) => values.dateValue(v, year)),
          dayOrMonth: typed((v) => values.dayOrMonth(v, year)),
          years: typed(values.yearsValue),
          people: (key) => values.peopleValue(get(key)),
          flag: (key) => {
            const i = indexOf.get(key);
            const v = values.flagValue(get(key), i === undefined ? null : raw.fills?.[i]);
            if (values.isProblem(v)) {
              fail(key, v.problem);
              return null;
            }
            return v;
          },
          noteName: (key, text, resolution, matchName = null) => {
            const id = `${key}\u0000${text}`;
            const n = names.get(id);
            if (n) n.rows++;
            else names.set(id, { field: key, text, rows: 1, resolution, matchName });
          },
        };
        return { raw, row, errors };
      });
      const batch = await importer.prepare?.(scope, run, made.map((m) => m.row));
      const staged: StagedRow[] = [];
      for (const { raw, row, errors } of made) {
        result.totalRows++;
        const data = importer.parseRow(row, run, batch);
        const valid = errors.length === 0;
        if (valid) {
          result.validRows++;
          importer.accept?.(run, data);
        } else {
          result.errorRows++;
          result.errorCount += errors.length;
          for (const e of errors) if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(e);
        }
        staged.push({
          r: raw.key,
          v: valid,
          d: {
            cells: raw.cells.map(encodeCell),
            n: raw.rowNumber,
            t: raw.table,
            s: raw.section,
            ...(raw.fills ? { f: raw.fills } : {}),
            ...(raw.marks ? { m: raw.marks } : {}),
            value: valid ? (data as unknown) : null,
          },
        });
      }
      p.phase = 'staging';
      await write(staged);
      p.phase = 'reading';
    };

    const size = importer.batchSize ?? DEFAULT_BATCH;
    for await (const raw of rows) {
      pending.push(raw);
      if (pending.length >= size) await flush();
    }
    await flush();
    result.plan = importer.plan?.(run) ?? {};
    result.names = [...names.values()];
    return result;
  }

  /** A SheetError in the caller's words: missing columns named, limits stated. */
  function sheetProblem(e: unknown, importer: AnyImporter, say: (key: string) => string): never {
    if (e instanceof WorkbookError) throw fieldError('file', e.reason === 'too_large_inflated' ? 'sheet_too_large_inflated' : e.reason === 'empty' ? 'import_empty' : 'import_not_xlsx');
    if (!(e instanceof SheetError)) throw e;
    if (e.reason === 'missing_columns' || e.reason === 'no_header')
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ field: 'file', reason: `${say('sheet_missing_columns')}：${e.missing.join('、')}` }],
        missingColumns: e.missing,
      });
    if (e.reason === 'too_many_rows') throw fieldError('file', `${say('import_too_many_rows')}（≤ ${importer.maxRows}）`);
    throw fieldError('file', e.reason === 'empty' ? 'import_empty' : 'import_not_xlsx');
  }

  async function loadBatch(s: SessionContext, id: string) {
    const b = await repo.findBatch(db, id);
    if (!b || !inScope(s, b.zoneId)) throw notFound();
    return b;
  }
  function assertMay(s: SessionContext, importer: AnyImporter, zoneId: string) {
    if (!can(s, importer.permission, zoneId)) throw new AppError('FORBIDDEN');
  }
  const forget = (id: string, p: Progress) => {
    p.phase = 'done';
    setTimeout(() => progress.delete(id), 60_000).unref();
  };

  return {
    kinds: () => [...importers.keys()],

    /** Upload: read, map, check and stage; answers the preview. Nothing of a failed upload stays. */
    async stage(
      s: SessionContext,
      q: z.infer<typeof uploadImportQuery>,
      file: () => Promise<UploadedFile | null>,
      locale: Locale,
      requestId: string,
    ): Promise<ImportSummary> {
      const importer = importerOf(q.kind);
      const say = (key: string) => reasonText(key, locale) ?? key;
      const zoneId = q.zoneId ?? (!s.scope.all && s.scope.zoneIds.length === 1 ? s.scope.zoneIds[0] : undefined);
      if (!zoneId) throw fieldError('zoneId', 'zone_required');
      if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      assertMay(s, importer, zoneId);
      const { kind: _kind, zoneId: _zone, importId: chosenId, ...options } = q;
      const parsedOptions = (importer.options ? importer.options.parse(options) : options) as Record<string, unknown>;
      const importId = chosenId ?? randomUUID();
      if (chosenId && (progress.has(chosenId) || (await repo.findBatch(db, chosenId)))) throw fieldError('importId', 'name_taken', 'DUPLICATE');

      const p: Progress = { phase: 'uploading', rowsRead: 0, userId: s.user.id };
      progress.set(importId, p);
      let upload: UploadedFile | null;
      try {
        upload = await file();
      } catch (err) {
        forget(importId, p);
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'sheet_too_large');
        throw err;
      }
      if (!upload) {
        forget(importId, p);
        throw fieldError('file', 'import_file_required');
      }
      if (upload.buffer.length > Math.min(importer.maxBytes ?? IMPORT_MAX_BYTES, IMPORT_MAX_BYTES)) {
        forget(importId, p);
        throw fieldError('file', 'sheet_too_large');
      }
      const buffer = upload.buffer;
      const fileName = upload.fileName || 'upload.xlsx';
      p.phase = 'reading';

      const state: BatchState = { errors: [], errorRows: 0, columns: [], tables: [], skipped: [], sheetsSkipped: [], names: [], checks: [], period: null, resolved: null, plan: {}, committed: null };
      let inserted = false;
      try {
        const wb = await openWorkbook(buffer, fileName);
        const tables: Table[] = state.tables!;
        const infos: TableInfo[] = [];
        let dataRows = 0;
        let best = new Set<string>();
        // Every visible sheet, every table on it, in reading order.
        async function* events(): AsyncGenerator<TableEvent> {
          let base = 0;
          for (const sheet of wb.sheets) {
            if (sheet.hidden) {
              state.sheetsSkipped!.push({ sheet: sheet.name, why: 'hidden' });
              continue;
            }
            const gen = findTables(
              sheet,
              { fields: importer.columns.map((c) => ({ ...c })), required: importer.required, onCandidate: (f) => void (f.size > best.size && (best = f)) },
              base,
            );
            let step = await gen.next();
            while (!step.done) {
              yield step.value;
              step = await gen.next();
            }
            if (step.value === 0) state.sheetsSkipped!.push({ sheet: sheet.name, why: 'no_table' });
            base += step.value;
          }
        }
        const source = events();
        // Up to the first table: its period goes to the importer's resolve, before any row is checked.
        const early: TableEvent[] = [];
        for (;;) {
          const step = await source.next();
          if (step.done) break;
          early.push(step.value);
          if (step.value.type === 'table') break;
        }
        const firstTable = early.find((e): e is Extract<TableEvent, { type: 'table' }> => e.type === 'table')?.table;
        if (!firstTable) {
          const lacking = importer.required.filter((k) => !best.has(k));
          throw new SheetError('missing_columns', (lacking.length ? lacking : importer.required).map((k) => importer.columns.find((c) => c.key === k)!.header));
        }
        state.period = firstTable.period;
        state.resolved = ((await importer.resolve?.({ db, session: s, zoneId, clock, options: parsedOptions, sheet: { period: firstTable.period } })) ?? null) as Json;
        await repo.insertBatch(db, { id: importId, zoneId, userId: s.user.id, kind: importer.kind, fileName, totalRows: 0, validRows: 0, errorCount: 0, errors: state });
        inserted = true;

        const samples = new Map<number, Map<number, string[]>>();
        const exportOnly = new Set(importer.columns.filter((c) => c.exportOnly).map((c) => c.key));
        async function* raw(): AsyncGenerator<RawRow> {
          const replay = (async function* () {
            yield* early;
            yield* source;
          })();
          for await (const e of replay) {
            if (e.type === 'table') {
              infos.push(e.table);
              const cols = e.table.columns.map((c) => ({ ...c, field: c.field && !exportOnly.has(c.field) ? c.field : null }));
              tables.push({ table: e.table.table, sheet: e.table.sheet, headerRows: e.table.headerRows, block: e.table.block, unit: e.table.unit, period: e.table.period, rows: 0, columns: cols });
              samples.set(e.table.table, new Map(cols.map((c) => [c.index, []])));
              continue;
            }
            if (e.type === 'skip') {
              if (state.skipped!.length < MAX_REPORTED_SKIPS) state.skipped!.push(e.skip);
              continue;
            }
            if (e.type === 'check') {
              if (state.checks!.length < MAX_REPORTED_SKIPS) state.checks!.push(e.check);
              continue;
            }
            const r = e.row;
            if (++dataRows > importer.maxRows) throw new SheetError('too_many_rows');
            p.rowsRead = dataRows;
            const t = tables.find((x) => x.table === r.table)!;
            t.rows++;
            for (const [i, sample] of samples.get(r.table)!) if (sample.length < SAMPLE_ROWS && r.cells[i] != null) sample.push(cellString(r.cells[i]!).slice(0, 60));
            const sheetIndex = infos.find((x) => x.table === r.table)!.sheetIndex;
            yield { key: sheetIndex * ROW_KEY + r.r, rowNumber: r.r, table: r.table, cells: Array.from(r.cells, (v) => v ?? null), section: r.section, fills: r.fills, marks: r.marks };
          }
        }
        const scope: ImportScope<Json> = { db, session: s, zoneId, clock, resolved: state.resolved };
        const result = await check(importer, scope, raw(), tables, locale, p, (staged) => repo.insertRows(db, importId, staged));
        if (result.totalRows === 0) throw fieldError('file', 'import_empty');
        for (const t of tables) for (const c of t.columns) Object.assign(c, { sample: samples.get(t.table)?.get(c.index) ?? [] });
        state.columns = (tables[0]?.columns ?? []).map((c) => ({ index: c.index, header: c.header, field: c.field, sample: (c as unknown as { sample?: string[] }).sample ?? [] }));
        Object.assign(state, { errors: result.errors, errorRows: result.errorRows, plan: result.plan, names: result.names });
        await db.transaction(async (tx) => {
          await repo.updateBatch(tx, importId, { totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, errors: state });
          await audit(tx, actorOf(s, requestId), {
            zoneId,
            action: 'import.stage',
            entityType: 'import',
            entityId: importId,
            after: { kind: importer.kind, fileName, totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, period: state.period?.written ?? null },
          });
        });
      } catch (err) {
        if (inserted) await repo.deleteBatch(db, importId).catch(() => undefined);
        progress.delete(importId);
        if (err instanceof SheetError || err instanceof WorkbookError) sheetProblem(err, importer, say);
        throw err;
      } finally {
        forget(importId, p);
      }
      return summaryOf((await repo.findBatch(db, importId))!);
    },

    async inCallerScope(s: SessionContext, id: string): Promise<boolean> {
      const b = await repo.findBatch(db, id);
      return Boolean(b && inScope(s, b.zoneId));
    },

    async get(s: SessionContext, id: string) {
      return summaryOf(await loadBatch(s, id));
    },

    /** Another mapping: the staged cells are checked again (no new upload), in one transaction. */
    async remap(s: SessionContext, id: string, body: z.infer<typeof remapImportBody>, locale: Locale, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'staged') throw fieldError('columns', 'import_not_staged');
      const state = stateOf(b);
      const tables = (state.tables ?? []).map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) }));
      const which = body.table ?? 0;
      if (!tables[which]) throw fieldError('table', 'import_unknown_column');
      const columns = tables[which].columns;
      const importable = new Set(importer.columns.filter((c) => !c.exportOnly).map((c) => c.key));
      for (const change of body.columns) {
        const column = columns.find((c) => c.index === change.index);
        if (!column || (change.field !== null && !importable.has(change.field))) throw fieldError('columns', 'import_unknown_column');
        column.field = change.field;
      }
      const mapped = columns.filter((c) => c.field).map((c) => c.field!);
      if (new Set(mapped).size !== mapped.length) throw fieldError('columns', 'import_column_twice');
      const missing = importer.required.filter((k) => !mapped.includes(k));
      if (missing.length)
        throw fieldError('columns', `${reasonText('import_missing_column', locale)}：${missing.map((k) => importer.columns.find((c) => c.key === k)!.header).join('、')}`);

      const p: Progress = { phase: 'checking', rowsRead: 0, userId: s.user.id };
      progress.set(id, p);
      try {
        // Checked outside a transaction (an importer's look-ups may use the services' own
        // connection: PGlite has one), rewritten in one.
        async function* staged(): AsyncGenerator<RawRow> {
          for (let after = 0; ; ) {
            const page = await repo.rowsPage(db, id, after, 5000);
            if (!page.length) return;
            for (const r of page) {
              p.rowsRead++;
              const d = r.data;
              yield { key: r.row_no, rowNumber: d.n ?? r.row_no % ROW_KEY, table: d.t ?? 0, cells: d.cells.map(decodeCell), section: d.s ?? null, fills: d.f, marks: d.m };
            }
            after = page[page.length - 1].row_no;
          }
        }
        const rewritten: StagedRow[][] = [];
        const scope: ImportScope<Json> = { db, session: s, zoneId: b.zoneId, clock, resolved: state.resolved };
        const result = await check(importer, scope, staged(), tables, locale, p, async (rows) => void rewritten.push(rows));
        const first = tables[0]?.columns ?? [];
        const next: BatchState = {
          ...state,
          tables,
          columns: first.map((c) => ({ index: c.index, header: c.header, field: c.field, sample: (c as unknown as { sample?: string[] }).sample ?? [] })),
          errors: result.errors,
          errorRows: result.errorRows,
          plan: result.plan,
          names: result.names,
        };
        await db.transaction(async (tx) => {
          if ((await repo.findBatch(tx, id))?.status !== 'staged') throw fieldError('columns', 'import_not_staged');
          for (const rows of rewritten) for (let i = 0; i < rows.length; i += DEFAULT_BATCH) await repo.rewriteRows(tx, id, rows.slice(i, i + DEFAULT_BATCH));
          await repo.updateBatch(tx, id, { totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, errors: next });
          await audit(tx, actorOf(s, requestId), {
            zoneId: b.zoneId,
            action: 'import.stage',
            entityType: 'import',
            entityId: id,
            before: { table: which, columns: (state.tables?.[which]?.columns ?? state.columns).map((c) => ({ header: c.header, field: c.field })) },
            after: { columns: columns.map((c) => ({ header: c.header, field: c.field })), validRows: result.validRows, errorCount: result.errorCount },
          });
        });
      } finally {
        forget(id, p);
      }
      return summaryOf((await repo.findBatch(db, id))!);
    },

    /** Progress of an upload being read (the client picks the id so it can poll while uploading). */
    async progress(s: SessionContext, id: string): Promise<ImportProgress> {
      const p = progress.get(id);
      const b = await repo.findBatch(db, id);
      if (b && !inScope(s, b.zoneId)) throw notFound();
      // Before its batch exists, an upload's progress is its uploader's only.
      if (p && (b || p.userId === s.user.id)) return { phase: p.phase, rowsRead: p.rowsRead };
      return b ? { phase: 'done', rowsRead: b.totalRows } : { phase: 'unknown', rowsRead: 0 };
    },

    /** Writes the valid rows in one transaction (`all`: only when no row has an error); a failure writes nothing. */
    async commit(s: SessionContext, id: string, body: z.infer<typeof commitImportBody>, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'staged') throw fieldError('mode', 'import_not_staged');
      if (body.mode === 'all' && b.errorCount > 0) throw fieldError('mode', 'import_has_errors');
      if (b.validRows === 0) throw fieldError('mode', 'import_nothing_valid');
      const state = stateOf(b);
      const actor = actorOf(s, requestId);
      const p: Progress = { phase: 'committing', rowsRead: b.totalRows, userId: s.user.id };
      progress.set(id, p);
      try {
        await db.transaction(async (tx) => {
          if (!(await repo.markBatch(tx, id, 'committed', clock()))) throw fieldError('mode', 'import_not_staged');
          const rows: StagedRows<unknown> = {
            importId: id,
            count: b.validRows,
            source: repo.validSource(id),
            async all() {
              const out: { rowNumber: number; data: unknown }[] = [];
              for (let after = 0; ; ) {
                const page = await repo.rowsPage(tx, id, after, 5000, true);
                if (!page.length) return out;
                for (const r of page) out.push({ rowNumber: r.row_no, data: r.data.value });
                after = page[page.length - 1].row_no;
              }
            },
          };
          const written = await importer.commit(tx, rows, { session: s, zoneId: b.zoneId, resolved: state.resolved, actor, requestId, mode: body.mode, clock });
          await repo.deleteRows(tx, id);
          await repo.updateBatch(tx, id, { errors: { ...state, committed: written } });
          await audit(tx, actor, {
            zoneId: b.zoneId,
            action: 'import.commit',
            entityType: 'import',
            entityId: id,
            after: { kind: b.kind, mode: body.mode, ...written },
          });
        });
      } finally {
        forget(id, p);
      }
      return summaryOf((await repo.findBatch(db, id))!);
    },

    /**
     * At start (app.ts), when no upload can be running: a batch a crash left half staged (never
     * counted) is removed with its rows, audited as the system's, so nobody has to discard it by hand.
     */
    async removeAbandoned(): Promise<number> {
      const abandoned = await repo.abandonedBatches(db);
      for (const b of abandoned) {
        await db.transaction(async (tx) => {
          await repo.deleteBatch(tx, b.id);
          await audit(tx, systemActor, { zoneId: b.zoneId, action: 'import.abandoned', entityType: 'import', entityId: b.id, before: { kind: b.kind, fileName: b.fileName, createdAt: b.createdAt } });
        });
      }
      return abandoned.length;
    },

    async discard(s: SessionContext, id: string, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      assertMay(s, importerOf(b.kind), b.zoneId);
      await db.transaction(async (tx) => {
        if (!(await repo.markBatch(tx, id, 'discarded', clock()))) throw fieldError('mode', 'import_not_staged');
        await repo.deleteRows(tx, id);
        await audit(tx, actorOf(s, requestId), { zoneId: b.zoneId, action: 'import.discard', entityType: 'import', entityId: id });
      });
      return summaryOf((await repo.findBatch(db, id))!);
    },
  };
}

export type ImportEngine = ReturnType<typeof createImportEngine>;
