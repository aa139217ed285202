import type { LeadStage } from '../../../../contract/intake.ts';
import type { RefDate } from './dates.ts';
import { findDates, resolveDate } from './dates.ts';
import { findEnterprises } from './enterprises.ts';
import { findEventDates } from './events.ts';
import { MONEY_UNIT, NUM, toWan } from './numbers.ts';
import { clauseStart, firstIn, isPlanned, matchesIn, sentenceEnd, type Block, type Found } from './text-tools.ts';

export interface LeadFacts {
  enterprise: Found<string>;
  scope: [number, number];
  project_name?: Found<string>;
  planned_investment_wan?: Found<number>;
  phase1_investment_wan?: Found<number>;
  stage?: Found<LeadStage>;
  signed?: Found<string>;
  planned_start?: Found<string>;
  planned_production?: Found<string>;
  next_step?: Found<string>;
  next_step_date?: Found<string>;
}

const LEAD_WORD = /拟|有意向|意向|洽谈|考察|框架|签约|签订|签署|落户|入驻|来访|对接|投资/;
const ANAPHORA = /^(?:该企业|该公司|企业|双方|公司|一期|二期)/;
const INVESTMENT = new RegExp(`投资(?:额)?(?:约|达|为|近|超|逾)?(${NUM})(${MONEY_UNIT})`, 'g');
const STAGE_EVIDENCE: [LeadStage, RegExp][] = [
  ['registered', /已(?:完成)?注册|注册成立|完成注册|注册落地|落地注册/g],
  ['signed', /正式签约|签(?:订|署)了?(?:正式)?(?:投资|入园|项目)(?:合作)?(?:协议|合同)/g],
  ['framework', /框架/g],
  ['intent', /意向/g],
  ['contact', /洽谈|接洽|对接|考察|拜访|走访|来访|会见/g],
];
const NEXT_STEP = /将于|拟于|下一步|近期将|双方将|(?:计划|拟|将).{0,10}(?:考察|洽谈|来访|回访|对接|商谈)/;

/**
 * Leads: enterprises named in prose outside any project's text, in a sentence about investing,
 * negotiating or signing. `defaultStage` is what the report's headline counts imply for a lead
 * whose own sentence only says 拟投资 (e.g. 签订框架协议2个 … 其中，A公司拟投资…).
 */
export function readLeads(
  text: string,
  blocks: Block[],
  ref: RefDate,
  projectScopes: [number, number][],
  defaultStage: LeadStage | undefined,
): LeadFacts[] {
  const leads = new Map<string, LeadFacts>();
  for (const block of blocks) {
    if (block.isTable) continue;
    const companies = findEnterprises(text, block.start, block.end).filter(
      (c) => !projectScopes.some(([s, e]) => c.start >= s && c.start < e),
    );
    // Enterprises listed together (`A公司、B公司等2家企业已达成合作意向`) share the sentence that follows the list.
    const groups: Found<string>[][] = [];
    companies.forEach((company, i) => {
      const listed = i > 0 && /^[、和与及]?$/.test(text.slice(companies[i - 1].end, company.start));
      if (listed) groups[groups.length - 1].push(company);
      else groups.push([company]);
    });
    groups.forEach((group, g) => {
      const from = clauseStart(text, group[0].start, block.start);
      const tail = group[group.length - 1];
      let to = sentenceEnd(text, tail.end, block.end);
      while (to < block.end && ANAPHORA.test(text.slice(to, to + 4).replace(/^\n/, ''))) to = sentenceEnd(text, to + 1, block.end);
      const next = groups[g + 1]?.[0];
      if (next) {
        const nextFrom = clauseStart(text, next.start, block.start);
        to = Math.min(to, nextFrom > tail.end ? nextFrom : next.start);
      }
      for (const company of group) {
        if (!LEAD_WORD.test(text.slice(from, to).replace(company.value, '')) || leads.has(company.value)) continue;
        leads.set(company.value, leadFacts(text, ref, company, from, to, defaultStage));
      }
    });
  }
  return [...leads.values()];
}

function leadFacts(text: string, ref: RefDate, enterprise: Found<string>, from: number, to: number, defaultStage: LeadStage | undefined): LeadFacts {
  const lead: LeadFacts = { enterprise, scope: [from, to] };
  for (const m of matchesIn(text, INVESTMENT, from, to)) {
    const found = { value: toWan(m[1], m[2]), start: m.index, end: m.index + m[0].length };
    const phase = text.slice(Math.max(from, m.index - 2), m.index);
    if (phase === '一期') lead.phase1_investment_wan ??= found;
    else if (!/[二三四]期/.test(phase)) lead.planned_investment_wan ??= found;
  }
  lead.stage = stageOf(text, from, to) ?? (defaultStage ? { value: defaultStage, start: enterprise.start, end: enterprise.end } : undefined);
  const project = firstIn(text, /建设([^，,；;。]{2,30}?项目)/g, from, to) ?? firstIn(text, /建设([^，,；;。]{2,30}?(?:生产线|基地|产业园|工厂|中心))/g, from, to);
  if (project) lead.project_name = { value: project[1], start: project.index + 2, end: project.index + project[0].length };
  const dates = findEventDates(text, ref, from, to);
  lead.signed = dates.signed;
  lead.planned_start = dates.planned_start;
  lead.planned_production = dates.planned_production;
  for (const m of matchesIn(text, /[^，,；;。\n]+/g, from, to)) {
    if (!NEXT_STEP.test(m[0]) || /投产|开工/.test(m[0])) continue;
    lead.next_step = { value: m[0], start: m.index, end: m.index + m[0].length };
    const date = findDates(m[0])[0];
    if (date) lead.next_step_date = { value: resolveDate(date, ref, 'future'), start: m.index + date.start, end: m.index + date.end };
    break;
  }
  return lead;
}

function stageOf(text: string, from: number, to: number): Found<LeadStage> | undefined {
  for (const [stage, re] of STAGE_EVIDENCE) {
    for (const m of matchesIn(text, re, from, to)) {
      if (isPlanned(text, m.index, from)) continue;
      return { value: stage, start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}
