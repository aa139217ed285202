/**
 * 三个一批 rates, from a campaign's entries as derived from the records (campaign-achievement.ts;
 * docs/dispatch.md, "Rates"):
 * - 签约完成率 = signing nominations achieved / nominated
 * - 开工率 = start nominations achieved / nominated
 * - 投产率 = production nominations achieved / nominated
 * - 达效率 = production achieved and at designed output / production achieved
 * Amounts are summed alongside: planned (nominations); done = the agreements counted for 签约一批, the
 * planned amount of those achieved for the others. Signings at the event nobody nominated are `extra`.
 */
import type { CampaignBatch } from '../../../contract/dispatch-enums.ts';

export interface RateEntry {
  batch: CampaignBatch;
  nominated: boolean;
  achieved: boolean;
  outputReached: boolean;
  plannedAmountYuan: number | null;
  achievedAmountYuan: number | null;
}

export interface Rate {
  planned: number;
  done: number;
  rate: number | null;
  plannedAmountYuan: number;
  doneAmountYuan: number;
  extra: number;
  extraAmountYuan: number;
}

export interface Rates {
  signing: Rate;
  start: Rate;
  production: Rate;
  output: Rate;
}

const ratio = (done: number, planned: number) => (planned === 0 ? null : Math.round((done / planned) * 10_000) / 10_000);
const amountOf = (e: RateEntry) => (e.batch === 'sign' ? (e.achievedAmountYuan ?? 0) : (e.plannedAmountYuan ?? 0));

function rateOf(entries: RateEntry[], isDone: (e: RateEntry) => boolean): Rate {
  const nominated = entries.filter((e) => e.nominated);
  const extra = entries.filter((e) => !e.nominated);
  const done = nominated.filter(isDone);
  return {
    planned: nominated.length,
    done: done.length,
    rate: ratio(done.length, nominated.length),
    plannedAmountYuan: nominated.reduce((sum, e) => sum + (e.plannedAmountYuan ?? 0), 0),
    doneAmountYuan: done.reduce((sum, e) => sum + amountOf(e), 0),
    extra: extra.length,
    extraAmountYuan: extra.reduce((sum, e) => sum + (e.achievedAmountYuan ?? 0), 0),
  };
}

export function computeRates(entries: RateEntry[]): Rates {
  const of = (batch: CampaignBatch) => entries.filter((e) => e.batch === batch);
  const producing = of('production').filter((e) => e.nominated && e.achieved);
  return {
    signing: rateOf(of('sign'), (e) => e.achieved),
    start: rateOf(of('start'), (e) => e.achieved),
    production: rateOf(of('production'), (e) => e.achieved),
    output: rateOf(producing, (e) => e.outputReached),
  };
}
