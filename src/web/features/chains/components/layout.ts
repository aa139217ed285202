/** Lays a chain's links out as a tidy forest: columns by depth (upstream left), rows by leaf order. */
export interface LayoutLink {
  id: string;
  parentLinkId: string | null;
  position: number;
  name: string;
}

export function layoutChain<L extends LayoutLink>(links: L[]): Map<string, { x: number; y: number; depth: number }> {
  const ids = new Set(links.map((l) => l.id));
  const children = new Map<string | null, L[]>();
  for (const l of links) {
    const parent = l.parentLinkId && ids.has(l.parentLinkId) ? l.parentLinkId : null;
    children.set(parent, [...(children.get(parent) ?? []), l]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const out = new Map<string, { x: number; y: number; depth: number }>();
  let row = 0;
  const place = (l: L, depth: number, seen: Set<string>): number => {
    if (seen.has(l.id)) return row;
    seen.add(l.id);
    const kids = children.get(l.id) ?? [];
    const ys = kids.map((k) => place(k, depth + 1, seen));
    const y = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : row++;
    out.set(l.id, { x: depth, y, depth });
    return y;
  };
  const seen = new Set<string>();
  for (const root of children.get(null) ?? []) place(root, 0, seen);
  return out;
}
