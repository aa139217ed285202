/**
 * What a zone's imports remember (docs/imports.md, Mapping and Names): the mapping the user
 * corrected, per importer and header signature (the table's header texts in column order), and
 * the choice made for each name the zone did not know. Both are used by the next upload.
 */
import { createHash } from 'node:crypto';
import type { NameChoice } from './importer.ts';
import { choiceKey } from './check.ts';

type MappedColumn = { index: number; header: string; field: string | null; hidden?: boolean };

/** The header signature of a table: its header texts in column order, whitespace removed. */
export function headerSignature(columns: readonly { index: number; header: string }[]): string {
  const words = [...columns].sort((a, b) => a.index - b.index).map((c) => `${c.index}:${c.header.replace(/\s/g, '')}`);
  return createHash('sha1').update(words.join('\u0001')).digest('hex');
}

/**
 * A saved mapping applied to a table just found: a column takes the saved field when the same
 * header stands at the same place; fields the importer no longer accepts and hidden columns are
 * left as matched. Answers whether anything was taken from the saved mapping.
 */
export function applySavedMapping(columns: MappedColumn[], saved: readonly MappedColumn[], importable: ReadonlySet<string>): boolean {
  const byIndex = new Map(saved.map((c) => [c.index, c]));
  const next = columns.map((c) => {
    const s = byIndex.get(c.index);
    if (!s || c.hidden || s.header.replace(/\s/g, '') !== c.header.replace(/\s/g, '')) return c.field;
    return s.field === null || importable.has(s.field) ? s.field : c.field;
  });
  // Each field once: a saved mapping that would fill a field twice is not used.
  const filled = next.filter((f): f is string => f !== null);
  if (new Set(filled).size !== filled.length) return false;
  let changed = false;
  columns.forEach((c, i) => {
    if (c.field !== next[i]) changed = true;
    c.field = next[i];
  });
  return changed || saved.length > 0;
}

/** The zone's remembered name choices, keyed for ImportRow.choice. */
export function choiceMap(rows: readonly { field: string; name: string; action: NameChoice['action']; targetId: string | null }[]): Map<string, NameChoice> {
  return new Map(rows.map((r) => [choiceKey(r.field, r.name), { action: r.action, targetId: r.targetId }]));
}
