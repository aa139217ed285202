/**
 * The workbook reader of the import engine: an .xlsx read from its zip parts (JSZip) with our own
 * small XML scanner, so that every cell is what Excel shows — shared strings decoded whole (the
 * exceljs stream reader garbles characters split across chunks: exceljs #2063, #2084), formulas by
 * their cached value (or reported), dates by their number format, percentages as Excel writes them,
 * hidden rows and columns and merged ranges known, the fill colour of an empty cell kept (a 红黄绿
 * flag given by colour only). Inflated sizes are checked from the zip's directory before anything
 * is inflated, and counted again while inflating. Legacy .xls / WPS .et and .csv are read by
 * `legacy.ts` into the same shape.
 */
import { StringDecoder } from 'node:string_decoder';
import JSZip from 'jszip';

/** A cell Excel could not show as a value: a formula without a cached result, an error (#REF!). */
export interface CellMark {
  mark: 'formula_no_value' | 'error' | 'fill';
  text?: string;
  /** ARGB of a solid fill (for `fill`: an empty cell whose colour carries meaning). */
  rgb?: string;
}
export type RawCell = string | number | Date | null | CellMark;

export const isMark = (v: unknown): v is CellMark => typeof v === 'object' && v !== null && !(v instanceof Date) && 'mark' in v;

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  r: number;
  hidden: boolean;
  /** Cells by 1-based column number (holes are undefined). */
  cells: RawCell[];
}

export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetInfo {
  index: number;
  name: string;
  hidden: boolean;
  hiddenColumns: Set<number>;
  merges: MergedRange[];
  rows(): AsyncGenerator<RawRow>;
}

export interface Workbook {
  format: 'xlsx' | 'xls' | 'csv';
  sheets: SheetInfo[];
}

export class WorkbookError extends Error {
  constructor(
    readonly reason: 'not_xlsx' | 'too_large_inflated' | 'empty',
    message?: string,
  ) {
    super(message ?? reason);
  }
}

/** Limits of what a file may inflate to: a zip bomb is refused before it is inflated. */
export interface InflateLimits {
  /** Total inflated bytes of the parts read. */
  maxInflatedBytes: number;
  /** Inflated / compressed, for files above 1 MB inflated. */
  maxRatio: number;
}
export const defaultInflateLimits: InflateLimits = { maxInflatedBytes: 1024 * 1024 * 1024, maxRatio: 200 };

// ---------------------------------------------------------------------------------------------
// XML text

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML entities and OOXML's `_xHHHH_` escapes (ST_Xstring) decoded. */
export function xmlText(s: string): string {
  let out = s.indexOf('&') >= 0 ? s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m))) : s;
  if (out.indexOf('_x') >= 0) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:]+)\s*=\s*"([^"]*)"|([\w:]+)\s*=\s*'([^']*)'/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[(m[1] ?? m[3]).replace(/^\w+:/, '')] = m[2] ?? m[4];
  return out;
}

/**
 * One attribute of a cell's tag (r, t, s): a plain scan, as attrs() would read it, for the common
 * `name="value"`; a tag with prefixes, single quotes or spaces around `=` goes through attrs().
 */
function attr(tag: string, name: string): string | undefined {
  if (tag.indexOf("'") >= 0 || tag.indexOf(':') >= 0 || / =|= /.test(tag)) return attrs(tag)[name];
  const key = `${name}="`;
  let at = tag.indexOf(key);
  while (at > 0 && !/\s/.test(tag[at - 1])) at = tag.indexOf(key, at + 1);
  if (at < 0) return undefined;
  const end = tag.indexOf('"', at + key.length);
  return end < 0 ? undefined : tag.slice(at + key.length, end);
}

/** The text of a string item (<si> or <is>): its runs' <t>, without phonetic guides (<rPh>). */
function stringItem(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 || xml.indexOf(':rPh') >= 0 ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? '';
  return xmlText(out);
}

/** "AB12" → { col: 28, row: 12 }. */
export function cellRef(ref: string): { row: number; col: number } | null {
  // A plain scan (it runs for every cell): [$]letters{1,3}[$]digits.
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  if (i === start || i - start > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  if (i >= ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + c - 48;
  }
  return { row, col };
}
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Zip parts, inflated under limits

interface Budget {
  left: number;
}

async function partText(zip: JSZip, path: string, budget: Budget): Promise<string | null> {
  const chunks: string[] = [];
  let found = false;
  for await (const piece of partStream(zip, path, budget)) {
    found = true;
    chunks.push(piece);
  }
  return found ? chunks.join('') : null;
}

/** A part's text as it inflates, decoded as UTF-8 across chunk boundaries. */
async function* partStream(zip: JSZip, path: string, budget: Budget): AsyncGenerator<string> {
  const entry = zip.file(path) ?? zip.file(path.replace(/^\//, ''));
  if (!entry) return;
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of inflate(entry)) {
      budget.left -= chunk.length;
      if (budget.left < 0) throw new WorkbookError('too_large_inflated');
      const s = decoder.write(chunk);
      if (s) yield s;
    }
  } catch (err) {
    if (err instanceof WorkbookError) throw err;
    throw new WorkbookError('not_xlsx', String((err as Error)?.message ?? err));
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** A zip entry's bytes as they inflate (JSZip's stream helper, paused while the consumer works). */
async function* inflate(entry: JSZip.JSZipObject): AsyncGenerator<Buffer> {
  const helper = (entry as unknown as { internalStream(type: 'nodebuffer'): StreamHelper }).internalStream('nodebuffer');
  const queue: Buffer[] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  helper
    .on('data', (chunk: Buffer) => {
      queue.push(chunk);
      if (queue.length > 8) helper.pause();
      poke();
    })
    .on('error', (e: unknown) => {
      failure = e;
      poke();
    })
    .on('end', () => {
      done = true;
      poke();
    });
  helper.resume();
  try {
    for (;;) {
      if (queue.length) {
        yield queue.shift()!;
        if (queue.length <= 2) helper.resume();
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    if (!done) helper.pause();
  }
}
interface StreamHelper {
  on(event: 'data', fn: (chunk: Buffer) => void): StreamHelper;
  on(event: 'error', fn: (e: unknown) => void): StreamHelper;
  on(event: 'end', fn: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Complete elements `<name …>…</name>` (or self-closing) from a stream of XML text. */
async function* elements(stream: AsyncIterable<string>, name: string): AsyncGenerator<string> {
  const open = new RegExp(`<(?:\\w+:)?${name}[\\s>/]`, 'g');
  const close = new RegExp(`</(?:\\w+:)?${name}>`, 'g');
  let buf = '';
  for await (const piece of stream) {
    buf += piece;
    let consumed = 0;
    for (;;) {
      open.lastIndex = consumed;
      const o = open.exec(buf);
      if (!o) {
        // Keep only a possible partial opening tag.
        consumed = Math.max(consumed, buf.length - name.length - 8);
        break;
      }
      const tagEnd = buf.indexOf('>', o.index);
      if (tagEnd < 0) {
        consumed = o.index;
        break;
      }
      if (buf[tagEnd - 1] === '/') {
        yield buf.slice(o.index, tagEnd + 1);
        consumed = tagEnd + 1;
        continue;
      }
      close.lastIndex = tagEnd;
      const c = close.exec(buf);
      if (!c) {
        consumed = o.index;
        break;
      }
      yield buf.slice(o.index, c.index + c[0].length);
      consumed = c.index + c[0].length;
    }
    buf = buf.slice(consumed);
  }
}

// ---------------------------------------------------------------------------------------------
// Styles: which number formats are dates, percentages or months; solid fills

interface Styles {
  kind: ('date' | 'month' | 'percent' | 'time' | null)[];
  fill: (string | null)[];
}

const builtinDate = new Set([14, 15, 16, 22, 27, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const builtinMonth = new Set([17, 28, 29, 55, 56]);
const builtinTime = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47]);

/** What a number format code shows: a date, a month (no day), a percentage, or a plain number. */
export function formatKind(code: string): 'date' | 'month' | 'percent' | 'time' | null {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/general/gi, '')
    .replace(/[eE][+-]/g, '');
  if (/%/.test(bare)) return 'percent';
  const y = /[yY]/.test(bare);
  const d = /[dD]/.test(bare);
  if (y || d) return d ? 'date' : 'month';
  if (/[hHsS]/.test(bare)) return 'time';
  return null;
}

function parseStyles(xml: string | null): Styles {
  const out: Styles = { kind: [], fill: [] };
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    custom.set(Number(a.numFmtId), xmlText(a.formatCode ?? ''));
  }
  const fills: (string | null)[] = [];
  const fillsXml = /<(?:\w+:)?fills\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fills>/.exec(xml)?.[1] ?? '';
  for (const m of fillsXml.matchAll(/<(?:\w+:)?fill>([\s\S]*?)<\/(?:\w+:)?fill>|<(?:\w+:)?fill\/>/g)) {
    const body = m[1] ?? '';
    const solid = /patternType="solid"/.test(body);
    const rgb = /<(?:\w+:)?fgColor\s[^>]*rgb="([0-9A-Fa-f]{6,8})"/.exec(body)?.[1];
    fills.push(solid && rgb ? rgb.toUpperCase().padStart(8, 'F') : null);
  }
  const xfsXml = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  for (const m of xfsXml.matchAll(/<(?:\w+:)?xf\s([^>]*?)(?:\/>|>)/g)) {
    const a = attrs(m[1]);
    const id = Number(a.numFmtId ?? 0);
    const code = custom.get(id);
    out.kind.push(
      code !== undefined ? formatKind(code) : builtinDate.has(id) ? 'date' : builtinMonth.has(id) ? 'month' : builtinTime.has(id) ? 'time' : id === 9 || id === 10 ? 'percent' : null,
    );
    out.fill.push(fills[Number(a.fillId ?? 0)] ?? null);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cells

const DAY_MS = 86_400_000;
/** An Excel serial day as a UTC date (1900 system with its phantom 29 Feb 1900, or 1904). */
export function serialDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const days = Math.floor(serial + 1e-9);
  const ms = Math.round((serial - days) * DAY_MS);
  return new Date(base + days * DAY_MS + ms);
}

/** A number's decimal text shifted two places (0.789 → "78.9"), without floating-point residue. */
export function percentText(n: number): string {
  const s = String(n);
  if (/e/i.test(s)) return String(Math.round(n * 1e12) / 1e10);
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const whole = (int + frac.slice(0, 2).padEnd(2, '0')).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

function cellOf(tag: string, body: string, shared: string[], styles: Styles, date1904: boolean): RawCell {
  const t = attr(tag, 't') ?? 'n';
  const s = attr(tag, 's');
  const style = s ? Number(s) : 0;
  // The common body is `<v>…</v>` alone: read without a regex.
  const close = body.startsWith('<v>') ? body.indexOf('</v>') : -1;
  const plain = close > 0 && close + 4 === body.length && body.indexOf('<', 3) === close;
  const vm = plain ? null : /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
  const v = plain ? body.slice(3, close) : vm ? vm[1] : null;
  const hasFormula = !plain && /<(?:\w+:)?f[\s>/]/.test(body);
  if (t === 'inlineStr') {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
    return is ? stringItem(is[1]) : null;
  }
  if (v == null) {
    if (hasFormula) return { mark: 'formula_no_value', text: xmlText(/<(?:\w+:)?f(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?f>/.exec(body)?.[1] ?? '') };
    const fill = styles.fill[style];
    return fill && !/^FF(FFFFFF|000000)$/.test(fill) && fill !== '00000000' ? { mark: 'fill', rgb: fill } : null;
  }
  switch (t) {
    case 's': {
      const s = shared[Number(v)];
      return s === undefined ? null : s;
    }
    case 'str':
    case 'd':
      return t === 'd' ? new Date(xmlText(v)) : xmlText(v);
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return { mark: 'error', text: xmlText(v) };
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return xmlText(v);
      const kind = styles.kind[style];
      if (kind === 'date' || kind === 'month') {
        const d = serialDate(n, date1904);
        if (!d) return n;
        // A month-only format shows "2026年8月": so does the cell.
        return kind === 'month' ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      }
      if (kind === 'time') {
        const d = serialDate(n, date1904);
        return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : n;
      }
      if (kind === 'percent') return `${percentText(n)}%`;
      return n;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook

const ZIP_MAGIC = 0x04034b50;

export function isZip(file: Buffer) {
  return file.length >= 4 && file.readUInt32LE(0) === ZIP_MAGIC;
}

/** Opens an .xlsx: the directory read and checked against the limits; sheets are read on demand. */
export async function openXlsx(file: Buffer, limits: InflateLimits = defaultInflateLimits): Promise<Workbook> {
  if (!isZip(file)) throw new WorkbookError('not_xlsx');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file, { checkCRC32: false });
  } catch (err) {
    throw new WorkbookError('not_xlsx', String((err as Error)?.message ?? err));
  }
  // The directory's sizes: a bomb is refused before one byte is inflated.
  let declared = 0;
  for (const entry of Object.values(zip.files)) declared += Number((entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0);
  const cap = Math.min(limits.maxInflatedBytes, Math.max(64 * 1024 * 1024, file.length * limits.maxRatio));
  if (declared > cap) throw new WorkbookError('too_large_inflated');
  // Counted again while inflating (a directory may lie).
  const budget: Budget = { left: cap };

  const workbookXml = await partText(zip, 'xl/workbook.xml', budget);
  if (!workbookXml) throw new WorkbookError('not_xlsx', 'no xl/workbook.xml');
  const relsXml = (await partText(zip, 'xl/_rels/workbook.xml.rels', budget)) ?? '';
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\s([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.Id && a.Target) rels.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target.replace(/^\.\//, '')}`);
  }
  const date1904 = /<(?:\w+:)?workbookPr\s[^>]*date1904="(1|true)"/.test(workbookXml);
  const sharedPath = [...rels.values()].find((p) => /sharedStrings\.xml$/i.test(p)) ?? 'xl/sharedStrings.xml';
  const stylesPath = [...rels.values()].find((p) => /styles\.xml$/i.test(p)) ?? 'xl/styles.xml';

  // Shared strings: every <si> decoded from complete text, never across a chunk boundary.
  const shared: string[] = [];
  for await (const si of elements(partStream(zip, sharedPath, budget), 'si')) shared.push(stringItem(si));
  const styles = parseStyles(await partText(zip, stylesPath, budget));

  const sheets: SheetInfo[] = [];
  let index = 0;
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const path = rels.get(a.id) ?? `xl/worksheets/sheet${index + 1}.xml`;
    if (!zip.file(path)) continue;
    // First pass over the sheet's XML: hidden columns and merged ranges (the ranges come after the rows).
    const hiddenColumns = new Set<number>();
    const merges: MergedRange[] = [];
    for await (const el of elements(tagsOf(partStream(zip, path, budget), ['col', 'mergeCell']), 'x')) {
      const inner = el.slice(3, -4);
      const ca = attrs(inner);
      if (inner.startsWith('col ') || inner.startsWith('col\t')) {
        if (ca.hidden === '1' || ca.hidden === 'true') for (let c = Number(ca.min); c <= Number(ca.max) && c <= 16384; c++) hiddenColumns.add(c);
      } else if (ca.ref) {
        const [p, q = p] = ca.ref.split(':');
        const s = cellRef(p);
        const e = cellRef(q);
        if (s && e) merges.push({ ref: ca.ref, top: s.row, left: s.col, bottom: e.row, right: e.col });
      }
    }
    const sheetIndex = index++;
    sheets.push({
      index: sheetIndex,
      name: xmlText(a.name ?? `Sheet${sheetIndex + 1}`),
      hidden: a.state === 'hidden' || a.state === 'veryHidden',
      hiddenColumns,
      merges,
      async *rows() {
        let lastRow = 0;
        for await (const rowXml of elements(partStream(zip, path, budget), 'row')) {
          const tagEnd = rowXml.indexOf('>');
          const ra = attrs(rowXml.slice(4, tagEnd));
          const r = ra.r ? Number(ra.r) : lastRow + 1;
          lastRow = r;
          const cells: RawCell[] = [];
          if (rowXml[tagEnd - 1] !== '/') {
            let col = 0;
            const re = /<(?:\w+:)?c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
            let cm: RegExpExecArray | null;
            const body = rowXml.slice(tagEnd + 1);
            while ((cm = re.exec(body))) {
              const tag = cm[1] ?? '';
              const ref = attr(tag, 'r');
              const at = ref ? cellRef(ref) : null;
              // A cell without `r` is the one after the previous cell.
              col = at ? at.col : col + 1;
              if (col > 16384) continue;
              const value = cellOf(tag, cm[2] ?? '', shared, styles, date1904);
              if (value !== null) cells[col] = value;
            }
          }
          yield { r, hidden: ra.hidden === '1' || ra.hidden === 'true', cells };
        }
      },
    });
  }
  if (!sheets.length) throw new WorkbookError('empty');
  return { format: 'xlsx', sheets };
}

/** Turns the `<col …/>` and `<mergeCell …/>` tags of a stream into `<x>…</x>` elements (cheap first pass). */
async function* tagsOf(stream: AsyncIterable<string>, names: string[]): AsyncGenerator<string> {
  const re = new RegExp(`<(?:\\w+:)?(${names.join('|')})\\s[^>]*>`, 'g');
  let carry = '';
  for await (const piece of stream) {
    const text = carry + piece;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let consumed = 0;
    let out = '';
    while ((m = re.exec(text))) {
      out += `<x>${m[0].slice(1).replace(/^\w+:/, '').replace(/\/?>$/, '')}</x>`;
      consumed = re.lastIndex;
    }
    if (out) yield out;
    const lastOpen = text.lastIndexOf('<');
    carry = text.slice(Math.max(consumed, lastOpen >= consumed && text.indexOf('>', lastOpen) < 0 ? lastOpen : text.length));
  }
}
