import type { Found } from './text-tools.ts';

const ZONE = /(经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区|综改示范区|综合改革示范区|新区|工业园区|产业园区)/g;
/** Suffixes of the zone itself rank above sub-parks (园区), which a zone report also names. */
const PARK = /园区$/;
const BOUNDARY = /[\s，,。；;：:！？!?、“”"（）()《》\n]/;
/** Words that run into the name from the left (`近日，` is cut by the comma, `赴`/`在` are not). */
const LEADING = /^(?:.*?(?:近日|日前|今年以来|拟在|位于|落户|入驻|来到|走进|赴|在|到))/;

/** The zone the text names most often, as written (汾东经开区). */
export function readZone(text: string): Found<string> | undefined {
  const seen = new Map<string, Found<string>[]>();
  for (const m of text.matchAll(ZONE)) {
    let start = m.index;
    while (start > 0 && start > m.index - 10 && !BOUNDARY.test(text[start - 1]) && !/\d/.test(text[start - 1])) start--;
    let name = text.slice(start, m.index + m[0].length);
    const lead = LEADING.exec(name.slice(0, -m[0].length));
    if (lead) {
      start += lead[0].length;
      name = name.slice(lead[0].length);
    }
    if (name.length - m[0].length < 2 || name.length - m[0].length > 8) continue;
    const list = seen.get(name) ?? [];
    list.push({ value: name, start, end: m.index + m[0].length });
    seen.set(name, list);
  }
  let best: Found<string>[] | undefined;
  for (const list of seen.values()) {
    const better =
      !best ||
      Number(!PARK.test(list[0].value)) > Number(!PARK.test(best[0].value)) ||
      (PARK.test(list[0].value) === PARK.test(best[0].value) && list.length > best.length);
    if (better) best = list;
  }
  return best?.[0];
}
