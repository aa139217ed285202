import { zoneNameMatches, type IntakeArticle, type IntakeLead, type IntakeProject, type IntakeResult, type ReviewedFigure, type ReviewedLead, type ReviewedProject, type ReviewedTrip, type Span } from '../../../../contract/intake.ts';

interface ItemBase {
  key: string;
  /** Where it was read; null for a fact the reviewer added by hand. */
  span: Span | null;
  accepted: boolean;
  /** The article (report) of the page it belongs to: its zone is where it is written. */
  article: number;
}

/** A project read from the text (or added by hand), with what the reviewer made of it. */
export interface ProjectItem extends ItemBase {
  kind: 'project';
  read: IntakeProject | null;
  values: ReviewedProject;
}

export interface LeadItem extends ItemBase {
  kind: 'lead';
  read: IntakeLead | null;
  values: ReviewedLead;
}

/** A zone figure (KPI, funding, hiring, land…): committed as a reviewed figure of the zone. */
export interface FigureItem extends ItemBase {
  kind: 'figure';
  values: ReviewedFigure;
}

/** A trip (外出招商): saved as a trip of the leads module once its dates and leader are given. */
export interface TripItem extends ItemBase {
  kind: 'trip';
  /** Dates as read (a month only, until the reviewer gives the days). */
  values: Omit<ReviewedTrip, 'start' | 'end'> & { start: string; end: string };
}

export type FactItem = ProjectItem | LeadItem | FigureItem | TripItem;

/** The editable facts of a reader result: accepted by default, spans kept for highlighting. */
export function factItemsOf(result: IntakeResult, text: string): FactItem[] {
  const projects = result.projects.map((p, i): ProjectItem => {
    const { span, spans: _spans, issues: _issues, inexact: _inexact, article, ...values } = p;
    return { kind: 'project', key: `p${i}`, span, accepted: true, article: article ?? 0, read: p, values: { ...values, key: `p${i}` } };
  });
  const leads = result.leads.map((l, i): LeadItem => {
    const { span, spans: _spans, inexact: _inexact, article, ...values } = l;
    return { kind: 'lead', key: `l${i}`, span, accepted: true, article: article ?? 0, read: l, values: { ...values, key: `l${i}` } };
  });
  const figures = result.figures.map((f, i): FigureItem => {
    const { span, article, what, value, unit, from, period, from_period, qualifier } = f;
    const values: ReviewedFigure = { key: `f${i}`, what, value, unit, quote: text.slice(span[0], span[1]).replace(/\s+/g, '').slice(0, 400) };
    if (from !== undefined) values.from = from;
    if (period) values.period = period;
    if (from_period) values.from_period = from_period;
    if (qualifier) values.qualifier = qualifier;
    return { kind: 'figure', key: `f${i}`, span, accepted: true, article: article ?? 0, values };
  });
  const trips = result.trips.map((x, i): TripItem => {
    const { span, article, destination, leader, start, end, visited, signed, framework, intent, enterprises } = x;
    const values: TripItem['values'] = { key: `t${i}`, destination, leader: leader ?? '', start: start ?? '', end: end ?? start ?? '', enterprises };
    if (visited !== undefined) values.visited = visited;
    if (signed !== undefined) values.signed = signed;
    if (framework !== undefined) values.framework = framework;
    if (intent !== undefined) values.intent = intent;
    return { kind: 'trip', key: `t${i}`, span, accepted: true, article: article ?? 0, values };
  });
  return [...projects, ...leads, ...trips, ...figures];
}

let manual = 0;

/** An empty fact the reviewer adds by hand beside the text (nothing read is not a dead end). */
export function newItem(kind: FactItem['kind'], article: number): FactItem {
  const key = `m${++manual}`;
  if (kind === 'project') return { kind, key, span: null, accepted: true, article, read: null, values: { key, name: '' } };
  if (kind === 'lead') return { kind, key, span: null, accepted: true, article, read: null, values: { key, enterprise: '' } };
  if (kind === 'trip') return { kind, key, span: null, accepted: true, article, values: { key, destination: '', leader: '', start: '', end: '', enterprises: [] } };
  return { kind, key, span: null, accepted: true, article, values: { key, what: '', value: 0, unit: '万元', quote: '' } };
}

/** The articles of a result; a text read as a whole is one article. */
export function articlesOf(result: IntakeResult): IntakeArticle[] {
  if (result.articles.length) return result.articles;
  return [{ zone: result.zone, zone_span: result.zone_span, zone_full: null, headline: null, reporter: null, span: [0, 0] }];
}

/** Whether a zone of the user's is the one a text names (the contract's rule, as commit checks it). */
export const zoneMatches = (read: string | null, zone: { name: string; shortName: string }) => zoneNameMatches(read, zone);
