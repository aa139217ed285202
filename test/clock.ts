/**
 * The tests' clock. Every suite runs at the instant TEST_NOW (ISO 8601; default below), moving
 * forward with real time from there, and the demo template is seeded around the same day: so a
 * suite proves the same things whatever the machine's date, and CI runs it at two dates.
 */
import { chinaDate, type Clock } from '../src/server/platform/clock.ts';

const DEFAULT_TEST_NOW = '2026-11-18T10:00:00+08:00';

function parseTestNow(): Date {
  const text = process.env.TEST_NOW || DEFAULT_TEST_NOW;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new Error(`TEST_NOW is not an ISO 8601 instant: ${text}`);
  return at;
}

export const testNow = parseTestNow();
const startedAt = Date.now();

/** TEST_NOW, advancing with real time (so events in a test stay ordered). */
export const testClock: Clock = () => new Date(testNow.getTime() + (Date.now() - startedAt));

/** The test day in China, YYYY-MM-DD. */
export const testToday = chinaDate(testNow);

/** The date `n` days before the test day (negative: after). */
export function testDaysAgo(n: number): string {
  return chinaDate(new Date(testNow.getTime() - n * 86_400_000));
}
