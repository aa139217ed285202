import { projectStages, type IntakeInexact, type IssueCategory, type ProjectStage } from '../../../../contract/intake.ts';
import { findAmounts, isExactCny, parseNumber, type Amount } from './amounts.ts';
import type { RefDate } from './dates.ts';
import { COMPANY_AT_END, findEnterprises } from './enterprises.ts';
import { findEventDates } from './events.ts';
import { findIssues } from './issues.ts';
import { NUM } from './numbers.ts';
import { clauseStart, firstIn, isPlanned, matchesIn, sentenceEnd, sentenceStart, type Block, type Found } from './text-tools.ts';

/** Facts of one project in normalised-text coordinates; read-text turns them into the contract shape. */
export interface ProjectFacts {
  name: Found<string>;
  scope: [number, number];
  /** Every stretch of text that speaks of it (a later mention adds one); `scope` is the first. */
  ranges?: [number, number][];
  investor?: Found<string>;
  total_investment_wan?: Found<number>;
  phase1_investment_wan?: Found<number>;
  invested_to_date_wan?: Found<number>;
  output_value_wan?: Found<number>;
  tax_wan?: Found<number>;
  land_mu?: Found<number>;
  area_m2?: Found<number>;
  capacity?: Found<{ value: number; unit: string }>;
  percent_complete?: Found<number>;
  started?: Found<string>;
  planned_start?: Found<string>;
  planned_production?: Found<string>;
  stage?: Found<ProjectStage>;
  issues: Found<{ text: string; category: IssueCategory }>[];
  inexact?: Found<Omit<IntakeInexact, 'span'>>[];
  /** Whether the text gives evidence that this is a real project (an amount, capacity, land, a list head, a table row). */
  evidence?: boolean;
}

export interface Mention {
  name: string;
  start: number;
  end: number;
  /** Where the text that may speak of this project before its name starts (`总投资40亿元的` belongs to it). */
  clauseStart: number;
  isHead: boolean;
  block: Block;
}

/** A project an enterprise intends to build (`A公司…拟投资5亿元建设B项目`): a lead's project, not a project. */
export interface LeadMention {
  enterprise?: Found<string>;
  name: Found<string>;
}

const NAME_BOUNDARY = /[，,。；;：:！？!?、“”"‘’（）()《》\n的|—]/;
const NAME_PREFIX =
  /^(?:其中|另外|此外|同时|目前|当前|另据了解|全力|加快|加速|推进|推动|抓好|抓紧|开工建设|投资建设|建设|实施|引进|落地|新建|续建|扩建|签约|签订|谋划|储备|包括|以及|还有|即|由|将|把|对|是|为|有|在|与|和|及|等)/;
/** A zone's official full name in front of a project (`孝义经济技术开发区鹏飞氢能产业园项目`) says where it is; a short one (`长治高新区创新创业孵化基地项目`) is part of the name. */
const ZONE_PREFIX = /^[\u4e00-\u9fa5]{2,8}?(?:经济技术开发区|高新技术产业开发区|经济开发区|综改示范区|综合改革示范区)/;
const SHORT_ZONE = /^[\u4e00-\u9fa5]{2,4}?(?:经开区|高新区|开发区|综改区|新区|园区)/;
/** Verbs that show the text before them is a sentence, not a name: `及时协调解决智达…基地项目` names 智达…基地项目. */
const VERB = /(?:解决|推进|推动|谋划|申报|带着|跟进|协调|做好|实施|覆盖|帮助|组织|办理|抓好|抓紧|加快|确保|建立|列入|纳入|用于|开展|围绕|聚焦|打造|引进|争取|落实|对照|参加|举办|召开|跑出|实行|坚持|作为|看看|关心|包括)/g;
/** Words that show a "name" is really a sentence about projects in general. */
const NOT_A_NAME = /项目|问题|[一二三四五]是|完成|实现|正在|^已|^均|^共|\d{4}年|\d+月|关于|上半年|下半年|全年|今年|去年|明年|以来|共有|举行|开展|调度|情况|进展|汇报|工作|亿元|万元|拟|意向|洽谈|考察|一批|各类|各级|各个|所有|全部|每个|\d+个|[一两二三四五六七八九十几多]个|亿级|千亿|百亿|产业集群|资金|清单|台账|储备库|攻坚|活动|行动|会战|机制|全生命周期|我们|大家/;
const GENERIC =
  /重点|重大|签约|开工|在建|投产|竣工|储备|招商|引资|产业|新建|续建|集中|省级以上|省级|市级|县级|省市|上级|全省|全市|全区|我区|该区|本区|部分|现场|新注册|注册|落地|框架|协议|累计|已|及|和|与|跟进|本周|上述|其他|其余|[省市县区大好该本此新类等各]/g;
/** A name may not end in a word that joins it to more text. */
const BAD_END = /[和及与的等各类了在对把将]$/;

function cleanName(text: string, start: number, end: number, floor: number): { name: string; start: number } | undefined {
  let s = start;
  let name = text.slice(s, end);
  let verb: RegExpExecArray | undefined;
  for (const m of name.slice(0, -2).matchAll(VERB)) verb = m as RegExpExecArray;
  if (verb) {
    s += verb.index + verb[0].length;
    name = name.slice(verb.index + verb[0].length);
  }
  const zone = ZONE_PREFIX.exec(name);
  if (zone) {
    s += zone[0].length;
    name = name.slice(zone[0].length);
  }
  for (let p = NAME_PREFIX.exec(name); p && name.length - p[0].length > 2; p = NAME_PREFIX.exec(name)) {
    s += p[0].length;
    name = name.slice(p[0].length);
  }
  if (s < floor) return undefined;
  const core = name.slice(0, -2);
  const own = core.replace(SHORT_ZONE, '');
  if (core.length < 3 || NOT_A_NAME.test(core) || BAD_END.test(core) || own.replace(GENERIC, '').length < 2) return undefined;
  return { name, start: s };
}

/** Project names: a clean run of text ending in 项目, not a generic phrase such as 38个省市重点项目. */
export function findMentions(text: string, blocks: Block[], leadMentions: LeadMention[]): Mention[] {
  const mentions: Mention[] = [];
  for (const block of blocks) {
    if (block.isTable) continue;
    for (const m of matchesIn(text, /项目/g, block.start, block.end)) {
      const end = m.index + 2;
      let start = m.index;
      while (start > block.start && start > m.index - 45 && !NAME_BOUNDARY.test(text[start - 1])) start--;
      if (start < block.bodyStart) start = block.bodyStart;
      // `A公司年产5000吨…项目` and `A公司——B项目`: an enterprise's intended project (a lead).
      const raw = text.slice(start, end);
      const company = COMPANY_AT_END.exec(text.slice(Math.max(block.bodyStart, start - 40), start).replace(/[—-]+$/, ''));
      const own = findEnterprises(raw, 0, raw.length)[0];
      const built = raw.lastIndexOf('建设');
      if (own && own.start <= 2 && own.end < raw.length - 4) {
        let nameStart = start + own.end;
        if (built > own.end - 1) nameStart = start + built + 2;
        if (end - nameStart > 3 && !/亿元|万元|投资/.test(text.slice(nameStart, end)))
          leadMentions.push({ enterprise: { value: own.value, start: start + own.start, end: start + own.end }, name: { value: text.slice(nameStart, end), start: nameStart, end } });
        continue;
      }
      if (built >= 0 && end - (start + built + 2) > 3) {
        const nameStart = start + built + 2;
        const probe: Mention = { name: text.slice(nameStart, end), start: nameStart, end, clauseStart: clauseStart(text, nameStart, block.bodyStart), isHead: false, block };
        if (ownedByLead(text, probe)) {
          leadMentions.push({ name: { value: probe.name, start: nameStart, end } });
          continue;
        }
      }
      if (company && /[—-]$/.test(text.slice(Math.max(block.bodyStart, start - 2), start))) {
        leadMentions.push({ name: { value: raw, start, end } });
        continue;
      }
      const clean = cleanName(text, start, end, block.bodyStart);
      if (!clean) continue;
      start = clean.start;
      const name = clean.name;
      const cStart = clauseStart(text, start, block.bodyStart);
      const isHead = start === block.bodyStart || (/[：:]/.test(text[end] ?? '') && (cStart === block.bodyStart || text[cStart - 1] === '\n'));
      const mention = { name, start, end, clauseStart: cStart, isHead, block };
      if (!isHead && ownedByLead(text, mention)) {
        leadMentions.push({ name: { value: name, start, end } });
        continue;
      }
      const prev = mentions[mentions.length - 1];
      if (prev && prev.block === block && prev.end > mention.clauseStart) mention.clauseStart = prev.end;
      mentions.push(mention);
    }
  }
  return mentions;
}

/** `A公司与我区签订投资协议，拟投资5亿元建设B项目`: the enterprise leads the sentence and B is what it would build. */
function ownedByLead(text: string, m: Mention): boolean {
  if (!/建设$|建$|投资$/.test(text.slice(Math.max(m.clauseStart, m.start - 2), m.start))) return false;
  const sStart = sentenceStart(text, m.start, m.block.bodyStart);
  const companies = findEnterprises(text, sStart, m.start);
  const c = companies[companies.length - 1];
  if (!c) return false;
  const before = text.slice(clauseStart(text, c.start, sStart), c.start);
  if (/由|为$|投资方|建设单位/.test(before)) return false;
  return /^(?:与|和|同|签|有意|达成|拟|计划|将|已|正式|于|在|投资|增资)/.test(text.slice(c.end, c.end + 3));
}

/** A numbered item longer than this is not about one project any more. */
const MAX_SCOPE = 1200;

/** Sentences that continue talking about the project just named. */
const ANAPHORA = /^(?:(?:目前|现在|当前|截至目前|同时|此外)[，,]?)?(?:该项目|此项目|项目|一期|二期|三期|建成后|投产后|达产后|全部建成后|届时)/;

function scopeOf(text: string, mention: Mention, next: Mention | undefined): [number, number] {
  const { block } = mention;
  let end: number;
  if (mention.isHead) end = block.end;
  else {
    end = sentenceEnd(text, mention.end, block.end);
    while (end < block.end && ANAPHORA.test(text.slice(end, end + 6).replace(/^\n/, ''))) end = sentenceEnd(text, end + 1, block.end);
  }
  if (next && next.block === block) {
    const cap = next.clauseStart >= mention.end ? next.clauseStart : next.start;
    end = Math.min(end, cap);
  }
  return [mention.clauseStart, Math.min(end, mention.end + MAX_SCOPE)];
}

type MoneyField = 'total_investment_wan' | 'phase1_investment_wan' | 'invested_to_date_wan' | 'output_value_wan' | 'tax_wan';
const FILLER = '(?:约合人民币|约合|约|达到?|为|共|计|仅|已经?|完成|实现|可达到?|可实现|将达|预计|计划|近|超|逾|年)*';
const LABELS: [MoneyField | 'skip', RegExp][] = [
  ['skip', new RegExp(`一期(?:工程|项目)?(?:已|累计)(?:完成)?投资${FILLER}$`)],
  ['phase1_investment_wan', new RegExp(`一期(?:工程|项目)?(?:总)?投(?:资)?(?:额)?${FILLER}$`)],
  ['skip', new RegExp(`[二三四]期(?:工程|项目)?(?:总)?投资(?:额)?${FILLER}$`)],
  ['invested_to_date_wan', new RegExp(`(?:累计|已经?|开工以来)(?:完成)?(?:固定资产)?投资(?:额)?${FILLER}$`)],
  ['total_investment_wan', new RegExp(`(?:计划)?(?:总投资|投资总额|总投资额|签约金额|签约额)${FILLER}$`)],
  ['output_value_wan', new RegExp(`(?:产值|销售收入|营业收入|营收)${FILLER}$`)],
  ['tax_wan', new RegExp(`(?:税收|纳税|利税|税金)${FILLER}$`)],
  ['total_investment_wan', new RegExp(`(?:由[^，,；;。]{2,30}?|[^总])(?:计划|拟)?投资(?:额)?${FILLER}$`)],
];

/** Which field an amount fills, by the words right before it in its clause (`总投资`, `一期投资`, `年产值可达`). */
export function moneyField(text: string, a: Amount, floor: number): MoneyField | undefined {
  const from = Math.max(clauseStart(text, a.start, floor), a.start - 30);
  const before = text.slice(from, a.start);
  for (const [field, re] of LABELS) if (re.test(before)) return field === 'skip' ? undefined : field;
  return undefined;
}

const LAND = new RegExp(`(?:占地|用地|供地|标准地|土地)(?:面积)?(?:约|达|为)?(${NUM})亩(?!均)`, 'g');
const AREA = new RegExp(`(?:建筑面积|占地面积|用地面积|面积)(?:约|达|为)?(${NUM})(万)?(?:平方米|平米|㎡|m2|m²)`, 'g');
const CAPACITY = new RegExp(
  `(?:年产能?|产能|年处理|年消纳)[\u4e00-\u9fa5]{0,6}?(?:约|达|为)?(${NUM}|[一二两三四五六七八九十百千]+)(万|亿|千)?(吨|台套|台|套|辆|件|片|只|颗|块|组|GWh|GW|MWh|MW|千瓦|立方米|平方米|米|条)|(${NUM})(GWh|GW|MWh|MW)`,
  'g',
);
const PERCENT = new RegExp(`(?:总工程量|工程量|形象进度|工程进度|建设进度)(?:的|已?达到?|为|完成)?(?:约)?(${NUM}|百分之[一二三四五六七八九十点零〇]+)%?`, 'g');

const DONE_PERCENT = new RegExp(`完成(?:约)?(${NUM})%`, 'g');

function percentValue(w: string): number {
  if (!w.startsWith('百分之')) return Number(w);
  const [i, f] = w.slice(3).split('点');
  const int = parseNumber(i);
  const frac = f ? [...f].map((c) => String(parseNumber(c))).join('') : '';
  return Number(frac ? `${int}.${frac}` : String(int));
}

/** Evidence for each stage, most advanced first; a match inside a planned clause does not count. */
const STAGE_EVIDENCE: [ProjectStage, RegExp][] = [
  ['full_production', /已(?:经)?(?:全面)?达产|实现达产|达产达效|全面达产/g],
  ['production', /已(?:于[^，,；;。]{2,12})?(?:建成|竣工)?投产|(?:正式|建成|竣工|全面)投产(?!后)|投入生产|试生产|满负荷/g],
  ['completed', /已(?:经)?竣工|竣工验收|全面建成|已建成投用|全部完工/g],
  [
    'construction',
    /封顶|正在(?:建设|施工|进行|吊装)|加快建设|加紧建设|设备(?:安装|进场|调试)|调试阶段|累计完成投资|已完成投资|形象进度|在建|(?:主体|基础)(?:施工|完工)|钢结构|总工程量|土建|铺设已完成|主体完工/g,
  ],
  ['started', /开工(?!后|前|许可|率|现场)|动工|开建|破土/g],
  ['approval', /正在办理|办理.{0,10}(?:手续|许可证?|审批)|审批中|施工许可|规划许可|环评/g],
  ['land', /摘牌|供地|取得(?:土地|不动产权)|土地证|不动产权证|土地出让/g],
  ['signed', /签(?:订|署)(?:了)?.{0,6}(?:协议|合同)|签约/g],
  ['planning', /谋划|储备/g],
];

function stageOf(text: string, from: number, to: number, skip: [number, number][], floor: number): Found<ProjectStage> | undefined {
  for (const [stage, re] of STAGE_EVIDENCE) {
    for (const m of matchesIn(text, re, from, to)) {
      if (skip.some(([s, e]) => m.index >= s && m.index < e)) continue;
      if (isPlanned(text, m.index, floor)) continue;
      return { value: stage, start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

/**
 * A project listed after a batch event (`集中开工项目8个…。其中，…项目` or `开工项目中，…`) is in that
 * stage even when its own clause only gives amounts.
 */
const BATCH_STAGES: Record<string, ProjectStage> = { 开工: 'started', 签约: 'signed', 投产: 'production', 竣工: 'completed' };

function batchStage(text: string, mention: Mention): Found<ProjectStage> | undefined {
  const sStart = sentenceStart(text, mention.clauseStart, mention.block.start);
  const own = /^(开工|签约|投产|竣工)项目中/.exec(text.slice(sStart, sStart + 6));
  if (own) return { value: BATCH_STAGES[own[1]], start: sStart, end: sStart + own[0].length };
  const inSentence = /(开工|签约|投产|竣工)项目中[，,]/.exec(text.slice(sStart, mention.start));
  if (inSentence) return { value: BATCH_STAGES[inSentence[1]], start: sStart + inSentence.index, end: sStart + inSentence.index + inSentence[0].length };
  if (!text.startsWith('其中', sStart) || sStart <= mention.block.areaStart) return undefined;
  let prevEnd = sStart - 1;
  while (prevEnd > 0 && /[。！？!?\n]/.test(text[prevEnd - 1])) prevEnd--;
  const prevStart = sentenceStart(text, prevEnd, mention.block.areaStart);
  const m = firstIn(text, /集中(开工|签约|投产|竣工)/g, prevStart, sStart) ?? firstIn(text, /(?:新)?(开工|签约|投产|竣工)/g, prevStart, sStart);
  if (!m || isPlanned(text, m.index, prevStart)) return undefined;
  return { value: BATCH_STAGES[m[1]], start: m.index, end: m.index + m[0].length };
}

/**
 * When a project's start is told without a date of its own (`8月10日，总投资…的X项目破土动工`, or one of
 * the batch of `8月18日，…集中开工活动举行`), the date opening its sentence, else the one opening its article.
 */
function openingDate(text: string, ref: RefDate, mention: Mention): Found<string> | undefined {
  const own = sentenceStart(text, mention.clauseStart, mention.block.areaStart);
  const candidates = [own, mention.block.areaStart];
  for (const from of candidates) {
    const head = text.slice(from, from + 24);
    const m = /^(?:[\u4e00-\u9fa5]{0,8}讯)?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/.exec(head);
    if (!m) continue;
    if (from === mention.block.areaStart && from !== own && !/开工|动工/.test(text.slice(from, sentenceEnd(text, from, from + 300)))) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    let year = m[1] ? Number(m[1]) : ref.year;
    if (!m[1] && month * 100 + day > ref.month * 100 + ref.day) year -= 1;
    return { value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, start: from + m.index, end: from + m[0].length };
  }
  return undefined;
}

const KIND_OF: Record<string, IntakeInexact['kind']> = { approx: 'approx', range: 'range', bound: 'bound', target: 'target', foreign: 'foreign' };

function factsInScope(text: string, ref: RefDate, from: number, to: number, facts: ProjectFacts, mention: Mention) {
  for (const a of findAmounts(text, from, to)) {
    const field = moneyField(text, a, from);
    if (!field) continue;
    facts.evidence = true;
    if (isExactCny(a)) {
      if (!facts[field]) facts[field] = { value: a.wan, start: a.start, end: a.end };
    } else {
      facts.inexact ??= [];
      if (!facts.inexact.some((i) => i.start === a.start))
        facts.inexact.push({
          value: { field, written: a.written, kind: KIND_OF[a.qualifier ?? 'approx'], value: a.wan, ...(a.max !== undefined ? { max: a.max } : {}), unit: a.currency === 'USD' ? '万美元' : '万元' },
          start: a.start,
          end: a.end,
        });
    }
  }
  const land = firstIn(text, LAND, from, to);
  if (land && !/约|余/.test(land[0])) facts.land_mu ??= { value: Number(land[1].replace(/,/g, '')), start: land.index, end: land.index + land[0].length };
  const area = firstIn(text, AREA, from, to);
  if (area) {
    const value = area[2] ? Math.round(Number(area[1].replace(/,/g, '')) * 10000) : Number(area[1].replace(/,/g, ''));
    facts.area_m2 ??= { value, start: area.index, end: area.index + area[0].length };
  }
  // Capacity is read from the name first (`年产3万吨…项目`), then from the text.
  const cap = firstIn(text, CAPACITY, facts.name.start, facts.name.end) ?? firstIn(text, CAPACITY, from, to);
  if (cap) {
    const num = cap[1] ?? cap[4];
    const value = /^\d/.test(num) ? Number(num.replace(/,/g, '')) : parseNumber(num);
    facts.capacity ??= { value: { value, unit: cap[1] ? (cap[2] ?? '') + cap[3] : cap[5] }, start: cap.index, end: cap.index + cap[0].length };
  }
  for (const p of [...matchesIn(text, PERCENT, from, to), ...matchesIn(text, DONE_PERCENT, from, to)]) {
    if (isPlanned(text, p.index, from)) continue;
    if (p[0].startsWith('完成') && /计划|年度|目标|占|率|比|增长|序时/.test(text.slice(clauseStart(text, p.index, from), p.index))) continue;
    facts.percent_complete ??= { value: percentValue(p[1]), start: p.index, end: p.index + p[0].length };
  }
  const dates = findEventDates(text, ref, from, to);
  facts.started ??= dates.started;
  facts.planned_start ??= dates.planned_start;
  facts.planned_production ??= dates.planned_production;
  const issues = findIssues(text, from, to);
  for (const issue of issues) if (!facts.issues.some((i) => i.value.text === issue.value.text)) facts.issues.push(issue);
  const skip: [number, number][] = issues.map((i) => [i.start, i.end]);
  const stage = stageOf(text, from, to, skip, from);
  const batch = batchStage(text, mention);
  const best = stage && batch ? (rank(stage.value) >= rank(batch.value) ? stage : batch) : (stage ?? batch);
  if (best && (!facts.stage || rank(best.value) > rank(facts.stage.value))) facts.stage = best;
  if (facts.stage?.value === 'started' && !facts.started) facts.started = openingDate(text, ref, mention);
  if (!facts.investor) {
    const company = findEnterprises(text, from, to)[0];
    if (company) facts.investor = company;
  }
  if (facts.capacity || facts.land_mu || facts.investor || mention.isHead) facts.evidence = true;
}

const rank = (s: ProjectStage) => projectStages.indexOf(s);
const squash = (s: string) => s.replace(/\s+/g, '');
const core = (s: string) => squash(s).replace(/项目$/, '');

/** Projects named in prose, each with the facts found in the text that speaks about it. */
export function readProjects(text: string, blocks: Block[], ref: RefDate, leadMentions: LeadMention[] = []): ProjectFacts[] {
  const mentions = findMentions(text, blocks, leadMentions);
  const byName = new Map<string, ProjectFacts>();
  mentions.forEach((mention, i) => {
    const key = squash(mention.name);
    const scope = scopeOf(text, mention, mentions[i + 1]);
    let facts = byName.get(key);
    if (!facts) {
      facts = { name: { value: mention.name, start: mention.start, end: mention.end }, scope, issues: [] };
      byName.set(key, facts);
    }
    factsInScope(text, ref, scope[0], scope[1], facts, mention);
    facts.ranges = [...(facts.ranges ?? []), scope];
  });
  // `总投资40亿元的A项目、总投资5亿元的B项目同日开工`: projects listed together share the stage told after the last.
  for (let i = 0; i < mentions.length - 1; i++) {
    let j = i;
    while (j + 1 < mentions.length && mentions[j + 1].block === mentions[j].block && /^[、和及与]$/.test(text.slice(mentions[j].end, mentions[j].end + 1)) && mentions[j + 1].clauseStart <= mentions[j].end + 1) j++;
    if (j === i) continue;
    const last = byName.get(squash(mentions[j].name));
    for (let k = i; k < j && last?.stage; k++) {
      const facts = byName.get(squash(mentions[k].name));
      if (facts && !facts.stage) facts.stage = last.stage;
    }
    i = j;
  }
  return [...byName.values()];
}

const FIELDS = [
  'investor',
  'total_investment_wan',
  'phase1_investment_wan',
  'invested_to_date_wan',
  'output_value_wan',
  'tax_wan',
  'land_mu',
  'area_m2',
  'capacity',
  'percent_complete',
  'started',
  'planned_start',
  'planned_production',
] as const;

/**
 * One project per thing: a short mention (`晟光光电项目`, a caption, `标准化厂房二期项目`) whose name lies
 * inside a longer one is the same project; facts the longer one lacks are taken from it. Then only
 * projects with evidence (an amount, capacity, land, an investor, a list head, a table row) are kept.
 */
export function mergeProjects(list: ProjectFacts[]): ProjectFacts[] {
  const sorted = [...list].sort((a, b) => core(b.name.value).length - core(a.name.value).length);
  const kept: ProjectFacts[] = [];
  for (const p of sorted) {
    const c = core(p.name.value);
    const into = kept.find((k) => core(k.name.value) === c || (c.length >= 4 && core(k.name.value).includes(c)));
    if (!into) {
      kept.push(p);
      continue;
    }
    for (const f of FIELDS) if (!into[f] && p[f]) (into as unknown as Record<string, unknown>)[f] = p[f];
    if (p.stage && (!into.stage || rank(p.stage.value) > rank(into.stage.value))) into.stage = p.stage;
    for (const i of p.issues) if (!into.issues.some((x) => x.value.text === i.value.text)) into.issues.push(i);
    if (p.inexact) into.inexact = [...(into.inexact ?? []), ...p.inexact.filter((i) => !into.inexact?.some((x) => x.start === i.start))];
    into.evidence ||= p.evidence;
    into.ranges = [...(into.ranges ?? [into.scope]), ...(p.ranges ?? [p.scope])];
  }
  return kept.filter((p) => p.evidence).sort((a, b) => a.name.start - b.name.start);
}
