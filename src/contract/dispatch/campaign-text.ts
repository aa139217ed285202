/**
 * The words of a 三个一批 nomination's derived status and of the nominated-vs-achieved sentence
 * ("提名5个，已投产3个：X、Y未投产"), in both languages: the campaign page and the tracking sheet say
 * the same thing from the same numbers.
 */
import type { CampaignBatch } from '../dispatch-enums.ts';
import type { CampaignEntryStatus, CampaignGap } from './campaigns.ts';

type Lang = 'zh' | 'en';
type Text = [zh: string, en: string];

/** The status of one nomination; `{on}` is its date (signing, start or production). */
export const campaignStatusLabels: Record<CampaignEntryStatus, Text> = {
  signed: ['已签约（{on}）', 'signed ({on})'],
  no_signing_event: ['活动未关联签约活动，无法认定签约', 'the campaign names no signing event'],
  not_signed_at_event: ['未在本次签约活动上签约', 'not signed at the campaign’s signing event'],
  framework_only: ['仅签订框架协议，不计入签约', 'only a framework agreement: not counted as signed'],
  counted_before: ['已于{on}首次签约计入，本次为重复签约，不再计入', 'first signed on {on}; re-signing does not count again'],
  started: ['已开工（{on}）', 'started ({on})'],
  not_started: ['尚无实际开工日期', 'no actual start date yet'],
  started_outside_quarter: ['实际开工日期{on}不在本季度', 'started on {on}, outside the quarter'],
  in_production: ['已投产（{on}）', 'in production ({on})'],
  no_production_date: ['尚无投产日期', 'no production date yet'],
  production_outside_quarter: ['投产日期{on}不在本季度', 'in production on {on}, outside the quarter'],
  no_record: ['未关联项目或线索记录，无法认定完成', 'not linked to a project or lead: nothing to derive it from'],
};

/** The verb of each batch: 签约 / 开工 / 投产. */
const verbs: Record<CampaignBatch, Text> = { sign: ['签约', 'signed'], start: ['开工', 'started'], production: ['投产', 'in production'] };

export function campaignStatusText(status: CampaignEntryStatus, on: string | null, lang: Lang): string {
  return campaignStatusLabels[status][lang === 'zh' ? 0 : 1].replace('{on}', on ?? '');
}

/**
 * One batch in a sentence: "提名5个，已投产3个：X、Y未投产（X：尚无投产日期；Y：…）", plus the signings at
 * the event not nominated. Empty when nothing was nominated or filled.
 */
export function campaignGapText(g: CampaignGap, lang: Lang): string {
  const i = lang === 'zh' ? 0 : 1;
  const verb = verbs[g.batch][i];
  if (g.nominated === 0 && g.extra.length === 0) return '';
  const parts: string[] = [];
  if (lang === 'zh') {
    let head = `提名${g.nominated}个，已${verb}${g.achieved}个`;
    if (g.missing.length) {
      const names = g.missing.map((m) => m.name).join('、');
      const why = g.missing.map((m) => `${m.name}：${campaignStatusText(m.status, m.statusOn, lang)}`).join('；');
      head += `：${names}未${verb}（${why}）`;
    }
    parts.push(head);
    if (g.extra.length) parts.push(`另有${g.extra.length}个未提名项目在活动上签约：${g.extra.map((e) => e.name).join('、')}`);
    return parts.join('；');
  }
  let head = `${g.nominated} nominated, ${g.achieved} ${verb}`;
  if (g.missing.length) head += `; not ${verb}: ${g.missing.map((m) => `${m.name} (${campaignStatusText(m.status, m.statusOn, lang)})`).join(', ')}`;
  parts.push(head);
  if (g.extra.length) parts.push(`${g.extra.length} signed at the event without a nomination: ${g.extra.map((e) => e.name).join(', ')}`);
  return parts.join('; ');
}
