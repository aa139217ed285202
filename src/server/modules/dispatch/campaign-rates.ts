/**
 * 三个一批 rates, from a campaign's entries (docs/dispatch.md, "Rates"):
 * - 签约完成率 = signing entries done / signing entries planned
 * - 开工率 = start entries done / start entries planned
 * - 投产率 = production entries done / production entries planned
 * - 达效率 = production entries done and at designed output / production entries done
 * Amounts are summed alongside (planned amount; actual amount when given, else the planned one).
 */
import type { CampaignBatch } from '../../../contract/dispatch-enums.ts';

export interface RateEntry {
  batch: CampaignBatch;
  confirmed: boolean | null;
  outputReached: boolean;
  plannedAmountYuan: number | null;
  actualAmountYuan: number | null;
}

export interface Rate {
  planned: number;
  reported: number;
  done: number;
  rate: number | null;
  plannedAmountYuan: number;
  doneAmountYuan: number;
}

export interface Rates {
  signing: Rate;
  start: Rate;
  production: Rate;
  output: Rate;
}

const ratio = (done: number, planned: number) => (planned === 0 ? null : Math.round((done / planned) * 10_000) / 10_000);

function rateOf(entries: RateEntry[], isDone: (e: RateEntry) => boolean): Rate {
  const done = entries.filter(isDone);
  return {
    planned: entries.length,
    reported: entries.filter((e) => e.confirmed !== null).length,
    done: done.length,
    rate: ratio(done.length, entries.length),
    plannedAmountYuan: entries.reduce((sum, e) => sum + (e.plannedAmountYuan ?? 0), 0),
    doneAmountYuan: done.reduce((sum, e) => sum + (e.actualAmountYuan ?? e.plannedAmountYuan ?? 0), 0),
  };
}

export function computeRates(entries: RateEntry[]): Rates {
  const of = (batch: CampaignBatch) => entries.filter((e) => e.batch === batch);
  const producing = of('production').filter((e) => e.confirmed === true);
  return {
    signing: rateOf(of('sign'), (e) => e.confirmed === true),
    start: rateOf(of('start'), (e) => e.confirmed === true),
    production: rateOf(of('production'), (e) => e.confirmed === true),
    output: rateOf(producing, (e) => e.outputReached),
  };
}
