import type { LeadStage } from '../../../../contract/intake.ts';
import { COUNT, MONEY_UNIT, NUM, parseCount, toWan } from './numbers.ts';
import type { RefDate } from './dates.ts';
import { periodAt, subjectFigures, EXTRA_RULES } from './kpis.ts';
import type { Found } from './text-tools.ts';

export interface FigureFacts {
  what: string;
  value: number;
  unit: string;
  from?: number;
  period?: string;
  from_period?: string;
  qualifier?: 'approx' | 'range' | 'bound' | 'target' | 'foreign';
  max?: number;
}

export interface Rule {
  re: RegExp;
  /** Figures from one match; `at(i)` gives the span of capture group i. */
  read: (m: RegExpExecArray) => FigureFacts[];
}

const money = (num: string, unit: string) => toWan(num, unit);
const count = (what: string, written: string, unit: string): FigureFacts[] => {
  const value = parseCount(written);
  return Number.isFinite(value) ? [{ what, value, unit }] : [];
};
const TOTAL_AFTER = `(?:[，,、]?(?:计划)?(?:总投资|投资总额)(?:约|达|为|近|超|逾)?(${NUM})(${MONEY_UNIT}))?`;

/**
 * Headline numbers of zone reports. Labels follow the shared samples: `<event>项目数`, `<verb>企业数`,
 * `<kind>意向数`, `框架协议数`, `<what>(万元)`, `占年度计划(%)`.
 */
const RULES: Rule[] = [
  ...EXTRA_RULES,
  {
    // 12个项目集中开工，总投资68.7亿元
    re: new RegExp(`(${COUNT})个(?:项目)?(集中|新)?(开工|签约|投产|竣工)${TOTAL_AFTER}`, 'g'),
    read: (m) => [
      ...count(`${m[2] ?? ''}${m[3]}项目数`, m[1], '个'),
      ...(m[4] ? [{ what: `${m[2] ?? ''}${m[3]}总投资(万元)`, value: money(m[4], m[5]), unit: '万元' }] : []),
    ],
  },
  {
    // 签约项目7个 / 新开工项目15个，总投资…
    re: new RegExp(`(集中|新)?(开工|签约|投产|竣工)(?:项目)(${COUNT})个${TOTAL_AFTER}`, 'g'),
    read: (m) => [
      ...count(`${m[1] === '新' && m[2] === '签约' ? '' : (m[1] ?? '')}${m[2]}项目数`, m[3], '个'),
      ...(m[4] ? [{ what: `${m[1] ?? ''}${m[2]}总投资(万元)`, value: money(m[4], m[5]), unit: '万元' }] : []),
    ],
  },
  {
    re: new RegExp(`(小分队|产业链|以商|驻点|上门|专题|敲门|精准|基金|展会|中介|飞地)招商(?:活动)?(${COUNT})(次|批)`, 'g'),
    read: (m) => count(`${m[1]}招商次数`, m[2], m[3]),
  },
  {
    re: new RegExp(`(对接|拜访|走访|考察|洽谈|接待|会见)了?(?:重点)?(企业|客商)(${COUNT})(家|个|批)`, 'g'),
    read: (m) => count(`${m[1]}${m[2]}数`, m[3], m[4]),
  },
  {
    re: new RegExp(`达成(投资|合作)?(?:意向|意向协议)(?:项目)?(${COUNT})(个|项|份)`, 'g'),
    read: (m) => count(`${m[1] ?? ''}意向数`, m[2], m[3]),
  },
  {
    re: new RegExp(`签(?:订|署)了?(框架|正式投资|投资)(?:合作)?协议(?:项目)?(${COUNT})(个|项|份)`, 'g'),
    read: (m) => count(`${m[1] === '框架' ? '框架' : '投资'}协议数`, m[2], m[3]),
  },
  {
    re: new RegExp(`(签约|到位|引进)(总额|金额|资金)(?:达|为|约|共|合计)?(${NUM})(${MONEY_UNIT})`, 'g'),
    read: (m) => [{ what: `${m[1]}${m[2]}(万元)`, value: money(m[3], m[4]), unit: '万元' }],
  },
  {
    // 38个省市重点项目已完成投资27.4亿元
    re: new RegExp(`(?:(${COUNT})个)?((?:省市|省级|市级|省|市|县)?重点)项目(?:已|累计|共)?完成(?:投资|固定资产投资)(?:约|达)?(${NUM})(${MONEY_UNIT})`, 'g'),
    read: (m) => [
      ...(m[1] ? count(`${m[2]}项目数`, m[1], '个') : []),
      { what: '重点项目完成投资(万元)', value: money(m[3], m[4]), unit: '万元' },
    ],
  },
  {
    re: new RegExp(`(固定资产投资|工业投资|工业总产值|规上工业产值|营业收入|进出口总额|实际使用外资|到位资金)(?:完成|实现|达到?|为|约)*(${NUM})(${MONEY_UNIT})`, 'g'),
    read: (m) => [{ what: `${m[1]}(万元)`, value: money(m[2], m[3]), unit: '万元' }],
  },
  {
    re: new RegExp(`占(年度计划|全年计划|年度目标|全年目标)的?(${NUM})%`, 'g'),
    read: (m) => [{ what: `占${m[1]}(%)`, value: Number(m[2]), unit: '%' }],
  },
];

export function readFigures(text: string, from = 0, to = text.length, ref?: RefDate): Found<FigureFacts>[] {
  const out: Found<FigureFacts>[] = [];
  const slice = text.slice(from, to);
  const push = (f: FigureFacts, start: number, end: number) => {
    if (!Number.isFinite(f.value)) return;
    if (ref && f.period === undefined) {
      const p = periodAt(text, start, from, ref);
      if (p) f.period = p;
    }
    if (out.some((o) => o.value.what === f.what && o.value.value === f.value && o.value.period === f.period)) return;
    // The same number read by two rules (`工业总产值` inside `规上工业总产值…`): the longer label stays.
    const twin = out.findIndex((o) => o.value.value === f.value && o.start < end && start < o.end && (o.value.what.endsWith(f.what) || f.what.endsWith(o.value.what)));
    if (twin >= 0) {
      if (out[twin].value.what.length >= f.what.length) return;
      out.splice(twin, 1);
    }
    out.push({ value: f, start, end });
  };
  for (const rule of RULES) {
    for (const m of slice.matchAll(rule.re)) {
      m.index += from;
      if (m.index > 0 && /\d/.test(text[m.index - 1]) && /^\d/.test(m[0])) continue;
      for (const f of rule.read(m as RegExpExecArray)) push(f, m.index, m.index + m[0].length);
    }
  }
  for (const f of subjectFigures(text, from, to, ref)) push(f.value, f.start, f.end);
  return out.sort((a, b) => a.start - b.start);
}

/** The most advanced lead stage the headline counts name (签订框架协议2个 → 框架协议). */
export function headlineLeadStage(figures: Found<FigureFacts>[]): LeadStage | undefined {
  const has = (what: string) => figures.some((f) => f.value.what === what && f.value.value > 0);
  if (has('投资协议数')) return 'signed';
  if (has('框架协议数')) return 'framework';
  if (figures.some((f) => f.value.what.endsWith('意向数') && f.value.value > 0)) return 'intent';
  return undefined;
}
