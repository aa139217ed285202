import { findDates, isAfter, resolveDate, type RefDate } from './dates.ts';
import { clauseEnd, isPlanned, type Found } from './text-tools.ts';

export interface EventDates {
  started?: Found<string>;
  planned_start?: Found<string>;
  planned_production?: Found<string>;
  signed?: Found<string>;
}

const EVENT = /^[^，,；;。]{0,8}?(开工|动工|开建|投产|投用|签约|签订|签署)/;

/**
 * Dates tied to the event that follows them in the same clause (`2025年11月开工`, `计划7月15日开工`,
 * `9月底前建成投产`). A date is a plan when its clause says so or when it lies after the reference date.
 */
export function findEventDates(text: string, ref: RefDate, from: number, to: number): EventDates {
  const out: EventDates = {};
  for (const d of findDates(text.slice(from, to))) {
    const start = d.start + from;
    const end = d.end + from;
    const event = EVENT.exec(text.slice(end, clauseEnd(text, end, to)));
    if (!event) continue;
    const planned = isPlanned(text, start, from);
    const iso = resolveDate(d, ref, planned ? 'future' : 'unknown');
    const future = planned || isAfter(iso, ref);
    const found = { value: iso, start, end: end + event.index + event[0].length };
    if (/开工|动工|开建/.test(event[1])) {
      if (future) out.planned_start ??= found;
      else out.started ??= found;
    } else if (event[1] === '投产' || event[1] === '投用') {
      if (future) out.planned_production ??= found;
    } else if (!future) out.signed ??= found;
  }
  return out;
}
