import { afterEach, describe, expect, it, vi } from 'vitest';
import { readText } from '../modules/intake/reader/read-text.ts';
import { loadSamples } from '../modules/intake/samples/load-samples.ts';
import { runExtract } from './extract.ts';

const samples = loadSamples();
const dir = new URL('../modules/intake/samples/', import.meta.url).pathname;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('zonedesk extract', () => {
  it.each(samples)('$name: --json prints the reader result', async ({ file, text, expected }) => {
    const { out } = capture();
    expect(await runExtract([file, '--date', expected.reference_date, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toEqual(readText(text, { referenceDate: expected.reference_date }));
  });

  it('prints a Chinese summary without --json', async () => {
    const { out } = capture();
    expect(await runExtract([`${dir}06-trip-report.txt`, '--date', '2026-05-12'])).toBe(0);
    expect(out.join('\n')).toContain('苏州汇川精工科技有限公司：拟建 新能源汽车电驱系统项目，计划投资 3.2 亿元');
  });

  it('returns 1 with a message for a missing file, a bad date or no file', async () => {
    const { err } = capture();
    expect(await runExtract(['/no/such/file.txt'])).toBe(1);
    expect(await runExtract([`${dir}06-trip-report.txt`, '--date', '2026/05/12'])).toBe(1);
    expect(await runExtract([])).toBe(1);
    expect(err.join('\n')).toMatch(/找不到文件[\s\S]*YYYY-MM-DD[\s\S]*usage/);
  });
});
