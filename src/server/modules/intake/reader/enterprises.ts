import { matchesIn, type Found } from './text-tools.ts';

/** An enterprise name: a run of name characters ending in a company-form suffix (有限公司, 集团...). */
const COMPANY = /[\u4e00-\u9fa5A-Za-z0-9（）()]{2,30}?(?:集团)?(?:股份有限公司|有限责任公司|有限公司)|[\u4e00-\u9fa5A-Za-z0-9]{2,12}?集团(?!有限|股份)/g;

/** Words that run into a name in the text but are not part of it (`其中，拜访了深圳…`, `9月9日赴江苏常州拜访江苏恒拓…`). */
const LEADING = /^(?:其中|另外|此外|同时|先后|分别|拜访了?|走访了?|对接了?|考察了?|洽谈了?|会见了?|与|同|和|并与|引进了?|签约了?|由|在|是|为|包括|以及|及|向|赴|到|对|将)/;
const VERB_INSIDE = /(?:拜访|走访|对接|考察|洽谈|会见|接待|引进|签约|邀请|组织|帮助|协助|推动|支持|通过|成立|注册|(?:投资方|投资主体|建设单位|业主|主体|实施主体)为|由|与|向|赴)/g;

/** An enterprise name that ends the text (what stands right before `——项目名`). */
export const COMPANY_AT_END = /[\u4e00-\u9fa5A-Za-z0-9（）()]{2,30}?(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团)$/;

export function findEnterprises(text: string, from: number, to: number): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of matchesIn(text, COMPANY, from, to)) {
    let start = m.index;
    let name = m[0];
    // A date or a verb inside the match is text running into the name: the name starts after the last one.
    const date = /^.*\d{1,2}[月日号](?:[至到-]\d{1,2}[日号])?/.exec(name);
    if (date && name.length - date[0].length >= 6) {
      start += date[0].length;
      name = name.slice(date[0].length);
    }
    let cut: RegExpExecArray | undefined;
    for (const v of name.matchAll(VERB_INSIDE)) if (name.length - (v.index + v[0].length) >= 6) cut = v as RegExpExecArray;
    if (cut && cut.index + cut[0].length <= name.length - 6 && suffixLength(name) < name.length - (cut.index + cut[0].length)) {
      const keep = cut.index + cut[0].length;
      if (!/有限|股份/.test(name.slice(0, keep))) {
        start += keep;
        name = name.slice(keep);
      }
    }
    for (let stripped = LEADING.exec(name); stripped && name.length - stripped[0].length >= 4; stripped = LEADING.exec(name)) {
      start += stripped[0].length;
      name = name.slice(stripped[0].length);
    }
    out.push({ value: name, start, end: m.index + m[0].length });
  }
  return out;
}

const suffixLength = (name: string) => (/(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团)$/.exec(name)?.[0].length ?? 0);
