/**
 * What the staged-import engine's operations share (engine.ts builds it once): the repository, the
 * importers by kind, the uploads in progress, what a batch keeps (BatchState), its summary, and the
 * checks every operation makes (the batch in the caller's zones, the importer's permission).
 */
import {
  IMPORT_UNDO_DAYS,
  type ImportRowError,
  type ImportSummary,
  type ImportUpdate,
} from '../../../contract/imports.ts';
import type { Db } from '../../db/client.ts';
import type { AuditWriter } from '../audit.ts';
import type { SessionContext } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import { can, inScope } from '../policies.ts';
import type { AnyImporter, Json, NameChoice, NameDirectory } from './importer.ts';
import type { Name, Progress, Table } from './check.ts';
import type { SheetPeriod } from './period.ts';
import type { SkippedRow } from './table.ts';
import { WorkbookError } from './workbook.ts';
import { createImportsRepository, type ImportBatchRow } from './imports.repository.ts';

/** Updates listed in the preview with their changes. */
const MAX_LISTED_UPDATES = 500;
const DAY_MS = 86_400_000;

type Column = ImportSummary['columns'][number];

/** A workbook whose table cannot be read as this importer's. */
export class SheetError extends Error {
  constructor(
    readonly reason: 'missing_columns' | 'no_header' | 'too_many_rows' | 'empty',
    readonly missing: string[] = [],
  ) {
    super(reason);
  }
}

/** What the batch keeps besides its counts (import_batches.errors, jsonb). */
export interface BatchState {
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

export interface EngineDeps {
  db: Db;
  audit: AuditWriter;
  clock: Clock;
  importers: readonly AnyImporter[];
}

export function createEngineContext(deps: EngineDeps) {
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

  /** Whether the batch read tables from more than one sheet (its updates then name their sheet). */
  const multiSheetOf = (b: ImportBatchRow) => new Set((stateOf(b).tables ?? []).map((t) => t.sheet)).size > 1;

  /** A staged update row as the preview lists it. */
  const updateItem = (u: Awaited<ReturnType<typeof repo.updatesOf>>['items'][number], multiSheet: boolean): ImportUpdate => ({
    key: u.row_no,
    row: u.n,
    ...(multiSheet && u.u.sheet ? { sheet: u.u.sheet } : {}),
    entity: u.u.entity,
    id: u.u.id,
    label: u.u.label,
    changes: u.u.changes,
    ...(u.u.conflict ? { conflict: u.u.conflict } : {}),
  });

  async function summaryOf(b: ImportBatchRow): Promise<ImportSummary> {
    const importer = importerOf(b.kind);
    const state = stateOf(b);
    const updates = b.status === 'staged' ? await repo.updatesOf(db, b.id, MAX_LISTED_UPDATES) : { count: 0, unchanged: 0, conflicts: 0, listed: 0, items: [] };
    const multiSheet = multiSheetOf(b);
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
      nameKinds: (importer.nameKinds ?? {}) as Record<string, 'department' | 'person' | 'enterprise'>,
      nameSearch: Object.fromEntries(
        Object.entries((importer.nameDirectories ?? {}) as Record<string, NameDirectory>).flatMap(([f, d]) => (nameFields.has(f) ? [[f, d.search]] : [])),
      ),
      nameActions: Object.fromEntries([...nameFields].map((f) => [f, (importer.nameActions as Record<string, NameChoice['action'][]> | undefined)?.[f] ?? ['map', 'blank']])),
      updates: {
        count: updates.count,
        unchanged: updates.unchanged,
        conflicts: updates.conflicts,
        items: updates.items.map((u) => updateItem(u, multiSheet)),
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

  return { db, audit, clock, repo, importers, progress, importerOf, stateOf, summaryOf, updateItem, multiSheetOf, sheetProblem, loadBatch, assertMay, forget };
}

export type EngineContext = ReturnType<typeof createEngineContext>;
