import type { IntakeArticle, IntakeInexact, IntakeLead, IntakeProject, IntakeResult, Span } from '../../../../contract/intake.ts';
import { splitArticles } from './articles.ts';
import { parseRefDate } from './dates.ts';
import { headlineLeadStage, readFigures } from './figures.ts';
import { readLeads, type LeadFacts } from './leads.ts';
import type { LeadMention } from './projects.ts';
import { normalise, originalSpan, type NormalisedText } from './normalise.ts';
import { mergeProjects, readProjects, type ProjectFacts } from './projects.ts';
import { readTables } from './table.ts';
import { splitBlocks, type Found } from './text-tools.ts';
import { readTrips } from './trips.ts';

export interface ReadOptions {
  /** `YYYY-MM-DD`; 今年, 明年 and month-only dates resolve against it. */
  referenceDate: string;
}

/**
 * Reads a Chinese news item, a newspaper page, a work report or a trip report into draft facts. A page
 * is split into its articles first (articles.ts), each with its own zone and its own facts. Pure: no
 * I/O, never throws on odd text (only on a malformed reference date), and every fact carries its span
 * in `text`.
 */
export function readText(text: string, opts: ReadOptions): IntakeResult {
  const ref = parseRefDate(opts.referenceDate);
  const norm = normalise(typeof text === 'string' ? text : '');
  const t = norm.text;
  const articles = t.length ? splitArticles(t) : [];
  const result: IntakeResult = { reference_date: opts.referenceDate, zone: null, zone_span: null, articles: [], projects: [], leads: [], figures: [], trips: [] };
  articles.forEach((a, index) => {
    const blocks = splitBlocks(t, a.bodyStart, a.bodyEnd);
    const figures = readFigures(t, a.bodyStart, a.bodyEnd, ref);
    const leads0: LeadMention[] = [];
    const prose = readProjects(t, blocks, ref, leads0);
    const projects = mergeProjects([...readTables(t, blocks, ref), ...prose]);
    const leads = readLeads(
      t,
      blocks,
      ref,
      projects.flatMap((p) => p.ranges ?? [p.scope]),
      headlineLeadStage(figures),
      leads0,
    );
    result.articles.push(toArticle(norm, a));
    result.projects.push(...projects.map((p) => ({ ...toProject(norm, p), article: index })));
    result.leads.push(...leads.map((l) => ({ ...toLead(norm, l), article: index })));
    result.figures.push(...figures.map((f) => ({ ...f.value, article: index, span: spanOf(norm, f) })));
    const enterprises = leads.map((l) => l.enterprise.value);
    result.trips.push(...readTrips(t, a.bodyStart, a.bodyEnd, ref).map((x) => ({ ...x.value, enterprises, article: index, span: spanOf(norm, x) })));
  });
  const zones = new Set(result.articles.map((a) => a.zone).filter((z) => z !== null));
  if (zones.size === 1) {
    const first = result.articles.find((a) => a.zone !== null)!;
    result.zone = first.zone;
    result.zone_span = first.zone_span;
  }
  return result;
}

const spanOf = (norm: NormalisedText, f: { start: number; end: number }): Span => originalSpan(norm, f.start, f.end);

function toArticle(norm: NormalisedText, a: ReturnType<typeof splitArticles>[number]): IntakeArticle {
  return {
    zone: a.zone?.value ?? null,
    zone_span: a.zone ? spanOf(norm, a.zone) : null,
    zone_full: a.zoneFull?.value ?? null,
    headline: a.headline?.value ?? null,
    reporter: a.reporter?.value ?? null,
    span: originalSpan(norm, a.start, a.end),
  };
}

/** Copies each found field's value and span; `skip` names fields handled by the caller. */
function copyFields<T extends object>(norm: NormalisedText, facts: T, skip: string[]) {
  const values: Record<string, unknown> = {};
  const spans: Record<string, Span> = {};
  for (const [key, found] of Object.entries(facts)) {
    if (skip.includes(key) || found === undefined) continue;
    const f = found as Found<unknown>;
    values[key] = f.value;
    spans[key] = spanOf(norm, f);
  }
  return { values, spans };
}

const inexactOf = (norm: NormalisedText, list: Found<Omit<IntakeInexact, 'span'>>[] | undefined) =>
  list?.length ? { inexact: list.map((i) => ({ ...i.value, span: spanOf(norm, i) })) } : {};

function toProject(norm: NormalisedText, p: ProjectFacts): IntakeProject {
  const { values, spans } = copyFields(norm, p, ['scope', 'ranges', 'issues', 'inexact', 'evidence']);
  return {
    ...(values as Omit<IntakeProject, 'span' | 'spans' | 'issues'>),
    ...(p.issues.length ? { issues: p.issues.map((i) => ({ ...i.value, span: spanOf(norm, i) })) } : {}),
    ...inexactOf(norm, p.inexact),
    span: originalSpan(norm, p.scope[0], p.scope[1]),
    spans,
  };
}

function toLead(norm: NormalisedText, l: LeadFacts): IntakeLead {
  const { values, spans } = copyFields(norm, l, ['scope', 'inexact']);
  return {
    ...(values as Omit<IntakeLead, 'span' | 'spans'>),
    ...inexactOf(norm, l.inexact),
    span: originalSpan(norm, l.scope[0], l.scope[1]),
    spans,
  };
}
