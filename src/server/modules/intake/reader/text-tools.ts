import { LIST_MARKER } from './normalise.ts';

/** A value found in the normalised text at [start, end). */
export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

/** A paragraph run that reads as one unit: a list item with its continuation, or a stretch of prose. */
export interface Block {
  start: number;
  end: number;
  /** End of the list marker (`1.`, `一、`) when the block is a list item, else `start`. */
  bodyStart: number;
  isTable: boolean;
  /** Start of the article (or text) the block belongs to: nothing before it speaks of this block. */
  areaStart: number;
}

const CLAUSE_BREAK = /[，,；;。！？!?\n：:]/;
const SENTENCE_BREAK = /[。！？!?\n]/;
const FUTURE = /计划|预计|拟|将|力争|争取|确保|预期|有望|准备|下一步|目标/;
export const TABLE_ROW = /\|.*\|/;

/**
 * Blocks: a paragraph that starts with a list marker opens a block that runs until the next one, so
 * a numbered item keeps its later sentences (`存在问题：…`). Pipe-separated rows are table blocks.
 */
export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = [];
  let pos = from;
  while (pos <= to) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 || nl > to ? to : nl;
    const para = text.slice(pos, end);
    const isTable = TABLE_ROW.test(para);
    const marker = LIST_MARKER.exec(para);
    const last = blocks[blocks.length - 1];
    if (para.length > 0) {
      if (last && !marker && !isTable && !last.isTable) last.end = end;
      else blocks.push({ start: pos, end, bodyStart: pos + (marker ? marker[0].length : 0), isTable, areaStart: from });
    }
    if (nl === -1 || nl >= to) break;
    pos = nl + 1;
  }
  return blocks;
}

/**
 * How far the clause and sentence helpers look. Real clauses are far shorter; the bound keeps a text
 * without punctuation (binary junk, a pasted table) linear instead of quadratic.
 */
const REACH = 400;

export function clauseStart(text: string, pos: number, floor: number): number {
  floor = Math.max(floor, pos - REACH);
  let i = pos - 1;
  while (i >= floor && !CLAUSE_BREAK.test(text[i])) i--;
  return i + 1;
}

export function clauseEnd(text: string, pos: number, ceil: number): number {
  ceil = Math.min(ceil, pos + REACH);
  let i = pos;
  while (i < ceil && !CLAUSE_BREAK.test(text[i])) i++;
  return i;
}

export function sentenceStart(text: string, pos: number, floor: number): number {
  floor = Math.max(floor, pos - REACH);
  let i = pos - 1;
  while (i >= floor && !SENTENCE_BREAK.test(text[i])) i--;
  return i + 1;
}

/** Index just past the sentence that contains `pos` (past its final punctuation). */
export function sentenceEnd(text: string, pos: number, ceil: number): number {
  ceil = Math.min(ceil, pos + REACH);
  let i = pos;
  while (i < ceil && !SENTENCE_BREAK.test(text[i])) i++;
  return Math.min(i + 1, ceil);
}

/** Whether what is said at `pos` is a plan rather than a fact: a future marker earlier in its clause. */
export function isPlanned(text: string, pos: number, floor: number): boolean {
  const from = clauseStart(text, pos, floor);
  return FUTURE.test(text.slice(from, pos));
}

/** Every match of `re` (global) inside [from, to), with indexes into `text`. */
export function matchesIn(text: string, re: RegExp, from: number, to: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(re)) {
    m.index += from;
    out.push(m as RegExpExecArray);
  }
  return out;
}

export function firstIn(text: string, re: RegExp, from: number, to: number): RegExpExecArray | undefined {
  return matchesIn(text, re, from, to)[0];
}
