/** 2026年4月8日, as official documents and notifications write a date. */
export function cnDate(day: string | null | undefined): string {
  if (!day) return '—';
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
