import { matchesIn, type Found } from './text-tools.ts';

/** An enterprise name: a run of name characters ending in a company-form suffix (有限公司, 集团...). */
const COMPANY = /[\u4e00-\u9fa5A-Za-z0-9（）()]{2,30}?(?:集团)?(?:股份有限公司|有限责任公司|有限公司)|[\u4e00-\u9fa5A-Za-z0-9]{2,12}?集团(?!有限|股份)/g;

/** Words that run into a name in the text but are not part of it (`其中，拜访了深圳…`). */
const LEADING = /^(?:其中|另外|此外|同时|先后|分别|拜访了?|走访了?|对接了?|考察了?|洽谈了?|会见了?|与|同|和|并与|引进了?|签约了?|由|在|是|为|包括|以及|及|向|赴|到|对|将)/;

export function findEnterprises(text: string, from: number, to: number): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of matchesIn(text, COMPANY, from, to)) {
    let start = m.index;
    let name = m[0];
    for (let stripped = LEADING.exec(name); stripped && name.length - stripped[0].length >= 4; stripped = LEADING.exec(name)) {
      start += stripped[0].length;
      name = name.slice(stripped[0].length);
    }
    out.push({ value: name, start, end: m.index + m[0].length });
  }
  return out;
}
