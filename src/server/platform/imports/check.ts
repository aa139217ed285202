/**
 * One check of every row under one mapping (docs/imports.md): the importer's look-ups per batch of
 * rows, then each row through `ImportRow` (typed readers, one error per cell, the names it lists, the
 * update it makes); `write` stages each batch's outcome. The same code runs at upload, after a new
 * mapping and after names were resolved. Between batches it yields to the event loop, so a 100k-row
 * file does not hold other requests.
 */
import type { Locale } from '../../../contract/errors.ts';
import type { ImportRowError, ImportSummary } from '../../../contract/imports.ts';
import { reasonText } from '../../../contract/reasons.ts';
import type { MoneyUnit } from '../../../contract/money.ts';
import type { Cell } from '../xlsx.ts';
import type { AnyImporter, ImportRow, ImportScope, Json, NameChoice, NameDirectory } from './importer.ts';
import { withCandidates } from './names.ts';
import type { StagedRow } from './imports.repository.ts';
import { headerUnitOf } from './table.ts';
import * as values from './values.ts';

export const MAX_REPORTED_ERRORS = 1000;
/** A staged row's key: sheets never collide (Excel has at most 1,048,576 rows). */
export const ROW_KEY = 2_000_000;
export const DEFAULT_BATCH = 2000;
/** Rows between two yields to the event loop while checking. */
const YIELD_EVERY = 2000;

export type Table = ImportSummary['tables'][number];
export type Name = ImportSummary['names'][number];

export interface Progress {
  phase: 'uploading' | 'reading' | 'checking' | 'staging' | 'committing' | 'done' | 'unknown';
  rowsRead: number;
  userId: string;
}

/** A row as staged: cells by column number (dates kept as `{ d: iso }`), its table and section. */
export interface RawRow {
  /** The staged key: sheet × ROW_KEY + row. */
  key: number;
  rowNumber: number;
  table: number;
  cells: Cell[];
  section: string | null;
  fills?: Record<number, string>;
  marks?: Record<number, string>;
}

export const encodeCell = (v: Cell): unknown => (v instanceof Date ? { d: v.toISOString() } : v);
export const decodeCell = (v: unknown): Cell => (v && typeof v === 'object' && 'd' in v ? new Date(String((v as { d: string }).d)) : (v as Cell));

export interface CheckResult {
  totalRows: number;
  validRows: number;
  errorRows: number;
  errorCount: number;
  errors: ImportRowError[];
  plan: Record<string, number>;
  names: Name[];
}

/** The key of a remembered name choice. */
export const choiceKey = (field: string, text: string) => `${field}\u0000${text}`;

/** Lets other requests run between batches of a long check (setImmediate: after pending I/O). */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One table's mapping as its rows read it, worked out once per table (not per row or per call). */
interface TableView {
  t: Table;
  /** field → column number, field → header text. */
  indexOf: Map<string, number>;
  headerOf: Map<string, string>;
  /** field → its money unit (the header's, else the unit row's, else 万元). */
  units: Map<string, MoneyUnit>;
  /** The year of the sheet's period (for "8月28日"). */
  year: number | undefined;
}

/** What one check shares with its rows. */
interface RowContext {
  say: (key: string) => string;
  fieldHeader: (key: string) => string;
  noteName: ImportRow<string>['noteName'];
  choice: ImportRow<string>['choice'];
}

/**
 * A row as the importer reads it (ImportRow): its readers are methods of this class, so that 20,000
 * rows do not each make twenty closures (that, and their garbage, was a second of a 20k-row check).
 */
class CheckedRow implements ImportRow<string> {
  readonly rowNumber: number;
  readonly sheet: string;
  readonly section: string | null;
  readonly block: string | null;
  readonly period: Table['period'];
  /** Its errors: one per cell, the first reason found (a value too long is not also "required"). */
  readonly errors: ImportRowError[] = [];
  /** The update it makes, if any. */
  u?: NonNullable<StagedRow['d']['u']>;

  constructor(
    readonly raw: RawRow,
    private readonly view: TableView,
    private readonly where: { sheet?: string },
    private readonly ctx: RowContext,
  ) {
    this.rowNumber = raw.rowNumber;
    this.sheet = view.t.sheet;
    this.section = raw.section;
    this.block = view.t.block;
    this.period = view.t.period;
  }

  header(key: string): string {
    return this.view.headerOf.get(key) ?? this.ctx.fieldHeader(key);
  }
  has(key: string): boolean {
    return this.view.indexOf.has(key);
  }
  unit(key: string): MoneyUnit {
    let u = this.view.units.get(key);
    if (u === undefined) {
      u = headerUnitOf(this.header(key)) ?? (this.view.t.unit as MoneyUnit | null) ?? 'wan';
      this.view.units.set(key, u);
    }
    return u;
  }
  fail(key: string, reason: string, extra = ''): void {
    const column = this.header(key);
    if (!this.errors.some((e) => e.column === column)) this.errors.push({ row: this.raw.rowNumber, ...this.where, column, reason: this.ctx.say(reason) + extra });
  }
  failed(key: string): boolean {
    const column = this.header(key);
    return this.errors.some((e) => e.column === column);
  }
  get(key: string): Cell {
    const i = this.view.indexOf.get(key);
    if (i === undefined) return null;
    const mark = this.raw.marks?.[i];
    if (mark && !this.failed(key)) this.fail(key, mark === 'formula_no_value' ? 'cell_formula_no_value' : 'cell_error', mark.startsWith('error:') ? `（${mark.slice(6)}）` : '');
    return this.raw.cells[i] ?? null;
  }
  fill(key: string): string | null {
    const i = this.view.indexOf.get(key);
    return i === undefined ? null : (this.raw.fills?.[i] ?? null);
  }
  /** A reader's answer: a problem refuses the row on that field and reads as null. */
  private typed<T>(key: string, v: T | values.Problem): T | null {
    if (values.isProblem(v)) {
      this.fail(key, v.problem);
      return null;
    }
    return v;
  }
  text(key: string, max: number) {
    return this.typed(key, values.textValue(this.get(key), max));
  }
  money(key: string, nothingIsZero = true) {
    return this.view.indexOf.has(key) ? this.typed(key, values.moneyValue(this.get(key), this.unit(key), nothingIsZero)) : null;
  }
  percent(key: string) {
    return this.typed(key, values.percentValue(this.get(key)));
  }
  number(key: string, nothingIsZero = false) {
    return this.typed(key, values.numberValue(this.get(key), nothingIsZero));
  }
  date(key: string) {
    return this.typed(key, values.dateValue(this.get(key), this.view.year));
  }
  dayOrMonth(key: string) {
    return this.typed(key, values.dayOrMonth(this.get(key), this.view.year));
  }
  years(key: string) {
    return this.typed(key, values.yearsValue(this.get(key)));
  }
  people(key: string) {
    return values.peopleValue(this.get(key));
  }
  flag(key: string) {
    const i = this.view.indexOf.get(key);
    return this.typed(key, values.flagValue(this.get(key), i === undefined ? null : this.raw.fills?.[i]));
  }
  noteName(key: string, text: string, resolution: Parameters<ImportRow<string>['noteName']>[2], matchName: string | null = null, targetId: string | null = null): void {
    this.ctx.noteName(key, text, resolution, matchName, targetId);
  }
  choice(key: string, text: string) {
    return this.ctx.choice(key, text);
  }
  update(u: Parameters<ImportRow<string>['update']>[0]): void {
    const { conflict, ...rest } = u;
    this.u = {
      ...rest,
      sheet: this.view.t.sheet,
      changes: u.changes.map((c) => ({ ...c, label: this.header(c.field) })),
      ...(conflict?.length ? { conflict: conflict.map((c) => ({ ...c, label: this.header(c.field) })) } : {}),
    };
  }
}

/** The names of the directory records the zone's choices map to, read once for the whole check. */
async function directoryTargets(importer: AnyImporter, scope: ImportScope<Json>, choices: ReadonlyMap<string, NameChoice>): Promise<Map<string, string>> {
  const directories = (importer.nameDirectories ?? {}) as Record<string, NameDirectory | undefined>;
  const found = new Map<string, string>();
  for (const [field, directory] of Object.entries(directories)) {
    const ids = [...choices].filter(([k, c]) => k.startsWith(choiceKey(field, '')) && c.action === 'map' && c.targetId).map(([, c]) => c.targetId!);
    if (directory && ids.length) for (const [id, name] of await directory.find(scope.db, ids)) found.set(id, name);
  }
  return found;
}

export async function check(
  importer: AnyImporter,
  choices: ReadonlyMap<string, NameChoice>,
  scope: ImportScope<Json>,
  rows: AsyncIterable<RawRow>,
  tables: Table[],
  locale: Locale,
  p: Progress,
  write: (staged: StagedRow[]) => Promise<void>,
): Promise<CheckResult> {
  const say = (key: string) => reasonText(key, locale) ?? key;
  const fieldHeader = (key: string) => importer.columns.find((c) => c.key === key)?.header ?? key;
  // Per table (tables arrive while the upload is read): field → column, header, unit, the period's year.
  const views = new Map<number, TableView>();
  const viewOf = (n: number) => {
    let v = views.get(n);
    if (!v) {
      const t = tables[n] ?? tables[0];
      const year = t.period?.asOf ? Number(t.period.asOf.slice(0, 4)) : t.period?.quarter ? Number(t.period.quarter.slice(0, 4)) : undefined;
      v = { t, indexOf: new Map(), headerOf: new Map(), units: new Map(), year };
      for (const c of t.columns) {
        if (!c.field) continue;
        v.indexOf.set(c.field, c.index);
        v.headerOf.set(c.field, c.header);
      }
      views.set(n, v);
    }
    return v;
  };
  const run = await importer.begin(scope);
  const result: CheckResult = { totalRows: 0, validRows: 0, errorRows: 0, errorCount: 0, errors: [], plan: {}, names: [] };
  const names = new Map<string, Name>();
  const noteName: RowContext['noteName'] = (key, text, resolution, matchName = null, targetId = null) => {
    const id = choiceKey(key, text);
    const n = names.get(id);
    if (n) n.rows++;
    else names.set(id, { field: key, text, rows: 1, resolution, matchName, ...(targetId ? { targetId } : {}), ...(choices.has(id) ? { chosen: true } : {}) });
  };
  const directoryNames = await directoryTargets(importer, scope, choices);
  // A choice mapping to a searched directory's record counts only while the record exists (with its name).
  const choice: RowContext['choice'] = (key, text) => {
    const c = choices.get(choiceKey(key, text));
    if (!c || c.action !== 'map' || !c.targetId || !importer.nameDirectories?.[key]) return c;
    const targetName = directoryNames.get(c.targetId);
    return targetName == null ? undefined : { ...c, targetName };
  };
  const rowContext: RowContext = { say, fieldHeader, noteName, choice };
  let pending: RawRow[] = [];
  let writing: Promise<void> = Promise.resolve();
  const multiSheet = () => new Set(tables.map((t) => t.sheet)).size > 1;

  /**
   * One write in flight while the next rows are read and checked: on PostgreSQL the database works
   * beside this process (a 100k-row upload spent 3.8 s of its 10 waiting on its writes). Written in
   * DEFAULT_BATCH rows whatever the importer's batch: the rows of a larger batch (the 三个一批 lists
   * check 5000 at once) are staged while the rest of it are checked.
   */
  const stage = async (chunk: StagedRow[]) => {
    if (!chunk.length) return;
    p.phase = 'staging';
    await writing;
    writing = write(chunk);
    // Awaited before the next chunk is written or at the end; until then its failure is not unhandled.
    writing.catch(() => undefined);
    p.phase = 'checking';
  };
  const flush = async () => {
    const chunk = pending;
    pending = [];
    if (!chunk.length) return;
    p.phase = 'checking';
    const where = multiSheet() ? (t: Table) => ({ sheet: t.sheet }) : () => ({});
    const made: CheckedRow[] = [];
    let built = 0;
    for (const raw of chunk) {
      if (++built % YIELD_EVERY === 0) await yieldToLoop();
      const view = viewOf(raw.table);
      made.push(new CheckedRow(raw, view, where(view.t), rowContext));
    }
    const batch = await importer.prepare?.(scope, run, made);
    const staged: StagedRow[] = [];
    let n = 0;
    for (const row of made) {
      const { raw, errors } = row;
      if (++n % YIELD_EVERY === 0) await yieldToLoop();
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
          ...(valid && row.u ? { u: row.u } : {}),
          value: valid ? (data as unknown) : null,
        },
      });
      if (staged.length >= DEFAULT_BATCH) await stage(staged.splice(0));
    }
    await stage(staged);
    p.phase = 'reading';
  };

  const size = importer.batchSize ?? DEFAULT_BATCH;
  try {
    for await (const raw of rows) {
      pending.push(raw);
      if (pending.length >= size) await flush();
    }
    await flush();
  } catch (err) {
    // Nothing may still be writing when the caller cleans up after a failure.
    await writing.catch(() => undefined);
    throw err;
  }
  await writing;
  result.plan = importer.plan?.(run) ?? {};
  result.names = await withCandidates(importer, scope, [...names.values()]);
  return result;
}
