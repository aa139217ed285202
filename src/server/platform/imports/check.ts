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
import type { Cell } from '../xlsx.ts';
import type { AnyImporter, ImportRow, ImportScope, Json, NameChoice } from './importer.ts';
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
    type Slot = { u?: NonNullable<StagedRow['d']['u']> };
    const made: { raw: RawRow; row: ImportRow<string>; errors: ImportRowError[]; slot: Slot }[] = [];
    let built = 0;
    for (const raw of chunk) {
      if (++built % YIELD_EVERY === 0) await yieldToLoop();
      const errors: ImportRowError[] = [];
      const slot: Slot = {};
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
        noteName: (key, text, resolution, matchName = null, targetId = null) => {
          const id = choiceKey(key, text);
          const n = names.get(id);
          if (n) n.rows++;
          else names.set(id, { field: key, text, rows: 1, resolution, matchName, ...(targetId ? { targetId } : {}), ...(choices.has(id) ? { chosen: true } : {}) });
        },
        choice: (key, text) => choices.get(choiceKey(key, text)),
        update: (u) => {
          const { conflict, ...rest } = u;
          slot.u = {
            ...rest,
            sheet: t.sheet,
            changes: u.changes.map((c) => ({ ...c, label: header(c.field) })),
            ...(conflict?.length ? { conflict: conflict.map((c) => ({ ...c, label: header(c.field) })) } : {}),
          };
        },
      };
      made.push({ raw, row, errors, slot });
    }
    const batch = await importer.prepare?.(scope, run, made.map((m) => m.row));
    const staged: StagedRow[] = [];
    let n = 0;
    for (const { raw, row, errors, slot } of made) {
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
          ...(valid && slot.u ? { u: slot.u } : {}),
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
  result.names = await withCandidates(importer, scope, [...names.values()]);
  return result;
}
