import type { Span } from '../../../../contract/intake.ts';

/**
 * Text after normalisation, with `origin[i]` = index in the original input of `text[i]`,
 * so every fact found in `text` can be reported as a span of the original.
 */
export interface NormalisedText {
  text: string;
  origin: number[];
}

/** Text being normalised: its characters and, per character, its index in the input. */
interface Piece {
  text: string;
  origin: ArrayLike<number>;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SENTENCE_END = /[。！？!?]/;
const ASCII_ALNUM = /[A-Za-z0-9]/;
/** A table row as text exports write it: cells between pipes. Rows keep their own lines. */
const TABLE_ROW_LINE = /\|.*\|/;

/**
 * A line that starts a new paragraph: list markers such as `1.`, `一、`, `（二）` and bullets. `1.` must be
 * followed by text, so a number cut after its point (`23.` / `5亿元`) is not taken for one.
 */
export const LIST_MARKER = /^(?:\d{1,2}[.．、]\s*(?=[\u4e00-\u9fa5A-Za-z（(“])|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,2}[)）]|[■◆●★▶►]|【(?=[^】\n]{1,30}】))/;

/**
 * Per code unit: the replacement ('' drops it). Full-width digits, letters and the decimal point become
 * ASCII so numbers parse; Chinese punctuation (，：；（）) stays as the users write it. Replacement
 * characters, private-use glyphs and controls are what odd PDF fonts leave behind, so they go.
 */
function mapChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\n';
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  switch (c) {
    case '．':
      return '.';
    case '％':
      return '%';
    case '｜':
      return '|';
    case '／':
      return '/';
    case '－':
      return '-';
    case '＋':
      return '+';
    case '\u2028':
    case '\u2029':
      return '\n';
  }
  if (c === '\t') return '\t';
  if (c === '\u3000' || c === '\u00a0' || /\s/.test(c)) return ' ';
  if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff) || code < 0x20 || (code >= 0x7f && code <= 0x9f)) return '';
  if ((code >= 0x200b && code <= 0x200f) || code === 0xfeff || c === '□') return '';
  // Lone surrogates are what a broken decoder leaves; a proper pair is kept.
  if (code >= 0xd800 && code <= 0xdfff) return '';
  return c;
}

/** UTF-16 code units to a string, in chunks (String.fromCharCode takes a bounded argument list). */
function decode(codes: Uint16Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  return out;
}

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const BAR = 124;

/**
 * Maps every code unit (mapChar) into one buffer, with its origin; line breaks (`\n`, `\r\n`, a lone `\r`,
 * U+2028/9) become one `\n`. Proper surrogate pairs are kept as they are.
 */
function mapInput(input: string): { codes: Uint16Array; origin: Int32Array; length: number } {
  const codes = new Uint16Array(input.length);
  const origin = new Int32Array(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < input.length) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        codes[n] = code;
        origin[n++] = i;
        codes[n] = next;
        origin[n++] = i + 1;
        i++;
        continue;
      }
    }
    // ASCII letters, digits and punctuation map to themselves: the common case, without a string.
    if (code > SPACE && code < 0x7f) {
      codes[n] = code;
      origin[n++] = i;
      continue;
    }
    if (code === 13) {
      if (input.charCodeAt(i + 1) !== NEWLINE) {
        codes[n] = NEWLINE;
        origin[n++] = i;
      }
      continue;
    }
    const m = mapChar(input[i]);
    if (m === '') continue;
    codes[n] = m.charCodeAt(0);
    origin[n++] = i;
  }
  return { codes, origin, length: n };
}

/** Page furniture a newspaper PDF mixes into the text: romanised headers, page labels, bylines, captions. */
export function isNoiseLine(line: string): boolean {
  if (!CJK.test(line)) {
    const words = line.match(/[A-Za-z]{2,}/g) ?? [];
    const letters = words.join('').length;
    if (letters >= 6 && (words.length >= 2 || /[A-Za-z]{8,}/.test(line))) return true;
    if (/^[A-Z]\d{1,2}$/.test(line) || /^[—–-]+\s*\d{1,3}\s*[—–-]+$/.test(line)) return true;
    return false;
  }
  if (/^第\s*\d{1,3}\s*版/.test(line) && line.length <= 16) return true;
  if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]/.test(line) && line.length <= 30) return true;
  // A byline line is furniture, unless it closes a byline in brackets that the report's last line opened (`（记者 甲` / `通讯员 乙）`).
  if (/^(本报记者|本报通讯员|记者|通讯员|责任编辑|本版责编|责编|编辑|美编|校对|版式|摄影)[\s:：]/.test(line) && !/[。，)）]/.test(line) && line.length <= 40)
    return true;
  if (/^[【[][^】\]]{1,10}[】\]]$/.test(line)) return true;
  if (/^(▲|图为|图：|上图|下图)/.test(line)) return true;
  return false;
}

/**
 * Joins hard-wrapped lines back into paragraphs. A line break is dropped (with the whitespace around it,
 * which PDF extraction scatters at line ends, so `110k` / `V` is `110kV` and `42.` / `6` is `42.6`)
 * unless the previous line ended a sentence or the next line starts a list item; blank lines carry no
 * meaning because PDF extraction puts them between every line. Table rows (`| a | b |`) stay one per line. Whitespace inside a line survives only
 * between two ASCII letters or digits (`PACK 项目` → `PACK项目`, `110 kV` kept).
 */
export function normalise(input: string): NormalisedText {
  const { codes, origin, length } = mapInput(input);
  const outCodes = new Uint16Array(length + 1);
  const outOrigin = new Int32Array(length + 1);
  let n = 0;
  let lastLineEnd = '';
  let lastWasTableRow = false;
  const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  for (let ls = 0; ls <= length; ) {
    let le = ls;
    while (le < length && codes[le] !== NEWLINE) le++;
    const next = le + 1;
    // A line with two or more tabs is a table row pasted from Word or Excel: its tabs become cell bars.
    let tabs = 0;
    for (let i = ls; i < le; i++) if (codes[i] === TAB) tabs++;
    if (tabs) for (let i = ls; i < le; i++) if (codes[i] === TAB) codes[i] = tabs >= 2 ? BAR : SPACE;
    let s = ls;
    let e = le;
    while (s < e && codes[s] === SPACE) s++;
    while (e > s && codes[e - 1] === SPACE) e--;
    ls = next;
    if (s === e) continue;
    const lineText = decode(codes, s, e);
    if (isNoiseLine(lineText)) continue;
    const isTableRow = TABLE_ROW_LINE.test(lineText);
    if (n > 0) {
      const paragraphBreak = SENTENCE_END.test(lastLineEnd) || LIST_MARKER.test(lineText) || isTableRow || lastWasTableRow;
      if (paragraphBreak) {
        outCodes[n] = NEWLINE;
        outOrigin[n++] = origin[s] - 1;
      }
    }
    // Whitespace inside a line survives only between two ASCII letters or digits (one space for a run).
    for (let i = s; i < e; i++) {
      const c = codes[i];
      if (c !== SPACE) {
        outCodes[n] = c;
        outOrigin[n++] = origin[i];
        continue;
      }
      let j = i;
      while (j < e && codes[j] === SPACE) j++;
      if (n > 0 && isAlnum(outCodes[n - 1]) && j < e && isAlnum(codes[j])) {
        outCodes[n] = SPACE;
        outOrigin[n++] = origin[i];
      }
      i = j - 1;
    }
    lastLineEnd = String.fromCharCode(codes[e - 1]);
    lastWasTableRow = isTableRow;
  }
  return removeNoise(percentWords({ text: decode(outCodes, 0, n), origin: outOrigin.subarray(0, n) }));
}

const CN_PCT = /百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?/g;
const CN_D: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function cnInt(s: string): number {
  let total = 0;
  let cur = 0;
  for (const c of s) {
    if (c === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (c === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else cur = Number(CN_D[c] ?? 0);
  }
  return total + cur;
}

/** `百分之三十二点六` → `32.6%`, so percentages read the same however they are written (each character keeps an origin). */
function percentWords(p: Piece): Piece {
  const { text } = p;
  if (!text.includes('百分之')) return p;
  let out = '';
  const origin: number[] = [];
  let last = 0;
  for (const m of text.matchAll(CN_PCT)) {
    out += text.slice(last, m.index);
    for (let i = last; i < m.index; i++) origin.push(p.origin[i]);
    const written = `${cnInt(m[1])}${m[2] ? `.${[...m[2]].map((c) => CN_D[c]).join('')}` : ''}%`;
    out += written;
    for (let k = 0; k < written.length; k++) origin.push(p.origin[m.index + k]);
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  for (let i = last; i < text.length; i++) origin.push(p.origin[i]);
  return { text: out, origin };
}

/** Photo credits `（张三 摄）` and garbled geometric glyphs left inside paragraphs. */
function removeNoise(p: Piece): NormalisedText {
  const { text } = p;
  const drops: [number, number][] = [];
  // Photo credits: `（张三 摄）`, and a caption's credit line (`长治高新区供图`, `本报记者 张帆 摄`) that opens a paragraph.
  for (const m of text.matchAll(NOISE)) drops.push([m.index, m.index + m[0].length]);
  if (drops.length === 0) return { text, origin: Array.from(p.origin) };
  let out = '';
  const origin: number[] = [];
  let last = 0;
  for (const [s, e] of drops) {
    if (s < last) continue;
    out += text.slice(last, s);
    for (let i = last; i < s; i++) origin.push(p.origin[i]);
    last = e;
  }
  out += text.slice(last);
  for (let i = last; i < text.length; i++) origin.push(p.origin[i]);
  return { text: out, origin };
}

const NOISE =
  /[（(][^（）()\n]{0,30}摄[)）]|(?<!\n)(?<!^)[▲△■◆◇●○★☆※▶►]|^[▲△◇○☆※]|(?<=\n)[▲△◇○☆※]|(?<=^|\n|。)(?:(?:本报记者|记者|通讯员)?[\u4e00-\u9fa5]{2,4}摄|[\u4e00-\u9fa5]{2,12}?供图)(?=[\u4e00-\u9fa5“]|$)/g;

/** The original-text span of `text.slice(start, end)`. */
export function originalSpan(n: NormalisedText, start: number, end: number): Span {
  if (n.origin.length === 0) return [0, 0];
  const s = Math.min(Math.max(start, 0), n.origin.length - 1);
  const e = Math.min(Math.max(end, s + 1), n.origin.length);
  return [n.origin[s], n.origin[e - 1] + 1];
}
