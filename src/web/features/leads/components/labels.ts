import { agreementKindLabels, chainActionLabels, methodLabels, stageLabels, statusLabels, activityKindLabels } from '../../../../contract/pipeline-enums.ts';
import type { Locale } from '../../../../contract/errors.ts';

/** Enumerated pipeline values in the current language, from the contract's label tables. */
export function pipelineLabels(locale: Locale) {
  const i = locale === 'en-US' ? 1 : 0;
  const pick =
    <K extends string>(table: Record<K, [string, string]>) =>
    (key: K | null | undefined) =>
      key ? (table[key]?.[i] ?? key) : '—';
  return {
    stage: pick(stageLabels),
    status: pick(statusLabels),
    method: pick(methodLabels),
    chainAction: pick(chainActionLabels),
    agreementKind: pick(agreementKindLabels),
    activityKind: pick(activityKindLabels),
  };
}

export const statusColors: Record<string, string> = { active: 'green', delayed: 'orange', dormant: 'default', lost: 'red', terminated: 'volcano' };
