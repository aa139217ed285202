import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type WorkCalendar } from './calendar.ts';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
/** The definition, one day at a time: what the arithmetic must agree with. */
function naiveBetween(c: WorkCalendar, from: string, to: string) {
  let n = 0;
  for (let t = at(from) + DAY; t <= at(to); t += DAY) if (c.isWorkday(iso(t))) n++;
  return n;
}

describe('working-day calendar', () => {
  const calendar = createWorkCalendar();

  it('knows 2026 National Day and its make-up Saturday', () => {
    expect(calendar.isWorkday('2026-10-01')).toBe(false);
    expect(calendar.isWorkday('2026-10-07')).toBe(false);
    expect(calendar.isWorkday('2026-10-10')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkday('2026-10-12')).toBe(true);
    expect(calendar.isWorkday('2026-10-11')).toBe(false); // plain Sunday
  });

  it('counts working days across a holiday week', () => {
    // Filed Wed 30 Sep 2026; 1–7 Oct is the holiday week, Sat 10 Oct a make-up working day.
    expect(calendar.workdaysBetween('2026-09-30', '2026-10-09')).toBe(2);
    expect(calendar.workdaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(calendar.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkdays('2026-09-30', 4)).toBe('2026-10-12');
    expect(calendar.workdaysBetween('2026-10-12', '2026-10-12')).toBe(0);
  });

  it('lets admin-entered days override and extend the published years', () => {
    expect(calendar.isWorkday('2027-01-01')).toBe(true); // a Friday: unknown to the package
    const extended = createWorkCalendar([
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-01-02', kind: 'holiday', name: '元旦' },
      { day: '2026-10-10', kind: 'holiday', name: '测试：改为休息' },
    ]);
    expect(extended.isWorkday('2027-01-01')).toBe(false);
    expect(extended.describe('2027-01-01')).toEqual({ workday: false, source: 'override', name: '元旦' });
    expect(extended.isWorkday('2026-10-10')).toBe(false);
    expect(extended.workdaysBetween('2026-12-31', '2027-01-04')).toBe(1);
  });

  it('counts by arithmetic, equal to walking the days, around holidays, 调休 and overrides', () => {
    const extended = createWorkCalendar([
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-01-03', kind: 'workday', name: '测试：周日上班' },
      { day: '2026-10-10', kind: 'holiday', name: '测试：改为休息' },
    ]);
    const span = fc.integer({ min: at('2017-06-01'), max: at('2028-06-01') }).map((t) => iso(Math.floor(t / DAY) * DAY));
    fc.assert(
      fc.property(span, fc.integer({ min: -30, max: 900 }), (from, days) => {
        const to = iso(at(from) + days * DAY);
        for (const c of [calendar, extended]) {
          const n = c.workdaysBetween(from, to);
          expect(n).toBe(naiveBetween(c, from, to));
          if (n > 0) {
            const back = c.addWorkdays(from, n);
            expect(c.isWorkday(back)).toBe(true);
            expect(c.workdaysBetween(from, back)).toBe(n);
            expect(back <= to).toBe(true);
          }
        }
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('answers a span of centuries at once (no loop over days)', () => {
    // 1900-01-01 .. 2100-12-31 walked day by day is 73k lookups; by arithmetic it is a few.
    const n = calendar.workdaysBetween('1900-01-01', '2100-12-31');
    expect(n).toBeGreaterThan(52_000);
    expect(calendar.workdaysBetween('2026-01-01', '9999-12-31')).toBeGreaterThan(2_000_000);
    expect(calendar.addWorkdays('2026-11-18', 1_000_000) > '5000-01-01').toBe(true);
    expect(calendar.addWorkdays('2026-11-18', 0)).toBe('2026-11-18');
  });
});
