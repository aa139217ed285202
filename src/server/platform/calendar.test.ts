import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from './calendar.ts';

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
});
