import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intakeResultSchema, type IntakeResult } from '../../../../contract/intake.ts';
import { loadSamples } from '../samples/load-samples.ts';
import { normalise } from './normalise.ts';
import { readText } from './read-text.ts';

const REF = { referenceDate: '2026-06-10' };

/** Fragments that steer random text into the reader's interesting paths. */
const FRAGMENTS = [
  '总投资', '1.', '69', '亿元', '万元', '项目', '有限公司', '拟', '投资', '一期', '计划', '月', '日', '今年', '明年',
  '开工', '投产', '达产', '亩', '%', '，', '。', '；', '：', '\n', '\n\n', ' ', '1.', '一、', '（二）', '|', '经开区',
  '存在问题：', '尚未', '其中', '个', '家', '签约', '框架协议', '意向', '年产', '万吨', '\uFFFD', '\uE000', '１２', '．',
];

const withoutSpans = (r: IntakeResult) =>
  JSON.parse(JSON.stringify(r, (key, value) => (key === 'span' || key === 'spans' || key === 'zone_span' ? undefined : value)));

/** Re-wraps each paragraph at `width` characters, as a PDF column would. */
function rewrap(text: string, width: number, lineBreak: string): string {
  return text
    .split('\n')
    .map((para) => {
      const lines: string[] = [];
      for (let i = 0; i < para.length; i += width) lines.push(para.slice(i, i + width));
      return lines.join(lineBreak);
    })
    .join(lineBreak);
}

describe('readText on arbitrary input', () => {
  it('returns an empty result for empty text', () => {
    expect(readText('', REF)).toEqual({ reference_date: '2026-06-10', zone: null, zone_span: null, articles: [], projects: [], leads: [], figures: [], trips: [] });
    expect(readText(' \n\n \r\n', REF).projects).toEqual([]);
  });

  // 400 texts: 4 s on a quiet machine, over 30 s at load 20.
  it('never throws, and always returns the contract shape with spans inside the input', { timeout: 120_000 }, () => {
    const binary = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder('utf-8').decode(bytes));
    const latin1 = fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1'));
    const steered = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }).map((parts) => parts.join(''));
    const units = fc.string({ unit: 'binary', maxLength: 300 });
    fc.assert(
      fc.property(fc.oneof(binary, latin1, steered, units), (text) => {
        const result = readText(text, REF);
        intakeResultSchema.parse(result);
        const spans: [number, number][] = [
          ...result.projects.flatMap((p) => [p.span, ...Object.values(p.spans).filter((s): s is [number, number] => !!s)]),
          ...result.leads.map((l) => l.span),
          ...result.figures.map((f) => f.span),
        ];
        for (const [s, e] of spans) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(text.length);
          expect(s).toBeLessThanOrEqual(e);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps each normalised character tied to an increasing position of the input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((p) => p.join('')), (text) => {
        const n = normalise(text);
        expect(n.origin.length).toBe(n.text.length);
        for (let i = 1; i < n.origin.length; i++) expect(n.origin[i]).toBeGreaterThan(n.origin[i - 1]);
      }),
    );
  });
});

describe('readText under re-wrapping', () => {
  // The table sample is left out: a table re-wrapped at 5 characters is no longer a table.
  const prose = loadSamples().filter((s) => !s.name.includes('table') && !/\t.*\t|\|.*\|/.test(s.text));

  it.each(prose)('$name reads the same at any line width 5..40', ({ text, expected }) => {
    const opts = { referenceDate: expected.reference_date };
    const baseline = withoutSpans(readText(text, opts));
    const paragraphs = normalise(text).text;
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.constantFrom('\n', '\n\n', ' \n\n', '\r\n'), (width, lineBreak) => {
        expect(withoutSpans(readText(rewrap(paragraphs, width, lineBreak), opts))).toEqual(baseline);
      }),
      { numRuns: 150 },
    );
  });
});
