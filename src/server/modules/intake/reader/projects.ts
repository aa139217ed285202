import { projectStages, type IssueCategory, type ProjectStage } from '../../../../contract/intake.ts';
import type { RefDate } from './dates.ts';
import { findEnterprises } from './enterprises.ts';
import { findEventDates } from './events.ts';
import { findIssues } from './issues.ts';
import { MONEY_UNIT, NUM, toWan } from './numbers.ts';
import {
  clauseStart,
  firstIn,
  isPlanned,
  matchesIn,
  sentenceEnd,
  sentenceStart,
  type Block,
  type Found,
} from './text-tools.ts';

/** Facts of one project in normalised-text coordinates; read-text turns them into the contract shape. */
export interface ProjectFacts {
  name: Found<string>;
  scope: [number, number];
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
}

interface Mention {
  name: string;
  start: number;
  end: number;
  clauseStart: number;
  isHead: boolean;
  block: Block;
}

const NAME_BOUNDARY = /[，,。；;：:！？!?、“”"‘’（）()《》\n的|]/;
const NAME_PREFIX =
  /^(?:其中|另外|此外|同时|目前|当前|全力|加快|加速|推进|推动|抓好|抓紧|开工建设|建设|实施|引进|落地|新建|续建|扩建|签约|签订|谋划|储备|包括|以及|由|将|把|对|是|为|有)/;
/** A zone named in front of the project (`孝义经济技术开发区鹏飞氢能产业园项目`) is where it is, not its name. */
const ZONE_PREFIX = /^[\u4e00-\u9fa5]{2,8}?(?:经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区|综改示范区)/;
/** Words that show a "name" is really a sentence about projects in general. */
const NOT_A_NAME =
  /项目|\d{4}年|\d+月|关于|上半年|下半年|全年|今年|去年|明年|以来|共有|举行|召开|开展|坚持|实行|调度|情况|进展|汇报|工作|亿元|万元|拟|意向|对接|洽谈|考察|一批|各类|各个|所有|全部|\d+个|[一两二三四五六七八九十几多]个/;
const GENERIC = /重点|签约|开工|在建|投产|竣工|储备|招商|产业|新建|续建|集中|省级|市级|县级|省市|[省市县区大好该本此新类]|上述|其他|其余/g;

/** Project names: a clean run of text ending in 项目, not a generic phrase such as 38个省市重点项目. */
export function findMentions(text: string, blocks: Block[]): Mention[] {
  const mentions: Mention[] = [];
  for (const block of blocks) {
    if (block.isTable) continue;
    for (const m of matchesIn(text, /项目/g, block.start, block.end)) {
      const end = m.index + 2;
      let start = m.index;
      while (start > block.start && start > m.index - 45 && !NAME_BOUNDARY.test(text[start - 1])) start--;
      if (start < block.bodyStart) start = block.bodyStart;
      let name = text.slice(start, end);
      const zone = ZONE_PREFIX.exec(name);
      if (zone) {
        start += zone[0].length;
        name = name.slice(zone[0].length);
      }
      for (let p = NAME_PREFIX.exec(name); p && name.length - p[0].length > 2; p = NAME_PREFIX.exec(name)) {
        start += p[0].length;
        name = name.slice(p[0].length);
      }
      const core = name.slice(0, -2);
      if (core.length < 4 || NOT_A_NAME.test(core) || core.replace(GENERIC, '').length < 2) continue;
      const cStart = clauseStart(text, start, block.bodyStart);
      const isHead = start === block.bodyStart || (/[：:]/.test(text[end] ?? '') && (cStart === block.bodyStart || text[cStart - 1] === '\n'));
      mentions.push({ name, start, end, clauseStart: cStart, isHead, block });
    }
  }
  return mentions;
}

/** A numbered item longer than this is not about one project any more. */
const MAX_SCOPE = 1200;

/** Sentences that continue talking about the project just named. */
const ANAPHORA = /^(?:该项目|此项目|项目|一期|二期|三期|建成后|投产后|达产后|全部建成后|届时)/;

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

const money = (lead: string) => new RegExp(`${lead}(?:额)?(?:约|达|为|近|超|逾|共|合计)?(${NUM})(${MONEY_UNIT})`, 'g');
const TOTAL = money('(?:计划)?总投资');
const PHASE1 = money('一期(?:工程|项目)?(?:总)?投资');
const TO_DATE = money('(?:累计|已经?|开工以来)(?:完成)?(?:固定资产)?投资');
const OUTPUT = money('(?:年)?(?:产值|销售收入)');
const TAX = money('(?:年)?(?:税收|纳税|利税)');
const LAND = new RegExp(`(${NUM})亩(?!均)`, 'g');
const AREA = new RegExp(`(?:建筑面积|占地面积|用地面积|面积)(?:约|达|为)?(${NUM})(万)?(?:平方米|平米|㎡|m2|m²)`, 'g');
const CAPACITY = new RegExp(`(?:年产能?|产能)[\u4e00-\u9fa5]{0,6}?(?:约|达|为)?(${NUM})(万|亿|千)?(吨|台套|台|套|辆|件|片|只|颗|块|组|GWh|GW|MWh|MW|千瓦|立方米|平方米|米|条)`, 'g');
const PERCENT = new RegExp(`(?:完成|进度|达到|达)(?:约|了)?(${NUM})%`, 'g');

function firstMoney(text: string, re: RegExp, from: number, to: number): Found<number> | undefined {
  const m = firstIn(text, re, from, to);
  if (!m) return undefined;
  return { value: toWan(m[1], m[2]), start: m.index, end: m.index + m[0].length };
}

/** Evidence for each stage, most advanced first; a match inside a planned clause does not count. */
const STAGE_EVIDENCE: [ProjectStage, RegExp][] = [
  ['full_production', /已(?:经)?(?:全面)?达产|实现达产|达产达效/g],
  ['production', /已(?:于[^，,；;。]{2,12})?(?:建成|竣工)?投产|(?:正式|建成|竣工)投产(?!后)|投入生产|试生产/g],
  ['completed', /已(?:经)?竣工|竣工验收|全面建成|已建成投用|全部完工/g],
  ['construction', /封顶|正在(?:建设|施工)|加快建设|加紧建设|设备(?:安装|进场|调试)|累计完成投资|形象进度|在建|主体施工|钢结构/g],
  ['started', /开工(?!后|前|许可)|动工|开建/g],
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
 * A project listed right after a batch event (`12个项目集中开工…。其中，…项目`) is in that stage
 * even when its own clause only gives amounts.
 */
const BATCH_STAGES: Record<string, ProjectStage> = { 开工: 'started', 签约: 'signed', 投产: 'production', 竣工: 'completed' };

function batchStage(text: string, mention: Mention): Found<ProjectStage> | undefined {
  const sStart = sentenceStart(text, mention.clauseStart, mention.block.start);
  if (!text.startsWith('其中', sStart) || sStart === 0) return undefined;
  let prevEnd = sStart - 1;
  while (prevEnd > 0 && /[。！？!?\n]/.test(text[prevEnd - 1])) prevEnd--;
  const prevStart = sentenceStart(text, prevEnd, 0);
  const m = firstIn(text, /(?:集中|新)?(开工|签约|投产|竣工)/g, prevStart, sStart);
  if (!m || isPlanned(text, m.index, prevStart)) return undefined;
  const stage = BATCH_STAGES[m[1]];
  return { value: stage, start: m.index, end: m.index + m[0].length };
}

function factsInScope(text: string, ref: RefDate, from: number, to: number, facts: ProjectFacts, mention: Mention) {
  facts.total_investment_wan ??= firstMoney(text, TOTAL, from, to);
  facts.phase1_investment_wan ??= firstMoney(text, PHASE1, from, to);
  facts.invested_to_date_wan ??= firstMoney(text, TO_DATE, from, to);
  facts.output_value_wan ??= firstMoney(text, OUTPUT, from, to);
  facts.tax_wan ??= firstMoney(text, TAX, from, to);
  const land = firstIn(text, LAND, from, to);
  if (land) facts.land_mu ??= { value: Number(land[1].replace(/,/g, '')), start: land.index, end: land.index + land[0].length };
  const area = firstIn(text, AREA, from, to);
  if (area) {
    const value = area[2] ? toWan(area[1], '万元') * 10000 : Number(area[1].replace(/,/g, ''));
    facts.area_m2 ??= { value, start: area.index, end: area.index + area[0].length };
  }
  const cap = firstIn(text, CAPACITY, from, to);
  if (cap) facts.capacity ??= { value: { value: Number(cap[1].replace(/,/g, '')), unit: (cap[2] ?? '') + cap[3] }, start: cap.index, end: cap.index + cap[0].length };
  for (const p of matchesIn(text, PERCENT, from, to)) {
    const before = text.slice(clauseStart(text, p.index, from), p.index);
    if (/计划|年度|目标|占/.test(before)) continue;
    facts.percent_complete ??= { value: Number(p[1]), start: p.index, end: p.index + p[0].length };
  }
  const dates = findEventDates(text, ref, from, to);
  facts.started ??= dates.started;
  facts.planned_start ??= dates.planned_start;
  facts.planned_production ??= dates.planned_production;
  const issues = findIssues(text, from, to);
  for (const issue of issues) if (!facts.issues.some((i) => i.value.text === issue.value.text)) facts.issues.push(issue);
  const skip: [number, number][] = issues.map((i) => [i.start, i.end]);
  const stage = stageOf(text, from, to, skip, from) ?? batchStage(text, mention);
  if (stage && (!facts.stage || rank(stage.value) > rank(facts.stage.value))) facts.stage = stage;
  if (!facts.investor) {
    const company = findEnterprises(text, from, to)[0];
    if (company) facts.investor = company;
  }
}

const rank = (s: ProjectStage) => projectStages.indexOf(s);

/** Projects named in prose, each with the facts found in the text that speaks about it. */
export function readProjects(text: string, blocks: Block[], ref: RefDate): ProjectFacts[] {
  const mentions = findMentions(text, blocks);
  const byName = new Map<string, ProjectFacts>();
  mentions.forEach((mention, i) => {
    const key = mention.name.replace(/\s+/g, '');
    const scope = scopeOf(text, mention, mentions[i + 1]);
    let facts = byName.get(key);
    if (!facts) {
      facts = { name: { value: mention.name, start: mention.start, end: mention.end }, scope, issues: [] };
      byName.set(key, facts);
    }
    factsInScope(text, ref, scope[0], scope[1], facts, mention);
    facts.scope = [Math.min(facts.scope[0], scope[0]), Math.max(facts.scope[1], scope[1])];
  });
  return [...byName.values()];
}
