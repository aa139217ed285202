import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code.ts';

describe('unified social credit code', () => {
  it('accepts real codes', () => {
    // Published codes of well-known companies.
    for (const code of ['91440300708461136T', '9144030071526726XG', '91110000100006485K']) expect(creditCodeProblem(code)).toBeNull();
  });

  it('tolerates lower case, spaces and full-width characters', () => {
    expect(creditCodeProblem(' 91440300708461136t ')).toBeNull();
    expect(creditCodeProblem('９１４４０３００７０８４６１１３６Ｔ')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(creditCodeProblem('91440300708461136')).toBe('length');
    expect(creditCodeProblem('91440300708461136I')).toBe('characters');
    expect(creditCodeProblem('91440300708461136A')).toBe('check');
  });

  it('every single-character change of a valid code is caught', () => {
    const valid = '91440300708461136T';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i++) {
      for (const c of alphabet) {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(creditCodeProblem(changed)).toBe('check');
      }
    }
    expect(creditCodeCheckChar(valid.slice(0, 17))).toBe('T');
  });
});
