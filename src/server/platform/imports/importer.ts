/**
 * What a module hands the staged-import engine (docs/imports.md): the columns of its template, how
 * one row is checked, and how the valid rows are written. The engine owns everything else: the
 * upload, finding the header, the column mapping, staging, the row report, progress, the commit's
 * transaction, discard and the audit of each step.
 */
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImportKind } from '../../../contract/imports.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import type { Actor, SessionContext } from '../auth/session.ts';
import type { Clock } from '../clock.ts';
import type { Permission } from '../policies.ts';
import type { MoneyUnit } from '../../../contract/money.ts';
import type { Cell, SheetColumn } from '../xlsx.ts';
import type { SheetPeriod } from './period.ts';
import { AppError } from '../errors.ts';

/** A JSON value: what an importer stores for a row and for the whole import. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What the engine does with a name the zone does not know (listed once in the summary). */
export type NameResolution = 'create' | 'text' | 'matched' | 'map' | 'blank';

/** What the user chose for a name (remembered for the zone, import_name_choices). */
export interface NameChoice {
  action: 'create' | 'map' | 'blank';
  targetId: string | null;
  /** With `map` to a searched directory's record (ImportRow.choice): its name, read once per check. */
  targetName?: string;
}

/** A searched directory a name may be mapped to (engine: names.ts). */
export interface NameDirectory {
  /** What the web searches to pick a record (contract: ImportSummary.nameSearch). */
  search: 'enterprises';
  /** For each text, the records most like it, best first (at most 3). */
  candidates(db: DbOrTx, texts: string[]): Promise<Map<string, { id: string; name: string }[]>>;
  /** Of these ids, the records that exist, with their names. */
  find(db: DbOrTx, ids: string[]): Promise<Map<string, string>>;
}

/** A change an update would make to an existing record, as people read it. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** What a committed import wrote to one record, kept for undo (import_records). */
export interface ImportRecord {
  entityType: string;
  entityId: string;
  action: 'created' | 'updated';
  /** The version the import left (undo refuses when it moved on). */
  version: number | null;
  /** An updated record's fields before the import. */
  before?: Json | null;
}

/** One data row as the importer sees it: the mapped cells, typed readers, and a way to refuse it. */
export interface ImportRow<K extends string> {
  rowNumber: number;
  /** The sheet's name (a category when it means one: 省级重点). */
  sheet: string;
  /** The last section row above ("一、新建项目（6个）"), or null. */
  section: string | null;
  /** The section row above this table's header (a block of a sheet with several), or null. */
  block: string | null;
  /** The period the sheet states, if any. */
  period: SheetPeriod | null;
  /** The fill colour of the field's cell when it is empty (a flag given by colour), or null. */
  fill(key: K): string | null;
  /** Typed readers (platform/imports/values.ts): a problem refuses the row on that field and answers null. */
  text(key: K, max: number): string | null;
  /** Integer yuan; '—', '/', blank are 0 unless `nothingIsZero` is false. Unit: the value's, the header's, the unit row's, 万元. */
  money(key: K, nothingIsZero?: boolean): number | null;
  percent(key: K): number | null;
  number(key: K, nothingIsZero?: boolean): number | null;
  /** YYYY-MM-DD; "8月28日" takes the year of the sheet's period. */
  date(key: K): string | null;
  /** A day, or a month alone ("9月", "2026年9月"). */
  dayOrMonth(key: K): { day: string | null; month: string } | null;
  /** 建设起止年限: YYYY or YYYY-MM at each end. */
  years(key: K): { start: string; end: string } | null;
  people(key: K): { name: string; title: string | null }[] | null;
  flag(key: K): 'red' | 'yellow' | 'green' | null;
  /** Lists a name the zone does not know, once per import, with what will be done with it. */
  noteName(key: K, text: string, resolution: NameResolution, matchName?: string | null, targetId?: string | null): void;
  /**
   * What the user chose for this name in this zone (an earlier import, or this one), if anything. A map
   * to a searched directory's record (nameDirectories) carries its `targetName`, and counts only while
   * the record exists.
   */
  choice(key: K, text: string): NameChoice | undefined;
  /**
   * Marks the row as an update of an existing record: the preview shows the changes (before → after,
   * empty when nothing changes) and the user accepts all, some or none of the updates. `conflict`:
   * values the record already has for the same period (a report filed) that the sheet gives
   * otherwise; the user keeps the existing ones or takes the sheet's (CommitInput.keepExisting).
   */
  update(u: { entity: string; id: string; label: string; changes: FieldChange[]; conflict?: FieldChange[] }): void;
  /** The cell of a field (null when empty or not mapped). */
  get(key: K): Cell;
  /** Whether the field is mapped to a column at all. */
  has(key: K): boolean;
  /** The header text of the field's column (for messages). */
  header(key: K): string;
  /** The money unit of the field: its header's, else the sheet's unit row, else 万元. */
  unit(key: K): MoneyUnit;
  /** Refuses the row: `reason` is a key of contract/reasons.ts, `extra` text appended to it. */
  fail(key: K, reason: string, extra?: string): void;
  /** Whether the row was already refused on this field. */
  failed(key: K): boolean;
}

/** Where the importer is running: the batch, its zone and what `resolve` answered. */
export interface ImportScope<C> {
  /** For look-ups while checking (never inside the commit's transaction: use its `tx` there). */
  db: DbOrTx;
  session: SessionContext;
  zoneId: string;
  clock: Clock;
  /** What `resolve` answered at upload (kept with the batch). */
  resolved: C;
}

/** The staged valid rows of an import, handed to `commit`. */
export interface StagedRows<D> {
  importId: string;
  count: number;
  /** All valid rows in sheet order. */
  all(): Promise<{ rowNumber: number; data: D }[]>;
  /** `select row_no, data from …` of the valid rows, for set-based `insert … select` (data is the row's jsonb). */
  source: SQL;
}

export interface CommitInput<C> {
  session: SessionContext;
  zoneId: string;
  resolved: C;
  actor: Actor;
  requestId: string;
  mode: 'all' | 'valid';
  clock: Clock;
  /** Keys (StagedRows.all()'s rowNumber) of the rows with a conflict where the user kept the existing values: write none of the conflicting ones. */
  keepExisting: ReadonlySet<number>;
  /** Keeps what the commit wrote, record by record, for undo (in the commit's transaction). */
  record(entries: ImportRecord[]): Promise<void>;
  /** The same, set-based: `ids` selects one uuid column `id` of records the commit created (version 1). */
  recordCreated(entityType: string, ids: SQL): Promise<void>;
}

export interface UndoInput {
  importId: string;
  session: SessionContext;
  zoneId: string;
  actor: Actor;
  requestId: string;
  clock: Clock;
  /** What the commit recorded. */
  records: ImportRecord[];
  /** What the commit answered (summary.committed). */
  committed: Record<string, number>;
  /**
   * Of `ids` in `table`, those a row of another table refers to (any single-column foreign key,
   * whatever its delete rule: a cascade would remove someone's new record quietly), besides the
   * tables named in `except` (the records the import itself wrote beside them).
   */
  referred(table: string, ids: string[], except?: string[]): Promise<Set<string>>;
}

export interface Importer<K extends string = string, C extends Json = Json, D = unknown, R = unknown, B = unknown> {
  kind: ImportKind;
  /** The permission the caller needs in the import's zone (upload, remap, commit, discard). */
  permission: Permission;
  columns: SheetColumn<K>[];
  /** Fields the mapping must fill. */
  required: K[];
  maxRows: number;
  /** Upload size limit in bytes (the engine's own ceiling is IMPORT_MAX_BYTES). */
  maxBytes?: number;
  /** Rows checked together (`prepare` looks up their references in bulk); default 2,000. */
  batchSize?: number;
  /** Extra upload parameters (e.g. the dispatch sheet's period). */
  options?: z.ZodType;
  /** Once per upload: anything the import depends on besides its rows (kept with the batch). May throw a field error. */
  resolve?(input: { db: Db; session: SessionContext; zoneId: string; clock: Clock; options: Record<string, unknown>; sheet: { period: SheetPeriod | null } }): Promise<C>;
  /** Once per check of all rows (upload, remap): state shared across rows, e.g. names seen so far. */
  begin(scope: ImportScope<C>): Promise<R>;
  /** Once per batch of rows: bulk look-ups. */
  prepare?(scope: ImportScope<C>, run: R, rows: ImportRow<K>[]): Promise<B>;
  /** Checks one row; the answer is staged and handed to `commit` if the row has no errors. */
  parseRow(row: ImportRow<K>, run: R, batch: B): D;
  /** Told of each valid row, in order (to count what the import would write). */
  accept?(run: R, data: D): void;
  /** What the valid rows would write (counts), shown in the preview. */
  plan?(run: R): Record<string, number>;
  /** What the summary shows about the import besides its rows (e.g. the period). */
  details?(resolved: C): Record<string, string | number | null>;
  /** Writes the valid rows in the engine's transaction; answers counts of what it wrote. Throwing rolls everything back. */
  commit(tx: Tx, rows: StagedRows<D>, input: CommitInput<C>): Promise<Record<string, number>>;
  /** Per field of `noteName`: what the user may choose for a name (default: map and blank). */
  nameActions?: Partial<Record<K, ('create' | 'map' | 'blank')[]>>;
  /** Per field of `noteName`: the existing records a name may be mapped to (kept with the batch). */
  nameTargets?(scope: ImportScope<C>): Promise<Partial<Record<K, { id: string; name: string }[]>>>;
  /**
   * Per field of `noteName` whose records are too many to list (the enterprise directory): the
   * directory the web searches, the best matches of unknown names, and which chosen ids exist.
   */
  nameDirectories?: Partial<Record<K, NameDirectory>>;
  /** Per field of `noteName`: what "create" makes, in the user's words on the web. */
  nameKinds?: Partial<Record<K, 'department' | 'person' | 'enterprise'>>;
  /**
   * Undoes a committed batch in the engine's transaction: removes what it created and restores what it
   * updated. Throws `undoConflict(changed)` when any record changed since (nothing is undone then).
   */
  undo?(tx: Tx, input: UndoInput): Promise<Record<string, number>>;
}

/** Declares an importer; a module lists it in its manifest's `importers`. */
export function defineImporter<K extends string, C extends Json, D, R, B = undefined>(importer: Importer<K, C, D, R, B>): Importer<K, C, D, R, B> {
  return importer;
}

/** The erased type the engine keeps. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImporter = Importer<any, any, any, any, any>;


/** The error of an undo refused because records changed after the import: every such record listed. */
export function undoConflict(changed: { entity: string; id: string; label: string }[]): AppError {
  return new AppError('IMPORT_UNDO_CHANGED', { changed });
}
