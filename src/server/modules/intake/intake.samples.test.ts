import { describe, expect, it } from 'vitest';
import { intakeResultSchema, type IntakeResult } from '../../../contract/intake.ts';
import { normalise } from './reader/normalise.ts';
import { readText } from './reader/read-text.ts';
import { loadSamples } from './samples/load-samples.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
/** What a span of the original text reads as once normalised: the fact's own text. */
const spanText = (text: string, [s, e]: [number, number]) => squash(normalise(text.slice(s, e)).text);

const samples = loadSamples();

describe('intake samples', () => {
  it('finds the shared samples and ours', () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(samples)('$name', ({ text, expected }) => {
    const result: IntakeResult = readText(text, { referenceDate: expected.reference_date });

    it('matches the contract', () => {
      expect(intakeResultSchema.parse(result)).toEqual(result);
    });

    it('names the zone', () => {
      if (expected.zone !== undefined) expect(result.zone).toBe(expected.zone);
      if (result.zone_span) expect(spanText(text, result.zone_span)).toBe(result.zone);
    });

    it('finds every expected project with its fields', () => {
      for (const want of expected.projects ?? []) {
        const got = result.projects.find((p) => squash(p.name) === squash(want.name));
        expect(got, `project ${want.name}`).toBeDefined();
        for (const [field, value] of Object.entries(want)) {
          if (field === 'name' || field === 'issues') continue;
          expect(got?.[field as keyof typeof got], `${want.name}.${field}`).toEqual(value);
        }
        for (const issue of want.issues ?? []) {
          const match = got?.issues?.find((i) => squash(i.text).includes(squash(issue.text_contains)));
          expect(match, `${want.name} issue ${issue.text_contains}`).toBeDefined();
          expect(match?.category).toBe(issue.category);
        }
      }
    });

    it('reports no project that is not in the text', () => {
      const wanted = (expected.projects ?? []).map((p) => squash(p.name));
      for (const p of result.projects) {
        expect(wanted, `unexpected project ${p.name}`).toContain(squash(p.name));
        expect(spanText(text, p.spans.name!)).toBe(squash(p.name));
      }
    });

    it('finds every expected lead with its fields and no other', () => {
      for (const want of expected.leads ?? []) {
        const got = result.leads.find((l) => squash(l.enterprise) === squash(want.enterprise));
        expect(got, `lead ${want.enterprise}`).toBeDefined();
        for (const [field, value] of Object.entries(want)) {
          expect(got?.[field as keyof typeof got], `${want.enterprise}.${field}`).toEqual(value);
        }
      }
      const wanted = (expected.leads ?? []).map((l) => squash(l.enterprise));
      for (const l of result.leads) expect(wanted, `unexpected lead ${l.enterprise}`).toContain(squash(l.enterprise));
    });

    it('finds the expected figures', () => {
      for (const want of expected.figures ?? []) {
        expect(result.figures, `figure ${want.what}`).toContainEqual(expect.objectContaining({ what: want.what, value: want.value }));
      }
    });

    it('gives every amount a span that reads as the amount', () => {
      for (const p of result.projects) {
        if (p.total_investment_wan === undefined) continue;
        const span = spanText(text, p.spans.total_investment_wan!);
        expect(span).toMatch(/[\d一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/);
      }
    });
  });
});
