import type { Locale } from '../../../../contract/errors.ts';

/** A contract label pair in the page's language. */
export const labelOf = (pair: readonly [string, string] | undefined, locale: Locale) => (pair ? pair[locale === 'en-US' ? 1 : 0] : '—');
/** 万元 as the number a form field shows. */
export const wanOf = (yuan: number | null | undefined) => (yuan == null ? null : yuan / 10_000);
