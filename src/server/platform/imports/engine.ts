/**
 * The staged-import engine (docs/imports.md, decision 010): the operations. One upload: every
 * sheet is read, its tables found and mapped by the importer's header words (or the mapping the
 * zone saved for those headers), every row checked by the importer (check.ts) and staged (cells as
 * read, valid or not, what the importer made of it, the update it makes). The user may then map
 * columns differently (saved for the zone) and resolve unknown names (remembered for the zone) —
 * the staged cells are checked again, no new upload — accept all, some or none of the updates, and
 * commits in one transaction, or discards. A committed batch can be undone within the window.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../contract/errors.ts';
import {
  IMPORT_MAX_BYTES,
  IMPORT_UNDO_DAYS,
  type ImportProgress,
  type ImportRowError,
  type ImportSummary,
  type commitImportBody,
  type importNamesBody,
  type remapImportBody,
  type uploadImportQuery,
} from '../../../contract/imports.ts';
import { reasonText } from '../../../contract/reasons.ts';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import type { AuditWriter } from '../audit.ts';
import { actorOf, systemActor, type SessionContext } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import type { UploadedFile } from '../http/operations.ts';
import { can, inScope } from '../policies.ts';
import type { AnyImporter, ImportRecord, ImportScope, Json, NameChoice, StagedRows } from './importer.ts';
import { check, decodeCell, DEFAULT_BATCH, ROW_KEY, type Name, type Progress, type RawRow, type Table } from './check.ts';
import { openWorkbook } from './formats.ts';
import { applySavedMapping, choiceMap, headerSignature } from './memory.ts';
import type { SheetPeriod } from './period.ts';
import { cellString, findTables, type SkippedRow, type TableEvent, type TableInfo } from './table.ts';
import { WorkbookError } from './workbook.ts';
import { createImportsRepository, type ImportBatchRow, type StagedRow } from './imports.repository.ts';

const MAX_REPORTED_SKIPS = 2000;
const SAMPLE_ROWS = 3;
/** Updates listed in the preview with their changes. */
const MAX_LISTED_UPDATES = 500;
const DAY_MS = 86_400_000;

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
  nameTargets?: Record<string, { id: string; name: string }[]>;
  checks?: ImportSummary['checks'];
  period?: SheetPeriod | null;
  resolved: Json;
  plan: Record<string, number>;
  committed: Record<string, number> | null;
  undone?: Record<string, number> | null;
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

  async function summaryOf(b: ImportBatchRow): Promise<ImportSummary> {
    const importer = importerOf(b.kind);
    const state = stateOf(b);
    const updates = b.status === 'staged' ? await repo.updatesOf(db, b.id, MAX_LISTED_UPDATES) : { count: 0, unchanged: 0, items: [] };
    const multiSheet = new Set((state.tables ?? []).map((t) => t.sheet)).size > 1;
    const nameFields = new Set((state.names ?? []).map((n) => n.field));
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
      nameTargets: state.nameTargets ?? {},
      nameActions: Object.fromEntries([...nameFields].map((f) => [f, (importer.nameActions as Record<string, NameChoice['action'][]> | undefined)?.[f] ?? ['map', 'blank']])),
      updates: {
        count: updates.count,
        unchanged: updates.unchanged,
        items: updates.items.map((u) => ({ key: u.row_no, row: u.n, ...(multiSheet && u.u.sheet ? { sheet: u.u.sheet } : {}), entity: u.u.entity, id: u.u.id, label: u.u.label, changes: u.u.changes })),
      },
      undoUntil: b.status === 'committed' && b.committedAt && importer.undo ? new Date(b.committedAt.getTime() + IMPORT_UNDO_DAYS * DAY_MS).toISOString() : null,
    };
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

  /**
   * Checks the staged cells again under `tables` (another mapping, other name choices), outside a
   * transaction (an importer's look-ups may use the services' own connection: PGlite has one), then
   * rewrites the rows, the batch and `inTx`'s writes in one.
   */
  async function recheck(
    s: SessionContext,
    b: ImportBatchRow,
    tables: Table[],
    locale: Locale,
    inTx: (tx: Tx, result: Awaited<ReturnType<typeof check>>) => Promise<void>,
    extraChoices: { field: string; name: string; action: NameChoice['action']; targetId: string | null }[] = [],
  ) {
    const id = b.id;
    const importer = importerOf(b.kind);
    const state = stateOf(b);
    const p: Progress = { phase: 'checking', rowsRead: 0, userId: s.user.id };
    progress.set(id, p);
    try {
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
      const choices = choiceMap([...(await repo.nameChoices(db, b.zoneId)), ...extraChoices]);
      const scope: ImportScope<Json> = { db, session: s, zoneId: b.zoneId, clock, resolved: state.resolved };
      const result = await check(importer, choices, scope, staged(), tables, locale, p, async (rows) => void rewritten.push(rows));
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
        await inTx(tx, result);
      });
    } finally {
      forget(id, p);
    }
  }

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
      const zone: string = zoneId;
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
        const importable = new Set(importer.columns.filter((c) => !c.exportOnly).map((c) => c.key as string));
        async function* raw(): AsyncGenerator<RawRow> {
          const replay = (async function* () {
            yield* early;
            yield* source;
          })();
          for await (const e of replay) {
            if (e.type === 'table') {
              infos.push(e.table);
              const cols = e.table.columns.map((c) => ({ ...c, field: c.field && !exportOnly.has(c.field) ? c.field : null }));
              // The mapping the zone saved for these headers, if any (the user corrected it once).
              const saved = await repo.savedMappings(db, zone, importer.kind, headerSignature(cols));
              const remembered = saved ? applySavedMapping(cols, saved, importable) : false;
              tables.push({
                table: e.table.table,
                sheet: e.table.sheet,
                headerRows: e.table.headerRows,
                block: e.table.block,
                unit: e.table.unit,
                period: e.table.period,
                rows: 0,
                columns: cols,
                ...(remembered ? { remembered: true } : {}),
              });
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
        const choices = choiceMap(await repo.nameChoices(db, zoneId));
        state.nameTargets = ((await importer.nameTargets?.(scope)) ?? {}) as Record<string, { id: string; name: string }[]>;
        const result = await check(importer, choices, scope, raw(), tables, locale, p, (staged) => repo.insertRows(db, importId, staged));
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

      const saved = columns.map((c) => ({ index: c.index, header: c.header, field: c.field }));
      if (tables[which].columns.some((c, i) => c.field !== state.tables?.[which]?.columns[i]?.field)) tables[which] = { ...tables[which], remembered: true };
      await recheck(s, b, tables, locale, async (tx, result) => {
        // The corrected mapping is the zone's for these headers from now on.
        await repo.saveMapping(tx, { zoneId: b.zoneId, kind: b.kind, signature: headerSignature(saved), columns: saved, userId: s.user.id, at: clock() });
        await audit(tx, actorOf(s, requestId), {
          zoneId: b.zoneId,
          action: 'import.stage',
          entityType: 'import',
          entityId: id,
          before: { table: which, columns: (state.tables?.[which]?.columns ?? state.columns).map((c) => ({ header: c.header, field: c.field })) },
          after: { columns: saved.map((c) => ({ header: c.header, field: c.field })), validRows: result.validRows, errorCount: result.errorCount, mappingSaved: true },
        });
      });
      return summaryOf((await repo.findBatch(db, id))!);
    },

    /**
     * The user's choice for names the zone did not know (create, map to a record, leave blank):
     * remembered for the zone, then the staged cells are checked again with them.
     */
    async resolveNames(s: SessionContext, id: string, body: z.infer<typeof importNamesBody>, locale: Locale, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'staged') throw fieldError('choices', 'import_not_staged');
      const state = stateOf(b);
      const actions = (importer.nameActions ?? {}) as Record<string, NameChoice['action'][]>;
      const chosen = body.choices.map((c, i) => {
        const known = (state.names ?? []).some((n) => n.field === c.field && n.text === c.text);
        if (!known) throw fieldError(`choices.${i}.text`, 'import_name_unknown');
        if (!(actions[c.field] ?? ['map', 'blank']).includes(c.action)) throw fieldError(`choices.${i}.action`, 'unknown_value');
        if (c.action === 'map') {
          if (!c.targetId) throw fieldError(`choices.${i}.targetId`, 'import_name_target_required');
          if (!(state.nameTargets?.[c.field] ?? []).some((t) => t.id === c.targetId)) throw fieldError(`choices.${i}.targetId`, 'unknown_value');
        }
        return { field: c.field, name: c.text, action: c.action, targetId: c.action === 'map' ? c.targetId! : null };
      });
      const tables = (state.tables ?? []).map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) }));
      // Saved before the check so that it sees them; the check's own transaction is the rewrite's.
      const previous = await repo.nameChoices(db, b.zoneId);
      await recheck(
        s,
        b,
        tables,
        locale,
        async (tx, result) => {
          await repo.saveNameChoices(tx, b.zoneId, chosen, s.user.id, clock());
          await audit(tx, actorOf(s, requestId), {
            zoneId: b.zoneId,
            action: 'import.names',
            entityType: 'import',
            entityId: id,
            before: { choices: previous.filter((p) => chosen.some((c) => c.field === p.field && c.name === p.name)) },
            after: { choices: chosen, validRows: result.validRows, errorCount: result.errorCount },
          });
        },
        chosen,
      );
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
          await repo.bulkStatements(tx);
          // Updates of existing records the user did not accept are skipped (all are written by default).
          const choice = body.updates ?? 'all';
          const count = choice === 'all' ? b.validRows : await repo.dropUpdates(tx, id, choice === 'none' ? [] : choice);
          if (count === 0) throw fieldError('updates', 'import_nothing_valid');
          const records: ImportRecord[] = [];
          const rows: StagedRows<unknown> = {
            importId: id,
            count,
            source: repo.validSource(id),
            async all() {
              const out: { rowNumber: number; data: unknown }[] = [];
              for (let after = 0; ; ) {
                const page = await repo.valuesPage(tx, id, after, 5000);
                if (!page.length) return out;
                for (const r of page) out.push({ rowNumber: r.row_no, data: r.value });
                after = page[page.length - 1].row_no;
              }
            },
          };
          const written = await importer.commit(tx, rows, {
            session: s,
            zoneId: b.zoneId,
            resolved: state.resolved,
            actor,
            requestId,
            mode: body.mode,
            clock,
            record: async (entries) => void records.push(...entries),
            recordCreated: (entityType, ids) => repo.insertCreatedRecords(tx, id, b.zoneId, entityType, ids),
          });
          await repo.insertRecords(tx, id, b.zoneId, records);
          await repo.deleteRows(tx, id);
          await repo.updateBatch(tx, id, { errors: { ...state, committed: written } });
          await audit(tx, actor, {
            zoneId: b.zoneId,
            action: 'import.commit',
            entityType: 'import',
            entityId: id,
            after: { kind: b.kind, mode: body.mode, updates: Array.isArray(choice) ? choice.length : choice, ...written },
          });
        });
      } finally {
        forget(id, p);
      }
      return summaryOf((await repo.findBatch(db, id))!);
    },

    /**
     * Undoes a committed batch as a whole, in one transaction: within IMPORT_UNDO_DAYS of its
     * commit, and only if none of its records changed since (else IMPORT_UNDO_CHANGED lists them).
     */
    async undo(s: SessionContext, id: string, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'committed' || !b.committedAt) throw fieldError('id', 'import_not_committed');
      if (!importer.undo) throw fieldError('id', 'import_undo_unsupported');
      if (clock().getTime() - b.committedAt.getTime() > IMPORT_UNDO_DAYS * DAY_MS) throw fieldError('id', 'import_undo_window');
      const state = stateOf(b);
      const actor = actorOf(s, requestId);
      await db.transaction(async (tx) => {
        if (!(await repo.markUndone(tx, id))) throw fieldError('id', 'import_not_committed');
        await repo.bulkStatements(tx);
        const records = await repo.recordsOf(tx, id);
        const undone = await importer.undo!(tx, { importId: id, session: s, zoneId: b.zoneId, actor, requestId, clock, records, committed: state.committed ?? {}, referred: (table, ids, except) => repo.referred(tx, table, ids, except) });
        await repo.updateBatch(tx, id, { errors: { ...state, undone } });
        await audit(tx, actor, {
          zoneId: b.zoneId,
          action: 'import.undo',
          entityType: 'import',
          entityId: id,
          // What the batch had written and is now removed or restored (the first 5,000 records).
          before: { committed: state.committed, records: records.slice(0, 5000).map((r) => ({ entityType: r.entityType, entityId: r.entityId, action: r.action })) },
          after: { kind: b.kind, ...undone },
        });
      });
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
