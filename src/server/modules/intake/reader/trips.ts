import { NUMX, parseNumber } from './amounts.ts';
import type { RefDate } from './dates.ts';
import type { Found } from './text-tools.ts';

/** A trip (外出招商) as a report tells it: where, who led it, when, and its results by enterprise (家). */
export interface TripFacts {
  destination: string;
  leader?: string;
  start?: string;
  end?: string;
  visited?: number;
  signed?: number;
  framework?: number;
  intent?: number;
}

const TRIP = /(?:([^，,。；;]{2,16}?)带队)?[，,]?(?:先后|分别)?赴([\u4e00-\u9fa5、]{2,24}?)(?:地区)?(?=开展|进行|对接|考察|招商|拜访|走访|参加|举办)/;
const N = `(${NUMX})(?![余多])`;
const COUNTS: [keyof TripFacts, RegExp][] = [
  ['visited', new RegExp(`(?:对接|走访|拜访|洽谈)(?:了)?(?:重点)?企业${N}家`)],
  ['signed', new RegExp(`(?<!项目)签约${N}家`)],
  ['framework', new RegExp(`框架(?:合作)?协议${N}(?:家|个|份)`)],
  ['intent', new RegExp(`意向${N}(?:家|个)`)],
];
const pad = (n: number) => String(n).padStart(2, '0');

/** Trips told in [from, to): one per sentence that says someone went (赴) somewhere to meet investors; a tally (`招商2次`) is not one trip. */
export function readTrips(text: string, from: number, to: number, ref: RefDate): Found<TripFacts>[] {
  const out: Found<TripFacts>[] = [];
  for (const m of text.slice(from, to).matchAll(/[^。；;\n]+/g)) {
    const s = from + m.index;
    const sentence = m[0];
    const trip = TRIP.exec(sentence);
    if (!trip || /招商\d+次|\d+次/.test(sentence)) continue;
    const facts: TripFacts = { destination: trip[2].replace(/[、]$/, '').slice(0, 60) };
    const leader = trip[1]?.replace(/^.*?(?:经开区|高新区|开发区|园区|[，,])/, '').replace(/^(?:由|的)/, '');
    if (leader && leader.length >= 2) facts.leader = leader.slice(0, 40);
    const range = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[至到—-](?:(\d{1,2})月)?(\d{1,2})日)?/.exec(sentence.slice(0, trip.index + 4) || sentence);
    const month = /(?:(\d{4})年)?(\d{1,2})月(?:上旬|中旬|下旬|初|底|份)?/.exec(sentence.slice(0, Math.max(trip.index, 1) + 2));
    if (range) {
      const y = range[1] ? Number(range[1]) : ref.year;
      facts.start = `${y}-${pad(Number(range[2]))}-${pad(Number(range[3]))}`;
      facts.end = range[5] ? `${y}-${pad(Number(range[4] ?? range[2]))}-${pad(Number(range[5]))}` : facts.start;
    } else if (month) {
      const y = month[1] ? Number(month[1]) : ref.year;
      facts.start = `${y}-${pad(Number(month[2]))}`;
    }
    for (const [field, re] of COUNTS) {
      const c = re.exec(sentence);
      if (c) (facts as unknown as Record<string, number>)[field] = parseNumber(c[1]);
    }
    if (facts.visited === undefined && facts.signed === undefined && facts.framework === undefined && facts.intent === undefined && !facts.leader) continue;
    out.push({ value: facts, start: s, end: s + sentence.length });
  }
  return out;
}
