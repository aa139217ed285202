import { describe, expect, it } from 'vitest';
import { formatChinaDate, formatDateTime } from './format-date-time.ts';

// The suites run in the machine's zone (UTC here and in CI); the browser may be anywhere. Every
// instant below is shown as China shows it.
describe('dates shown in China time whatever the browser zone', () => {
  it('shows an agreement stored as China midnight on its own day, not the day before', () => {
    expect(formatChinaDate('2026-04-07T16:00:00.000Z')).toBe('2026-04-08');
    expect(formatDateTime('2026-04-07T16:00:00.000Z', 'zh-CN')).toBe('2026年4月8日 00:00');
  });

  it('shows an afternoon instant at its China hour, in both languages', () => {
    expect(formatDateTime('2026-11-18T02:30:00Z', 'zh-CN')).toBe('2026年11月18日 10:30');
    expect(formatDateTime('2026-11-18T02:30:00Z', 'en-US')).toBe('2026-11-18 10:30');
    expect(formatDateTime('2026-11-18T10:30:00+08:00', 'en-US')).toBe('2026-11-18 10:30');
  });

  it('keeps a plain date as it is and says — for none', () => {
    expect(formatChinaDate('2026-02-28')).toBe('2026-02-28');
    expect(formatChinaDate(null)).toBe('—');
    expect(formatDateTime(undefined, 'zh-CN')).toBe('—');
  });
});
