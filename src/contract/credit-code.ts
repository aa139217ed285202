/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-letter
 * alphabet (no I, O, Z, S, V); the last is a check character over the first 17.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'check';

/** The check character the first 17 characters call for. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * weights[i];
  return alphabet[(31 - (sum % 31)) % 31];
}

/** Null when valid; otherwise what is wrong. Input is upper-cased and trimmed first. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => alphabet.includes(c))) return 'characters';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export function normalizeCreditCode(raw: string): string {
  // Full-width letters and digits are common in pasted text.
  return raw
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

export const creditCodeReasons: Record<CreditCodeProblem, [zh: string, en: string]> = {
  length: ['统一社会信用代码应为 18 位', 'a credit code has 18 characters'],
  characters: ['统一社会信用代码含有不允许的字符（不含 I、O、Z、S、V）', 'the credit code has characters outside its alphabet (no I, O, Z, S, V)'],
  check: ['统一社会信用代码校验位不正确，请核对', 'the credit code check character is wrong'],
};
