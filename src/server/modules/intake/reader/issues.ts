import type { IssueCategory } from '../../../../contract/intake.ts';
import { matchesIn, type Found } from './text-tools.ts';

/**
 * Keywords per category, most specific first: a utility line that awaits approval (`110kV专线尚未批复`)
 * is a utilities issue, so utilities, land, environment and planning win over the generic approvals.
 */
const CATEGORY_KEYWORDS: [IssueCategory, RegExp][] = [
  ['水电路气讯', /供电|电力|专线|[kK][vV]|变电|用电|电网|供水|用水|管网|道路|修路|燃气|天然气|通讯|通信|网络|供热|蒸汽|水电|配套设施/],
  ['环评', /环评|环保|环境影响|能评|排放|排污|安评/],
  ['土地', /土地|用地|征地|拆迁|征收|地块|摘牌|林地|农用地|指标/],
  ['规划', /规划|控规|调规|容积率|设计方案/],
  ['资金', /资金|融资|贷款|到位|垫资|拨付/],
  ['用工', /用工|招工|工人|人才|技工|招聘/],
  ['审批', /审批|批复|许可|手续|备案|核准|验收|办证/],
];

export function categorise(text: string): IssueCategory {
  for (const [category, re] of CATEGORY_KEYWORDS) if (re.test(text)) return category;
  return '其他';
}

const MARKER = /(?:存在(?:的)?(?:主要)?问题|主要问题|问题|困难|堵点|难点)[：:]/g;
const TROUBLE = /尚未|未能|迟迟|滞后|缺口|短缺|制约|难以|亟待|亟需|受阻|困难|卡在/;

/** Problems named in [from, to): after `存在问题：` (split at ；), or any sentence that says something is stuck. */
export function findIssues(text: string, from: number, to: number): Found<{ text: string; category: IssueCategory }>[] {
  const issues: Found<{ text: string; category: IssueCategory }>[] = [];
  const covered: [number, number][] = [];
  const push = (start: number, end: number) => {
    while (start < end && /[，,；;。\s]/.test(text[start])) start++;
    while (end > start && /[，,；;。！!\s]/.test(text[end - 1])) end--;
    if (end - start < 4) return;
    const value = text.slice(start, end);
    issues.push({ value: { text: value, category: categorise(value) }, start, end });
    covered.push([start, end]);
  };
  for (const m of matchesIn(text, MARKER, from, to)) {
    const bodyStart = m.index + m[0].length;
    let end = bodyStart;
    while (end < to && !/[。！？\n]/.test(text[end])) end++;
    let partStart = bodyStart;
    for (let i = bodyStart; i <= end; i++) {
      if (i === end || text[i] === '；' || text[i] === ';') {
        push(partStart, i);
        partStart = i + 1;
      }
    }
  }
  let sentenceFrom = from;
  for (let i = from; i <= to; i++) {
    if (i === to || /[。！？\n；;]/.test(text[i])) {
      const sentence = text.slice(sentenceFrom, i);
      const inside = covered.some(([s, e]) => sentenceFrom < e && i > s);
      if (!inside && TROUBLE.test(sentence)) push(sentenceFrom, i);
      sentenceFrom = i + 1;
    }
  }
  return issues;
}
