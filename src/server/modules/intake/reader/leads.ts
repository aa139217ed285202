import type { IntakeInexact, LeadStage } from '../../../../contract/intake.ts';
import { findAmounts, isExactCny } from './amounts.ts';
import type { RefDate } from './dates.ts';
import { findDates, resolveDate } from './dates.ts';
import { findEnterprises } from './enterprises.ts';
import { findEventDates } from './events.ts';
import type { LeadMention } from './projects.ts';
import { LIST_MARKER } from './normalise.ts';
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
  inexact?: Found<Omit<IntakeInexact, 'span'>>[];
}

const LEAD_WORD = /拟|有意向|意向|洽谈|考察|框架|签约|签订|签署|落户|入驻|来访|对接|投资|增资|线索/;
const ANAPHORA = /^(?:该企业|该公司|企业|双方|公司|一期|二期)/;
const STAGE_EVIDENCE: [LeadStage, RegExp][] = [
  ['registered', /已(?:在[^，,；;。]{1,8})?(?:完成)?注册|注册成立|完成注册|注册落地|落地注册/g],
  ['signed', /正式签约|签(?:订|署)了?(?:正式)?(?:投资|入园|项目|增资)(?:合作)?(?:协议|合同)/g],
  ['framework', /框架/g],
  ['intent', /意向/g],
  ['contact', /洽谈|接洽|对接|考察|拜访|走访|来访|会见|会商|谈判/g],
];
/** The stage a ledger writes in a labelled field (`进展阶段：签约`) or a section heading names (`（五）本周新增线索`). */
const STAGE_WORDS: [LeadStage, RegExp][] = [
  ['registered', /落地|注册/],
  ['signed', /签约|投资协议/],
  ['framework', /框架/],
  ['intent', /意向/],
  ['contact', /洽谈|接洽|对接/],
  ['prospect', /线索/],
];
const STAGE_LABEL = /(?:进展阶段|所处阶段|当前阶段|项目阶段|阶段)[：:]\s*([^，,；;。（(\n]{1,8})/g;
const NEXT_STEP = /将于|拟于|下一步|近期将|双方将|下步计划|(?:计划|拟|将).{0,10}(?:考察|洽谈|来访|回访|对接|商谈|谈判)/;

const wordStage = (w: string) => STAGE_WORDS.find(([, re]) => re.test(w))?.[0];

/** The stage the nearest section heading before `pos` names (`（三）意向项目（3个）`), if any. */
function sectionStage(text: string, blocks: Block[], pos: number): LeadStage | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.start > pos) continue;
    const line = text.slice(b.start, Math.min(b.end, b.start + 30));
    const heading = /^[（(][一二三四五六七八九十]{1,3}[)）]([^。，,；;]{2,16}?)(?:[（(]\d+[个条家项][)）])?(?=$|\d|[\u4e00-\u9fa5]{0,2}\d+\.)/.exec(line);
    if (heading && b.start < pos) return wordStage(heading[1]);
  }
  return undefined;
}

/**
 * Leads: enterprises named in prose outside any project's text, in a sentence about investing,
 * negotiating or signing, and enterprises heading a ledger item (`1.A公司——B项目`). `defaultStage` is
 * what the report's headline counts imply for a lead whose own words name no stage.
 */
export function readLeads(
  text: string,
  blocks: Block[],
  ref: RefDate,
  projectScopes: [number, number][],
  defaultStage: LeadStage | undefined,
  leadMentions: LeadMention[] = [],
): LeadFacts[] {
  const leads = new Map<string, LeadFacts & { head?: boolean }>();
  for (const block of blocks) {
    if (block.isTable) continue;
    const companies = findEnterprises(text, block.start, block.end).filter((c) => !projectScopes.some(([s, e]) => c.start >= s && c.start < e));
    // A ledger item headed by an enterprise is about that enterprise only.
    const headed = companies[0] && companies[0].start <= block.bodyStart + 1 && block.bodyStart > block.start ? [companies[0]] : [];
    for (let i = 1; headed.length && i < companies.length && /^[、和与及]$/.test(text.slice(companies[i - 1].end, companies[i].start)); i++) headed.push(companies[i]);
    if (headed.length) {
      for (const company of headed) {
        const lead = leadFacts(text, ref, company, block.bodyStart, block.end, leadMentions);
        const own = ownStage(text, block.bodyStart, block.end);
        lead.stage = own ?? sectionFound(text, blocks, block, company) ?? lead.stage;
        merge(leads, lead, true);
      }
      continue;
    }
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
        if (!LEAD_WORD.test(text.slice(from, to).replace(company.value, ''))) continue;
        const lead = leadFacts(text, ref, company, from, to, leadMentions);
        lead.stage ??= sectionFound(text, blocks, block, company);
        merge(leads, lead, false);
      }
    });
  }
  for (const lead of leads.values()) if (!lead.stage && defaultStage) lead.stage = { value: defaultStage, start: lead.enterprise.start, end: lead.enterprise.end };
  // Signed at the event the article opens with (`8月12日，…招商推介会在深圳举行`): that event's date.
  const opening = blocks.length ? eventDate(text, ref, blocks[0].areaStart) : undefined;
  for (const lead of leads.values())
    if (opening && !lead.signed && (lead.stage?.value === 'framework' || lead.stage?.value === 'signed') && !lead.head) lead.signed = opening;
  return [...leads.values()].map(({ head: _head, ...l }) => l);
}

function eventDate(text: string, ref: RefDate, from: number): Found<string> | undefined {
  const m = /^(?:[\u4e00-\u9fa5]{0,8}讯)?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(text.slice(from, from + 24));
  if (!m || !/签约|签订|签署|推介会|洽谈会|仪式|招商会/.test(text.slice(from, sentenceEnd(text, from, from + 300)))) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let year = m[1] ? Number(m[1]) : ref.year;
  if (!m[1] && month * 100 + day > ref.month * 100 + ref.day) year -= 1;
  return { value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, start: from + m.index, end: from + m[0].length };
}

function sectionFound(text: string, blocks: Block[], block: Block, company: Found<string>): Found<LeadStage> | undefined {
  const s = sectionStage(text, blocks, block.start);
  return s ? { value: s, start: company.start, end: company.end } : undefined;
}

/** A later mention of the same enterprise fills what the first lacked; a ledger item's stage wins over prose. */
function merge(leads: Map<string, LeadFacts & { head?: boolean }>, lead: LeadFacts, head: boolean) {
  const key = lead.enterprise.value;
  const old = leads.get(key);
  if (!old) {
    leads.set(key, { ...lead, head });
    return;
  }
  const stageFromNew = head && !old.head && lead.stage;
  for (const [k, v] of Object.entries(lead)) {
    if (k === 'enterprise' || k === 'scope' || v === undefined) continue;
    const rec = old as unknown as Record<string, unknown>;
    if (rec[k] === undefined || (k === 'stage' && stageFromNew)) rec[k] = v;
  }
  old.head ||= head;
  old.scope = [Math.min(old.scope[0], lead.scope[0]), Math.max(old.scope[1], lead.scope[1])];
}

function ownStage(text: string, from: number, to: number): Found<LeadStage> | undefined {
  const label = firstIn(text, STAGE_LABEL, from, to);
  if (label) {
    const s = wordStage(label[1]);
    if (s) return { value: s, start: label.index, end: label.index + label[0].length };
  }
  return undefined;
}

const INVEST_LABEL = /(?:拟|计划|意向|有意向)?(?:投资|增资)(?:额|金额)?[：:]?(?:约|达|为|近|超|逾)*$/;

function leadFacts(text: string, ref: RefDate, enterprise: Found<string>, from: number, to: number, leadMentions: LeadMention[]): LeadFacts {
  const lead: LeadFacts = { enterprise, scope: [from, to] };
  for (const a of findAmounts(text, from, to)) {
    const before = text.slice(Math.max(from, a.start - 12), a.start);
    const phase1 = /一期(?:投资)?(?:约|为)?[（(]?$|一期[^，,；;。]{0,4}投资(?:约|为)?$/.test(before) || /[（(]一期$/.test(before);
    if (/[二三四]期/.test(before.slice(-4))) continue;
    if (!phase1 && !INVEST_LABEL.test(before)) continue;
    const field = phase1 ? 'phase1_investment_wan' : 'planned_investment_wan';
    if (isExactCny(a)) lead[field] ??= { value: a.wan, start: a.start, end: a.end };
    else {
      lead.inexact ??= [];
      lead.inexact.push({
        value: { field, written: a.written, kind: a.qualifier ?? 'approx', value: a.wan, ...(a.max !== undefined ? { max: a.max } : {}), unit: a.currency === 'USD' ? '万美元' : '万元' },
        start: a.start,
        end: a.end,
      });
    }
  }
  lead.stage = ownStage(text, from, to) ?? stageOf(text, from, to);
  const named = leadMentions.find((m) => m.name.start >= enterprise.start && m.name.start < to && (!m.enterprise || m.enterprise.value === enterprise.value));
  if (named) lead.project_name = named.name;
  else {
    const project = firstIn(text, /建设([^，,；;。]{2,30}?项目)/g, from, to) ?? firstIn(text, /建设([^，,；;。]{2,30}?(?:生产线|基地|产业园|工厂|中心))/g, from, to);
    if (project) lead.project_name = { value: project[1], start: project.index + 2, end: project.index + project[0].length };
  }
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

void LIST_MARKER;
