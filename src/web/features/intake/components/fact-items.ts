import type { IntakeLead, IntakeProject, IntakeResult, ReviewedLead, ReviewedProject, Span } from '../../../../contract/intake.ts';

/** A project read from the text, with what the reviewer made of it. */
export interface ProjectItem {
  kind: 'project';
  key: string;
  span: Span;
  accepted: boolean;
  read: IntakeProject;
  values: ReviewedProject;
}

export interface LeadItem {
  kind: 'lead';
  key: string;
  span: Span;
  accepted: boolean;
  read: IntakeLead;
  values: ReviewedLead;
}

export type FactItem = ProjectItem | LeadItem;

/** The editable facts of a reader result: accepted by default, spans kept for highlighting. */
export function factItemsOf(result: IntakeResult): FactItem[] {
  const projects = result.projects.map((p, i): ProjectItem => {
    const { span, spans: _spans, issues: _issues, ...values } = p;
    return { kind: 'project', key: `p${i}`, span, accepted: true, read: p, values: { ...values, key: `p${i}` } };
  });
  const leads = result.leads.map((l, i): LeadItem => {
    const { span, spans: _spans, ...values } = l;
    return { kind: 'lead', key: `l${i}`, span, accepted: true, read: l, values: { ...values, key: `l${i}` } };
  });
  return [...projects, ...leads];
}
