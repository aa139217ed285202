import type { Found } from './text-tools.ts';

const ZONE = /(经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区|综改示范区|综合改革示范区|新区|工业园区|产业园区)/g;
/** Suffixes of the zone itself rank above sub-parks (园区), which a zone report also names. */
const PARK = /园区$/;
const BOUNDARY = /[\s，,。；;：:！？!?、“”"（）()《》\n]/;
/** Words that run into the name from the left (`近日，` is cut by the comma, `赴`/`在` are not). */
const LEADING = /^(?:.*?(?:讯|近日|日前|今年以来|拟在|位于|落户|入驻|来到|走进|赴|在|到))/;

/** The zone the text names most often, as written (汾东经开区). */
export function readZone(text: string, from = 0, to = text.length): Found<string> | undefined {
  const seen = new Map<string, Found<string>[]>();
  for (const m of text.slice(from, to).matchAll(ZONE)) {
    m.index += from;
    let start = m.index;
    while (start > from && start > m.index - 10 && !BOUNDARY.test(text[start - 1]) && !/\d/.test(text[start - 1])) start--;
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

/** The short name a zone goes by, from its full name: 山西大同经济技术开发区 → 大同经开区, 长治高新技术产业开发区 → 长治高新区. */
export function zoneNameOf(full: string): string {
  const core = full.replace(/^(?:[\u4e00-\u9fa5]{2,3}省|山西|河北|河南|山东|陕西|内蒙古)(?=[\u4e00-\u9fa5]{2,4}?(?:经济技术开发区|高新技术产业开发区|经济开发区|综合改革示范区|开发区)$)/, '');
  return core
    .replace(/经济技术开发区$|经济开发区$/, '经开区')
    .replace(/高新技术产业开发区$/, '高新区')
    .replace(/综合改革示范区$/, '综改区');
}
