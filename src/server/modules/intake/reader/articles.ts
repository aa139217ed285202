import { zoneNameOf, readZone } from './zone.ts';
import type { Found } from './text-tools.ts';

/**
 * A page split into its reports. Newspaper reports open with a dateline (`科学导报讯`, `本报讯`,
 * `新华社太原…电`) and close with a byline (`（记者 赵文博 通讯员 武晓婷）`); PDF extraction puts the
 * headline and the zone's full name after the body, web pages before it. Between one byline and the
 * next dateline lies that furniture: it goes with the report whose zone it names, else with the next.
 * A text with no dateline and at most one byline is one article (a work report, a WeChat post).
 */
export interface Article {
  /** The whole article (body and its furniture). */
  start: number;
  end: number;
  /** The report's own text, where facts are read. */
  bodyStart: number;
  bodyEnd: number;
  zone?: Found<string>;
  zoneFull?: Found<string>;
  headline?: Found<string>;
  reporter?: Found<string>;
}

const DATELINE = /(?:本报|本刊|本台|本网|[\u4e00-\u9fa5]{2}(?:日报|晚报|导报|时报|商报|早报))讯|新华社[\u4e00-\u9fa5]{2,4}\d{1,2}月\d{1,2}日电/g;
const BYLINE = /[（(]\s*(?:本报|本刊|特约)?(?:记者|通讯员|见习记者)[^（）()\n]{1,40}[)）]/g;
/** The zone's official full name: 山西大同经济技术开发区, 长治高新技术产业开发区, 山西晋中开发区. */
export const ZONE_FULL = /(?:[\u4e00-\u9fa5]{2,3}省|山西|河北|河南|山东|陕西|内蒙古)?[\u4e00-\u9fa5]{2,4}?(?:经济技术开发区|高新技术产业开发区|经济开发区|综合改革示范区|开发区)/g;

function reporterOf(text: string, s: number, e: number): Found<string> | undefined {
  const m = /(?:记者|见习记者)\s*([\u4e00-\u9fa5]{2,4}?)(?=通讯员|实习|[\s、，,）)]|$)/.exec(text.slice(s, e));
  if (!m) return undefined;
  const start = s + m.index + m[0].length - m[1].length;
  return { value: m[1], start, end: start + m[1].length };
}

/** Splits the furniture between two reports into the headline and the zone's full name. */
function furniture(text: string, s: number, e: number): { headline?: Found<string>; zoneFull?: Found<string> } {
  const full = [...text.slice(s, e).matchAll(ZONE_FULL)].find((m) => /经济技术开发区|高新技术产业开发区|经济开发区|综合改革示范区|^(?:山西|[\u4e00-\u9fa5]{2,3}省)/.test(m[0]));
  const out: { headline?: Found<string>; zoneFull?: Found<string> } = {};
  let headEnd = e;
  if (full) {
    const fs = s + full.index!;
    out.zoneFull = { value: full[0], start: fs, end: fs + full[0].length };
    headEnd = fs;
  }
  let hs = s;
  while (hs < headEnd && /[\s。！？\n]/.test(text[hs])) hs++;
  let he = headEnd;
  while (he > hs && /[\s\n]/.test(text[he - 1])) he--;
  if (he - hs >= 4 && he - hs <= 60) out.headline = { value: text.slice(hs, he).replace(/\n/g, ''), start: hs, end: he };
  return out;
}

export function splitArticles(text: string): Article[] {
  const datelines = [...text.matchAll(DATELINE)].map((m) => m.index);
  const bylines = [...text.matchAll(BYLINE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (datelines.length < 2 && bylines.length < 2) return [single(text)];
  // Report starts: the datelines; without them, just after each byline.
  const starts = datelines.length >= 2 ? datelines : [0, ...bylines.slice(0, -1).map((b) => b.end)];
  const articles: Article[] = starts.map((s, i) => {
    const next = starts[i + 1] ?? text.length;
    const byline = bylines.find((b) => b.start >= s && b.end <= next);
    const bodyEnd = byline ? byline.end : next;
    return { start: s, end: next, bodyStart: s, bodyEnd, reporter: byline ? reporterOf(text, byline.start, byline.end) : undefined };
  });
  articles[0].start = 0;
  articles.forEach((a, i) => {
    a.zone = readZone(text, a.bodyStart, a.bodyEnd);
  });
  // The furniture after each body: headline-after-body (PDF) when it names this report's zone.
  articles.forEach((a, i) => {
    if (a.bodyEnd >= a.end) return;
    const f = furniture(text, a.bodyEnd, a.end);
    const names = (z?: Found<string>) => !!z && (text.slice(a.bodyEnd, a.end).includes(z.value) || (f.zoneFull && zoneNameOf(f.zoneFull.value) === z.value));
    const next = articles[i + 1];
    if (names(a.zone) || !next) {
      a.headline = f.headline;
      a.zoneFull = f.zoneFull;
    } else {
      next.headline ??= f.headline;
      next.zoneFull ??= f.zoneFull;
    }
  });
  const first = articles[0];
  if (first.bodyStart > 0 && !first.headline) {
    const f = furniture(text, 0, first.bodyStart);
    if (f.headline && first.zone && f.headline.value.includes(first.zone.value)) first.headline = f.headline;
  }
  for (const a of articles) if (!a.zone && a.zoneFull) a.zone = { ...a.zoneFull, value: zoneNameOf(a.zoneFull.value) };
  return articles;
}

function single(text: string): Article {
  const zone = readZone(text, 0, text.length);
  return { start: 0, end: text.length, bodyStart: 0, bodyEnd: text.length, zone };
}
