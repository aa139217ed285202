import { findAmounts, NUMX, parseNumber } from './amounts.ts';
import type { RefDate } from './dates.ts';
import type { FigureFacts, Rule } from './figures.ts';
import type { Found } from './text-tools.ts';

/**
 * The figures a zone reports besides its headline counts: KPIs with their growth and share, enterprise
 * counts with before and after, funding, hiring, land, approvals and service figures. Labels follow the
 * intake samples' convention: money `…(万元)` (`…(万美元)` for dollars), rates `…(%)`, land `…(亩)`,
 * per mu `…(万元/亩)`, days `…(工作日)`, counts end in 数 / 次数 / 场次 / 人数. Each rule is a phrasing
 * zone reports use, not a sentence of a sample.
 */

const N = `(${NUMX})`;
/** A count that is approximate (`10余个`) or a range is not a figure's exact value. */
const EXACT_END = '(?![余多])';
const MONEYX = `(${NUMX}(?:余|多)?[万亿]?(?:美元|元))`;

const cnt = (what: string, written: string, unit: string): FigureFacts[] => {
  const value = parseNumber(written);
  return Number.isFinite(value) ? [{ what, value, unit }] : [];
};

const money = (what: string, written: string, allowBound = false): FigureFacts[] => {
  const a = findAmounts(written)[0];
  if (!a || (a.qualifier && a.qualifier !== 'foreign' && !allowBound)) return [];
  const usd = a.currency === 'USD';
  return [{ what: `${what}(${usd ? '万美元' : '万元'})`, value: a.wan, unit: usd ? '万美元' : '万元' }];
};

const pct = (what: string, written: string, sign = 1): FigureFacts[] => {
  const v = Number(written);
  return Number.isFinite(v) ? [{ what: `${what}(%)`, value: sign < 0 ? -v : v, unit: '%' }] : [];
};

/** Enterprise classes counted by zones. */
const CLASS = '(“?四上”?企业|高新技术企业|规上工业企业|专精特新(?:中小)?企业|科技型中小企业|市场主体|外商投资企业)';
const className = (w: string) => w.replace(/[“”"]/g, '');

export const EXTRA_RULES: Rule[] = [
  // 签约8家 (enterprises signed), 达成投资意向6家
  { re: new RegExp(`(?<![项目])签约${N}${EXACT_END}家`, 'g'), read: (m) => cnt('签约企业数', m[1], '家') },
  { re: new RegExp(`达成(投资|合作)意向${N}${EXACT_END}家`, 'g'), read: (m) => cnt(`${m[1]}意向数`, m[2], '家') },
  // 其中签订投资协议7个、框架协议4个
  { re: new RegExp(`[、，,](投资|框架)协议${N}${EXACT_END}(?:个|份|项)`, 'g'), read: (m) => cnt(`${m[1]}协议数`, m[2], '个') },
  { re: new RegExp(`其中(?:签订)?(投资|框架)协议${N}${EXACT_END}(?:个|份|项)`, 'g'), read: (m) => cnt(`${m[1]}协议数`, m[2], '个') },
  // 收集项目线索19条, 新增项目线索3条, 跟进重点项目线索12条
  { re: new RegExp(`(新增|跟进)?(?:重点)?项目线索${N}${EXACT_END}条`, 'g'), read: (m) => cnt(`${m[1] ?? ''}项目线索数`, m[2], '条') },
  // 申报省级以上资金支持项目14个; 组织12家企业申报…，申报金额2860万元
  { re: new RegExp(`申报[^，,。；;]{0,24}?项目${N}${EXACT_END}个`, 'g'), read: (m) => cnt('申报项目数', m[1], '个') },
  { re: new RegExp(`${N}${EXACT_END}家企业申报`, 'g'), read: (m) => cnt('申报企业数', m[1], '家') },
  { re: new RegExp(`申报金额(?:达|为|共)?${MONEYX}`, 'g'), read: (m) => money('申报金额', m[1]) },
  { re: new RegExp(`争取(?:到位)?(?:上级)?资金(?:达|共|合计)?${MONEYX}`, 'g'), read: (m) => money('争取资金', m[1]) },
  { re: new RegExp(`(?:其中)?([\u4e00-\u9fa5]{2,8}?专项资金)${MONEYX}`, 'g'), read: (m) => money(m[1], m[2]) },
  // 从拿地到开工仅用了18个工作日; 平均办理时限缩短至2.5个工作日
  { re: new RegExp(`拿地到开工[^，,。；;]{0,8}?${N}个工作日`, 'g'), read: (m) => [{ what: '拿地到开工用时(工作日)', value: parseNumber(m[1]), unit: '工作日' }] },
  { re: new RegExp(`(?:平均)?办理时限(?:缩短|压缩|压减)至${N}个工作日`, 'g'), read: (m) => [{ what: '审批平均办理时限(工作日)', value: parseNumber(m[1]), unit: '工作日' }] },
  // Hiring: 新增就业岗位420个, 提供(就业)岗位1260个, 达成就业意向438人, 新增用工320人
  { re: new RegExp(`(新增|提供)(?:就业)?岗位${N}${EXACT_END}个`, 'g'), read: (m) => cnt(`${m[1]}就业岗位数`, m[2], '个') },
  { re: new RegExp(`达成(?:就业)?意向${N}${EXACT_END}人`, 'g'), read: (m) => cnt('达成就业意向人数', m[1], '人') },
  { re: new RegExp(`新增用工${N}${EXACT_END}人`, 'g'), read: (m) => cnt('新增用工人数', m[1], '人') },
  { re: new RegExp(`${N}${EXACT_END}家[\u4e00-\u9fa5]{0,4}企业提供(?:就业)?岗位`, 'g'), read: (m) => cnt('参会企业数', m[1], '家') },
  { re: new RegExp(`${N}${EXACT_END}所[\u4e00-\u9fa5]{0,8}?(?:高校|院校)`, 'g'), read: (m) => cnt('参会院校数', m[1], '所') },
  { re: new RegExp(`招聘会”?${N}${EXACT_END}场`, 'g'), read: (m) => cnt('招聘会场次', m[1], '场') },
  { re: new RegExp(`(招引|引进|引育)[\u4e00-\u9fa5]{0,4}?人才${N}${EXACT_END}(?:人|名)`, 'g'), read: (m) => cnt(`${m[1]}人才数`, m[2], '人') },
  { re: new RegExp(`其中博士${N}${EXACT_END}名`, 'g'), read: (m) => cnt('引进博士数', m[1], '名') },
  // Trips and activities
  { re: new RegExp(`(?:外出|开展)招商${N}${EXACT_END}次`, 'g'), read: (m) => cnt('外出招商次数', m[1], '次') },
  { re: new RegExp(`招商对接活动${N}${EXACT_END}次`, 'g'), read: (m) => cnt('招商对接活动次数', m[1], '次') },
  { re: new RegExp(`外出拜访${N}${EXACT_END}次`, 'g'), read: (m) => cnt('外出拜访次数', m[1], '次') },
  { re: new RegExp(`接待来访客商${N}${EXACT_END}批`, 'g'), read: (m) => cnt('接待来访客商批次', m[1], '批') },
  { re: new RegExp(`引进[^，,。；;]{0,16}?配套企业${N}${EXACT_END}家`, 'g'), read: (m) => cnt('引进配套企业数', m[1], '家') },
  // Services: 代办, 诉求
  { re: new RegExp(`代办审批事项${N}${EXACT_END}(?:项|件)`, 'g'), read: (m) => cnt('代办审批事项数', m[1], '项') },
  { re: new RegExp(`(?:代办”?|全代办”?)服务覆盖项目${N}${EXACT_END}个`, 'g'), read: (m) => cnt('代办项目数', m[1], '个') },
  { re: new RegExp(`受理企业诉求${N}${EXACT_END}件(?:[，,、]办结${N}件)?`, 'g'), read: (m) => [...cnt('受理企业诉求数', m[1], '件'), ...(m[2] ? cnt('办结企业诉求数', m[2], '件') : [])] },
  // Key-project counts: 重点项目34个 / 纳入…重点工程的项目共28个 / 26个重点项目已开工21个 / 新建项目16个，已开工13个
  { re: new RegExp(`重点(?:工程|项目)(?:的项目)?(?:共)?${N}${EXACT_END}个`, 'g'), read: (m) => cnt('重点项目数', m[1], '个') },
  { re: new RegExp(`已开工${N}${EXACT_END}个`, 'g'), read: (m) => cnt('已开工项目数', m[1], '个') },
  { re: new RegExp(`(新建|续建)项目${N}${EXACT_END}个`, 'g'), read: (m) => cnt(`${m[1]}项目数`, m[2], '个') },
  { re: new RegExp(`拟开工项目${N}${EXACT_END}个`, 'g'), read: (m) => cnt('拟开工项目数', m[1], '个') },
  { re: new RegExp(`注册落地项目${N}${EXACT_END}个`, 'g'), read: (m) => cnt('注册落地项目数', m[1], '个') },
  // Approvals: 项目备案7个、用地预审3个、建筑工程施工许可4个
  { re: new RegExp(`(项目备案|用地预审|施工许可|规划许可|环评批复|能评批复)${N}${EXACT_END}(?:个|件|项)`, 'g'), read: (m) => cnt(`${m[1]}数`, m[2], '个') },
  // Land: 累计出让标准地1260亩, 以“标准地”方式出让工业用地2宗共186亩, 计划新增供应标准地一千二百亩, 规划工业用地1.2万亩
  {
    re: new RegExp(`(计划|拟)?(?:新增)?(?:出让|供应)?(?:“)?标准地(?:”)?(?:方式)?[^，,。；;]{0,10}?${N}${EXACT_END}亩(?!均)`, 'g'),
    read: (m) => [{ what: `${m[1] ? '计划新增' : ''}标准地面积(亩)`, value: parseNumber(m[2]), unit: '亩' }],
  },
  { re: new RegExp(`规划工业用地${N}${EXACT_END}亩`, 'g'), read: (m) => [{ what: '规划工业用地面积(亩)', value: parseNumber(m[1]), unit: '亩' }] },
  // Per mu: 亩均税收达到38.6万元, 亩均投资强度437.5万元, 亩均税收承诺不低于30万元
  {
    re: new RegExp(`亩均(税收|产出|产值|投资强度|增加值)(承诺)?(?:不低于|达到?|为)?(?!由)${MONEYX}`, 'g'),
    read: (m) => money(`亩均${m[1]}${m[2] ?? ''}`, m[3], !!m[2]).map((f) => ({ ...f, what: f.what.replace('(万元)', '(万元/亩)'), unit: '万元/亩' })),
  },
  {
    re: new RegExp(`([^，,。；;]{0,12})亩均(税收|产出|产值|增加值)由(?:([^，,。；;的]{0,10})的)?${MONEYX}(?:增加|提高|增长|上升)到(?:([^，,。；;的]{0,10})的)?${MONEYX}`, 'g'),
    read: (m) => {
      const a = findAmounts(m[6])[0];
      const b = findAmounts(m[4])[0];
      return a && b ? [{ what: `亩均${m[2]}(万元/亩)`, value: a.wan, unit: '万元/亩', from: b.wan }] : [];
    },
  },
  // Rates: 签约项目开工率达到61.1%, 资金到位率62.5%, 开工率81.3%
  {
    re: new RegExp(`((?:签约项目|资金|问题)?[\u4e00-\u9fa5]{2})率(?:达到?|为|是)?(\\d+(?:\\.\\d+)?)%(?!以上|以内|左右)`, 'g'),
    read: (m) => (/^(?:占比|比重|增长|同比|利用|贡献|完成|占有)/.test(m[1]) ? [] : pct(`${m[1].replace(/^(?:累计|项目)+/, '')}率`, m[2])),
  },
  // Service money: 兑现各类奖补资金1,286,500元, 减免厂房租金86万元, 贷款贴息合计38.6万元, 发放稳岗补贴…共发放46.5万元, 新增贷款
  { re: new RegExp(`兑现[^，,。；;]{0,4}?奖补资金${MONEYX}`, 'g'), read: (m) => money('兑现奖补资金', m[1]) },
  { re: new RegExp(`为${N}${EXACT_END}(?:户|家)[\u4e00-\u9fa5]{0,4}?企业减免[\u4e00-\u9fa5]{0,4}?租金${MONEYX}`, 'g'), read: (m) => [...cnt('减免租金企业数', m[1], '户'), ...money('减免租金', m[2])] },
  { re: new RegExp(`贷款贴息(?:合计|共)?${MONEYX}`, 'g'), read: (m) => money('贷款贴息', m[1]) },
  { re: new RegExp(`每人${N}元发放稳岗补贴[，,](?:共发放|共计|合计)${MONEYX}(?:[，,]惠及${N}人)?`, 'g'), read: (m) => [{ what: '稳岗补贴标准(元/人)', value: parseNumber(m[1]), unit: '元/人' }, ...money('稳岗补贴', m[2]), ...(m[3] ? cnt('稳岗补贴人数', m[3], '人') : [])] },
  { re: new RegExp(`补贴标准为每人每月${N}元`, 'g'), read: (m) => [{ what: '人才公寓补贴(元/人·月)', value: parseNumber(m[1]), unit: '元/人·月' }] },
  { re: new RegExp(`新增市场主体${N}${EXACT_END}户`, 'g'), read: (m) => cnt('新增市场主体数', m[1], '户') },
  // Batch events other than the four stages: 集中发证仪式，为5个项目…，5个项目总投资13.7亿元
  {
    re: new RegExp(`集中(发证|开业|观摩|竣工验收)[^。]{0,80}?${N}个项目总投资${MONEYX}`, 'g'),
    read: (m) => [...cnt(`集中${m[1]}项目数`, m[2], '个'), ...money(`集中${m[1]}项目总投资`, m[3])],
  },
  // Key-project money in the sentence that counts them: 总投资312.5亿元，年度计划投资56.8亿元 … 完成投资38.9亿元
  {
    re: new RegExp(`重点(?:工程|项目)(?:的项目)?(?:共)?\\d+个[，,](?:总投资${MONEYX}[，,])?(?:年度计划投资${MONEYX})?`, 'g'),
    read: (m) => [...(m[1] ? money('重点项目总投资', m[1]) : []), ...(m[2] ? money('重点项目年度计划投资', m[2]) : [])],
  },
  { re: new RegExp(`重点项目\\d+个[^。]{0,30}?(?<!累计)(?<!已)完成投资${MONEYX}`, 'g'), read: (m) => money('重点项目完成投资', m[1]) },
  { re: new RegExp(`年度计划投资${MONEYX}[。；;]\\d+-\\d+月完成投资${MONEYX}`, 'g'), read: (m) => [...money('重点项目年度计划投资', m[1]), ...money('重点项目完成投资', m[2])] },
  { re: new RegExp(`\\d+个项目完成投资${MONEYX}`, 'g'), read: (m) => money('重点项目完成投资', m[1]) },
];

// ---- Subject figures: a KPI named once, then its amount, growth and share in the clauses that follow.

const KPI = new RegExp(
  `(?:规上)?工业(?:总)?产值|规上工业增加值|固定资产投资|工业投资|税收收入|一般公共预算收入|财政收入|进出口总额|出口额?|进口额?|实际使用外资|合同外资(?:金额)?|到位资金|工业用电量|[\u4e00-\u9fa5（）()、]{2,24}?产业(?:完成)?(?:产值|营业收入|增加值)|${CLASS}`,
  'g',
);
const ZONE_OR_TIME = /^(?:.*?(?:经开区|高新区|开发区|全区|全市|从行业看|其中|今年|前三季度|上半年|下半年|\d+-\d+月|\d+月份?))+/;

/** The label of a KPI subject as written: zone and time words dropped, `两大主导产业完成产值` → 主导产业产值. */
function kpiLabel(w: string): string {
  let s = w.replace(/[（(][^）)]*[）)]/g, '').replace(/[“”"]/g, '');
  s = s.replace(ZONE_OR_TIME, '');
  s = s.replace(/^.*[、，,]/, '').replace(/^.*?[两二三四五六七八九十]大/, '');
  s = s.replace(/完成(?=产值|营业收入|增加值)/, '').replace(/^规上工业产值$/, '规上工业总产值');
  if (s === '出口') s = '出口额';
  if (s === '进口') s = '进口额';
  return s.replace(/^合同外资金额$/, '合同外资');
}

const SENTENCE = /[^。！？!?\n；;]+/g;
const MONEY_AT = new RegExp(`^(?:完成|实现|达到?|为|共|累计|总额|合计|约)*${MONEYX}`);
const CHANGE = new RegExp(`^由(?:([^，,。；;的]{0,10})的)?${MONEYX}(?:增加|提高|增长|上升)到(?:([^，,。；;的]{0,10})的)?${MONEYX}`);
const CLASS_CHANGE = new RegExp(`^(?:总数)?由(?:([^，,。；;的]{0,10})的)?${N}(?:家|户|个)(?:增加|提高|增长|上升)到(?:([^，,。；;的]{0,10})的)?${N}(?:家|户|个)`);
const CLASS_COUNT = new RegExp(`^(?:总数)?(?:达到?|为|共|有)?${N}${EXACT_END}(?:家|户|个)`);
const GROWTH = /(?:同比|比上年|较上年同期|较去年同期)(增长|下降|提高|减少)(\d+(?:\.\d+)?)%|由[^，,。；;]{0,16}?的?[\d.]+[万亿]?元?(增长|增加)(\d+(?:\.\d+)?)%/g;
const SHARE = /占(?!年度|全年|年计划|序时)[^，,。；;%]{0,20}?(?:的)?(?:比重)?(?:由(?:([^，,。；;的]{0,10})的)?(\d+(?:\.\d+)?)%(?:提高|上升|增加|下降)到(?:([^，,。；;的]{0,10})的)?)?(?:达到?|为)?(\d+(?:\.\d+)?)%|占比(\d+(?:\.\d+)?)%/g;

export function subjectFigures(text: string, from: number, to: number, ref?: RefDate): Found<FigureFacts>[] {
  const out: Found<FigureFacts>[] = [];
  for (const sm of text.slice(from, to).matchAll(SENTENCE)) {
    const s0 = from + sm.index;
    const sentence = sm[0];
    const subjects: { label: string; end: number; isClass: boolean; prefix: string }[] = [];
    for (const k of sentence.matchAll(KPI)) {
      const isClass = !!k[1];
      const before = sentence.slice(Math.max(0, k.index - 3), k.index);
      const prefix = isClass ? (/(新增|新认定|新设|新培育|净增)$/.exec(before)?.[1] ?? '') : '';
      const label = isClass ? `${prefix}${className(k[1])}` : kpiLabel(k[0]);
      subjects.push({ label, end: k.index + k[0].length, isClass, prefix });
      const rest = sentence.slice(k.index + k[0].length);
      const at = s0 + k.index;
      if (isClass) {
        const change = CLASS_CHANGE.exec(rest);
        if (change) {
          out.push(withPeriods({ what: `${className(k[1])}数`, value: parseNumber(change[4]), unit: '家', from: parseNumber(change[2]) }, change[1], change[3], ref, at, s0 + k.index + k[0].length + change[0].length));
          continue;
        }
        const c = CLASS_COUNT.exec(rest);
        if (c) {
          out.push({ value: { what: `${label}数`, value: parseNumber(c[1]), unit: '家' }, start: at, end: at + k[0].length + c[0].length });
          // 新增“四上”企业9家，总数达到104家 / 累计新增7家 … 总数达到142家
          const tail = rest.slice(c[0].length);
          const total = new RegExp(`^[，,](?:[^，,。；;]{0,8}?)总数(?:达到?|为)${N}${EXACT_END}(?:家|户|个)`).exec(tail);
          if (total && prefix) out.push({ value: { what: `${className(k[1])}数`, value: parseNumber(total[1]), unit: '家' }, start: at, end: at + k[0].length + c[0].length + total[0].length });
          const again = new RegExp(`^[，,]([^，,。；;]{0,10}?)累计新增${N}${EXACT_END}(?:家|户|个)`).exec(tail);
          if (again && prefix) {
            const p = ref ? periodOf(again[1], ref) : undefined;
            out.push({ value: { what: `${label}数`, value: parseNumber(again[2]), unit: '家', ...(p ? { period: p } : {}) }, start: at, end: at + k[0].length + c[0].length + again[0].length });
          }
        }
        continue;
      }
      const change = CHANGE.exec(rest);
      if (change) {
        const a = findAmounts(change[4])[0];
        const b = findAmounts(change[2])[0];
        if (a && b && !a.qualifier && !b.qualifier)
          out.push(withPeriods({ what: `${label}(万元)`, value: a.wan, unit: '万元', from: b.wan }, change[1], change[3], ref, at, s0 + k.index + k[0].length + change[0].length));
        continue;
      }
      const m = MONEY_AT.exec(rest);
      if (m) {
        const a = findAmounts(m[1])[0];
        if (a && (!a.qualifier || a.qualifier === 'foreign')) {
          const usd = a.currency === 'USD';
          out.push({ value: { what: `${label}(${usd ? '万美元' : '万元'})`, value: a.wan, unit: usd ? '万美元' : '万元' }, start: at, end: at + k[0].length + m[0].length });
        }
      }
    }
    const subjectAt = (pos: number) => [...subjects].reverse().find((x) => x.end <= pos && !x.isClass);
    for (const g of sentence.matchAll(GROWTH)) {
      const subj = subjectAt(g.index);
      if (!subj) continue;
      const down = (g[1] ?? g[3]) === '下降' || (g[1] ?? g[3]) === '减少';
      const f = pct(`${subj.label}同比增长`, g[2] ?? g[4], down ? -1 : 1)[0];
      if (f) out.push({ value: f, start: s0 + g.index, end: s0 + g.index + g[0].length });
    }
    for (const sh of sentence.matchAll(SHARE)) {
      const subj = subjectAt(sh.index);
      if (!subj) continue;
      const value = Number(sh[4] ?? sh[5]);
      const f: FigureFacts = { what: `${subj.label}占比(%)`, value, unit: '%' };
      if (sh[2]) {
        f.from = Number(sh[2]);
        if (ref) {
          const fp = periodOf(sh[1] ?? '', ref);
          const p = periodOf(sh[3] ?? '', ref);
          if (fp) f.from_period = fp;
          if (p) f.period = p;
        }
      }
      out.push({ value: f, start: s0 + sh.index, end: s0 + sh.index + sh[0].length });
    }
  }
  return out;
}

function withPeriods(f: FigureFacts, fromWords: string | undefined, toWords: string | undefined, ref: RefDate | undefined, start: number, end: number): Found<FigureFacts> {
  if (ref) {
    const fp = fromWords ? periodOf(fromWords, ref) : undefined;
    const p = toWords ? periodOf(toWords, ref) : undefined;
    if (fp) f.from_period = fp;
    if (p) f.period = p;
  }
  return { value: f, start, end };
}

// ---- Periods: when a figure holds.

const pad = (n: number) => String(n).padStart(2, '0');

/** A period as words say it: 2023年, 1-7月, 上半年, 前三季度, 8月份, 年初, 2025年底, 去年同期 (relative to `ref`). */
export function periodOf(words: string, ref: RefDate, sameAs?: string): string | undefined {
  const y = ref.year;
  let m: RegExpExecArray | null;
  if ((m = /(\d{4})年底|(\d{4})年末/.exec(words))) return `${m[1] ?? m[2]}-12`;
  if ((m = /(\d{4})年(?!\d|\s*\d)/.exec(words)) && !/月/.test(words)) return m[1];
  if (/年初/.test(words)) return `${y}-01`;
  if (/去年同期/.test(words) && sameAs) return sameAs.replace(/\d{4}/g, (d) => String(Number(d) - 1));
  if (/上年|去年/.test(words) && !/同期/.test(words)) return String(y - 1);
  if ((m = /(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月/.exec(words))) return `${y}-${pad(Number(m[1]))}/${y}-${pad(Number(m[2]))}`;
  if (/上半年/.test(words)) return `${y}-01/${y}-06`;
  if (/前三季度/.test(words)) return `${y}-01/${y}-09`;
  if ((m = /前(\d{1,2}|[一二三四五六七八九十]{1,2})个月/.exec(words))) return `${y}-01/${y}-${pad(parseNumber(m[1]))}`;
  if ((m = /截至(\d{1,2})月底/.exec(words))) return `${y}-01/${y}-${pad(Number(m[1]))}`;
  if ((m = /截至(\d{1,2})月(\d{1,2})日/.exec(words))) return `${y}-01/${y}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  if ((m = /(?:^|[^\d-])(\d{1,2})月份?(?![\d日])/.exec(words)) && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${y}-${pad(Number(m[1]))}`;
  if (/今年以来/.test(words)) return `${y}-01/${y}-${pad(ref.month)}`;
  return undefined;
}

const PERIOD_WORDS = /(?:今年)?(?:\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|上半年|前三季度|前\d{1,2}个月|截至\d{1,2}月(?:底|\d{1,2}日)|\d{1,2}月份|今年以来)/g;

/** The period a figure at `pos` is reported for: the last period phrase before it in its sentence, else in its paragraph's opening. */
export function periodAt(text: string, pos: number, floor: number, ref: RefDate): string | undefined {
  let s = pos;
  while (s > floor && !/[。！？\n]/.test(text[s - 1])) s--;
  const inSentence = [...text.slice(s, pos).matchAll(PERIOD_WORDS)].pop();
  if (inSentence) return periodOf(inSentence[0], ref);
  return undefined;
}
