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
import { actorOf, type SessionContext } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import type { UploadedFile } from '../http/operations.ts';
import { can, inScope } from '../policies.ts';
import { headerUnit, mergedRanges, readSheet, SheetError, type Cell } from '../xlsx.ts';
import type { AnyImporter, ImportRow, ImportScope, Json, StagedRows } from './importer.ts';
import { createImportsRepository, type ImportBatchRow, type StagedRow } from './imports.repository.ts';

const MAX_REPORTED_ERRORS = 1000;
const DEFAULT_BATCH = 2000;
const SAMPLE_ROWS = 3;

type Column = ImportSummary['columns'][number];

/** What the batch keeps besides its counts (import_batches.errors, jsonb). */
interface BatchState {
  errors: ImportRowError[];
  errorRows: number;
  columns: Column[];
  resolved: Json;
  plan: Record<string, number>;
  committed: Record<string, number> | null;
}

interface Progress {
  phase: ImportProgress['phase'];
  rowsRead: number;
  userId: string;
}

/** A row as staged: cells by column number (dates kept as `{ d: iso }`), the merged range it lies under. */
interface RawRow {
  rowNumber: number;
  cells: Cell[];
  merged: string | null;
}

const encodeCell = (v: Cell): unknown => (v instanceof Date ? { d: v.toISOString() } : v);
const decodeCell = (v: unknown): Cell => (v && typeof v === 'object' && 'd' in v ? new Date(String((v as { d: string }).d)) : (v as Cell));
const cellString = (v: Cell) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

interface CheckResult {
  totalRows: number;
  validRows: number;
  errorRows: number;
  errorCount: number;
  errors: ImportRowError[];
  plan: Record<string, number>;
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
    columns: Column[],
    locale: Locale,
    p: Progress,
    write: (staged: StagedRow[]) => Promise<void>,
  ): Promise<CheckResult> {
    const say = (key: string) => reasonText(key, locale) ?? key;
    const indexOf = new Map<string, number>();
    const headerOf = new Map<string, string>();
    for (const c of columns) {
      if (!c.field) continue;
      indexOf.set(c.field, c.index);
      headerOf.set(c.field, c.header);
    }
    const header = (key: string) => headerOf.get(key) ?? importer.columns.find((c) => c.key === key)?.header ?? key;
    const run = await importer.begin(scope);
    const result: CheckResult = { totalRows: 0, validRows: 0, errorRows: 0, errorCount: 0, errors: [], plan: {} };
    let pending: RawRow[] = [];

    const flush = async () => {
      const chunk = pending;
      pending = [];
      if (!chunk.length) return;
      p.phase = 'checking';
      const made = chunk.map((raw) => {
        const errors: ImportRowError[] = [];
        if (raw.merged) errors.push({ row: raw.rowNumber, column: raw.merged, reason: say('sheet_merged_cells') });
        const row: ImportRow<string> = {
          rowNumber: raw.rowNumber,
          get: (key) => {
            const i = indexOf.get(key);
            return i === undefined ? null : (raw.cells[i] ?? null);
          },
          has: (key) => indexOf.has(key),
          header,
          unit: (key) => headerUnit(header(key)),
          fail: (key, reason, extra = '') => errors.push({ row: raw.rowNumber, column: header(key), reason: say(reason) + extra }),
          failed: (key) => errors.some((e) => e.column === header(key)),
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
        staged.push({ r: raw.rowNumber, v: valid, d: { cells: raw.cells.map(encodeCell), merged: raw.merged, value: valid ? (data as unknown) : null } });
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
    return result;
  }

  /** A SheetError in the caller's words: missing columns named, limits stated. */
  function sheetProblem(e: unknown, importer: AnyImporter, say: (key: string) => string): never {
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
      const resolved = ((await importer.resolve?.({ db, session: s, zoneId, clock, options: parsedOptions })) ?? null) as Json;
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

      const state: BatchState = { errors: [], errorRows: 0, columns: [], resolved, plan: {}, committed: null };
      try {
        await repo.insertBatch(db, { id: importId, zoneId, userId: s.user.id, kind: importer.kind, fileName, totalRows: 0, validRows: 0, errorCount: 0, errors: state });
        const merged = new Map<number, string>();
        let headerRow = 0;
        const sheet = readSheet(buffer, {
          columns: importer.columns,
          required: importer.required,
          maxRows: importer.maxRows,
          onHeader: (mapped, row) => {
            headerRow = row;
            state.columns = mapped.map((m) => ({ index: m.index, header: m.header, field: m.column && !m.column.exportOnly ? m.column.key : null, sample: [] }));
          },
          onRow: (n) => (p.rowsRead = n),
        });
        // The first row must be read before the merged ranges are known (the header row decides which count).
        const first = await sheet.next().catch((e) => sheetProblem(e, importer, say));
        if (importer.refuseMergedCells && !first.done) {
          for (const m of await mergedRanges(buffer, 1)) {
            if (m.bottom <= headerRow) continue;
            for (let r = Math.max(m.top, headerRow + 1); r <= m.bottom; r++) if (!merged.has(r)) merged.set(r, m.ref);
          }
        }
        const sampleOf = new Map(state.columns.map((c) => [c.index, c.sample]));
        async function* raw(): AsyncGenerator<RawRow> {
          let next = first;
          while (!next.done) {
            const { rowNumber, cells } = next.value;
            for (const [i, sample] of sampleOf) if (sample.length < SAMPLE_ROWS && cells[i] != null) sample.push(cellString(cells[i]).slice(0, 60));
            yield { rowNumber, cells, merged: merged.get(rowNumber) ?? null };
            next = await sheet.next().catch((e) => sheetProblem(e, importer, say));
          }
        }
        const scope: ImportScope<Json> = { db, session: s, zoneId, clock, resolved };
        const result = await check(importer, scope, raw(), state.columns, locale, p, (staged) => repo.insertRows(db, importId, staged));
        if (result.totalRows === 0) throw fieldError('file', 'import_empty');
        Object.assign(state, { errors: result.errors, errorRows: result.errorRows, plan: result.plan });
        await db.transaction(async (tx) => {
          await repo.updateBatch(tx, importId, { totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, errors: state });
          await audit(tx, actorOf(s, requestId), {
            zoneId,
            action: 'import.stage',
            entityType: 'import',
            entityId: importId,
            after: { kind: importer.kind, fileName, totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount },
          });
        });
      } catch (err) {
        await repo.deleteBatch(db, importId).catch(() => undefined);
        progress.delete(importId);
        if (err instanceof SheetError) sheetProblem(err, importer, say);
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
      const columns = state.columns.map((c) => ({ ...c }));
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
              yield { rowNumber: r.row_no, cells: r.data.cells.map(decodeCell), merged: r.data.merged ?? null };
            }
            after = page[page.length - 1].row_no;
          }
        }
        const rewritten: StagedRow[][] = [];
        const scope: ImportScope<Json> = { db, session: s, zoneId: b.zoneId, clock, resolved: state.resolved };
        const result = await check(importer, scope, staged(), columns, locale, p, async (rows) => void rewritten.push(rows));
        const next: BatchState = { ...state, columns, errors: result.errors, errorRows: result.errorRows, plan: result.plan };
        await db.transaction(async (tx) => {
          if ((await repo.findBatch(tx, id))?.status !== 'staged') throw fieldError('columns', 'import_not_staged');
          for (const rows of rewritten) for (let i = 0; i < rows.length; i += DEFAULT_BATCH) await repo.rewriteRows(tx, id, rows.slice(i, i + DEFAULT_BATCH));
          await repo.updateBatch(tx, id, { totalRows: result.totalRows, validRows: result.validRows, errorCount: result.errorCount, errors: next });
          await audit(tx, actorOf(s, requestId), {
            zoneId: b.zoneId,
            action: 'import.stage',
            entityType: 'import',
            entityId: id,
            before: { columns: state.columns.map((c) => ({ header: c.header, field: c.field })) },
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
