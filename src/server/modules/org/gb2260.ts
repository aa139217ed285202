/**
 * The full GB/T 2260 table (province, city, county) from the pinned `china-area-data` package, so
 * every county-level zone and every investor's region can be entered. Its plain JSON maps a parent
 * code to its children ("86" is the country); street-level codes (9 digits) are left out.
 */
import { createRequire } from 'node:module';
import type { regions } from '../../db/schema.ts';

type RegionRow = typeof regions.$inferInsert;

let cached: RegionRow[] | undefined;

export function gb2260Regions(): RegionRow[] {
  if (cached) return cached;
  const table = createRequire(import.meta.url)('china-area-data/data.json') as Record<string, Record<string, string>>;
  const rows: RegionRow[] = [];
  const walk = (parentCode: string | null, level: RegionRow['level']) => {
    for (const [code, name] of Object.entries(table[parentCode ?? '86'] ?? {})) {
      if (!/^[0-9]{6}$/.test(code)) continue;
      rows.push({ code, name, level, parentCode });
      if (level === 'province') walk(code, 'city');
      else if (level === 'city') walk(code, 'county');
    }
  };
  walk(null, 'province');
  return (cached = rows);
}

/** Administrative suffixes, longest first, so 巴中市 also reads as 巴中 and 四川省 as 四川. */
const regionSuffixes = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '省', '市', '盟', '州'];

/**
 * Region names an enterprise name may start with: every full name, and the short form (no
 * 省/市/自治区 …) of provinces and cities. Counties only in full (永济市), as their short forms
 * (新华, 城关) are too often part of a trade name.
 */
export function regionNamePrefixes(): string[] {
  const names = new Set<string>();
  for (const r of gb2260Regions()) {
    if (r.name === '市辖区' || r.name === '县' || r.name.length < 2) continue;
    names.add(r.name);
    if (r.level === 'county') continue;
    const suffix = regionSuffixes.find((s) => r.name.endsWith(s) && r.name.length - s.length >= 2);
    if (suffix) names.add(r.name.slice(0, -suffix.length));
  }
  return [...names];
}
