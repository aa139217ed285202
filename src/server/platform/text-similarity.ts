/**
 * How alike two short Chinese names are: the Dice coefficient over character pairs, 0–1. Used where a
 * person is offered the nearest existing records (a lead's likely duplicate, a sheet's unknown name's
 * best matches); a suggestion, never a rule.
 */
function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const total = [...x.values()].reduce((n, v) => n + v, 0) + [...y.values()].reduce((n, v) => n + v, 0);
  if (!total) return a === b ? 1 : 0;
  let shared = 0;
  for (const [k, v] of x) shared += Math.min(v, y.get(k) ?? 0);
  return (2 * shared) / total;
}

/** The form names are compared in: half-width, no spaces or punctuation, lower case. */
export function comparableName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000()[\]【】《》“”"'·.,，。、:：;；\-_/]/g, '')
    .toLowerCase();
}

/**
 * The `limit` records most like `text` (at least `min` alike; one containing the other counts as alike
 * as the shorter's share of the longer, so 经济发展局 is near 经开区经济发展局), best first.
 */
export function nearestNames<T extends { name: string }>(text: string, records: readonly T[], limit = 3, min = 0.34): T[] {
  const x = comparableName(text);
  if (!x) return [];
  const scored: { r: T; score: number }[] = [];
  for (const r of records) {
    const y = comparableName(r.name);
    if (!y || y === x) continue;
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    const score = Math.max(nameSimilarity(x, y), long.includes(short) && short.length >= 2 ? short.length / long.length + 0.2 : 0);
    if (score >= min) scored.push({ r, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.r.name.localeCompare(b.r.name, 'zh-CN'))
    .slice(0, limit)
    .map((s) => s.r);
}
