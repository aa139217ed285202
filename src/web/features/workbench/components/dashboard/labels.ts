/** The words the 驾驶舱 draws on canvases and in exports (from the contract's label tables, zh-CN and en-US). */
import { flagReasonLabels, projectFlagLabels, projectStageLabels } from '../../../../../contract/project-labels.ts';
import { methodLabels, stageLabels } from '../../../../../contract/pipeline-enums.ts';
import { formatMoney } from '../../../../../contract/money.ts';

type Locale = 'zh-CN' | 'en-US';
const pick = (pair: readonly [string, string] | undefined, locale: Locale, fallback: string) => (pair ? pair[locale === 'en-US' ? 1 : 0] : fallback);

export function kpiLabels(locale: Locale) {
  return {
    projectStage: (s: string) => pick(projectStageLabels[s], locale, s),
    leadStage: (s: string) => pick(stageLabels[s as keyof typeof stageLabels], locale, s),
    method: (m: string) => pick(methodLabels[m as keyof typeof methodLabels], locale, m),
    flag: (f: string) => pick(projectFlagLabels[f], locale, f),
    reason: (code: string) => pick(flagReasonLabels[code] ?? (code === 'responsibility_missing' ? ['责任未落实', 'Responsibility missing'] : undefined), locale, code),
    money: (yuan: number | null | undefined) => formatMoney(yuan, locale),
    percent: (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`),
  };
}

/** Yuan → 万元 with two decimals: the unit of every money column a chart exports. */
export const wan = (yuan: number) => Math.round(yuan / 100) / 100;
