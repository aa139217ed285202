/** Time comes from here, so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** China keeps UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China at an instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China by this clock. */
export function chinaToday(clock: Clock = systemClock): string {
  return chinaDate(clock());
}

/** The date in China `days` calendar days from this clock's today (negative: before). */
export function chinaDaysFrom(clock: Clock, days: number): string {
  return chinaDate(new Date(clock().getTime() + days * 86_400_000));
}

/** Midnight in China of a calendar date, as an instant. */
export function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** A fixed clock: every call answers the same instant (tests, seeds built for a given day). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: not a date: ${String(at)}`);
  return () => new Date(instant.getTime());
}
