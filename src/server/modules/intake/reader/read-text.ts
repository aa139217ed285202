import type { IntakeLead, IntakeProject, IntakeResult, Span } from '../../../../contract/intake.ts';
import { parseRefDate } from './dates.ts';
import { headlineLeadStage, readFigures } from './figures.ts';
import { readLeads, type LeadFacts } from './leads.ts';
import { normalise, originalSpan, type NormalisedText } from './normalise.ts';
import { readProjects, type ProjectFacts } from './projects.ts';
import { readTables } from './table.ts';
import { splitBlocks, type Found } from './text-tools.ts';
import { readZone } from './zone.ts';

export interface ReadOptions {
  /** `YYYY-MM-DD`; 今年, 明年 and month-only dates resolve against it. */
  referenceDate: string;
}

/**
 * Reads a Chinese news item, work report or trip report into draft facts. Pure: no I/O, never throws
 * on odd text (only on a malformed reference date), and every fact carries its span in `text`.
 */
export function readText(text: string, opts: ReadOptions): IntakeResult {
  const ref = parseRefDate(opts.referenceDate);
  const norm = normalise(typeof text === 'string' ? text : '');
  const t = norm.text;
  const blocks = splitBlocks(t);
  const figures = readFigures(t);
  const projects = [...readProjects(t, blocks, ref), ...readTables(t, blocks, ref)];
  const leads = readLeads(
    t,
    blocks,
    ref,
    projects.map((p) => p.scope),
    headlineLeadStage(figures),
  );
  const zone = readZone(t);
  return {
    reference_date: opts.referenceDate,
    zone: zone?.value ?? null,
    zone_span: zone ? spanOf(norm, zone) : null,
    projects: projects.map((p) => toProject(norm, p)),
    leads: leads.map((l) => toLead(norm, l)),
    figures: figures.map((f) => ({ ...f.value, span: spanOf(norm, f) })),
  };
}

const spanOf = (norm: NormalisedText, f: { start: number; end: number }): Span => originalSpan(norm, f.start, f.end);

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

function toProject(norm: NormalisedText, p: ProjectFacts): IntakeProject {
  const { values, spans } = copyFields(norm, p, ['scope', 'issues']);
  return {
    ...(values as Omit<IntakeProject, 'span' | 'spans' | 'issues'>),
    ...(p.issues.length ? { issues: p.issues.map((i) => ({ ...i.value, span: spanOf(norm, i) })) } : {}),
    span: originalSpan(norm, p.scope[0], p.scope[1]),
    spans,
  };
}

function toLead(norm: NormalisedText, l: LeadFacts): IntakeLead {
  const { values, spans } = copyFields(norm, l, ['scope']);
  return {
    ...(values as Omit<IntakeLead, 'span' | 'spans'>),
    span: originalSpan(norm, l.scope[0], l.scope[1]),
    spans,
  };
}
