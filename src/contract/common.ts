import { z } from 'zod';
import { defineReasons } from './reasons.ts';

/** Largest value of a PostgreSQL `integer` column (versions, counts, sort orders). */
export const INT_MAX = 2_147_483_647;

export const uuidSchema = z.uuid().describe('UUID');
export const idParams = z.object({ id: uuidSchema });

/** The version the client read; an update naming a stale one gets VERSION_CONFLICT. */
export const versionSchema = z.number().int().min(1).max(INT_MAX).describe('Row version the client read (optimistic concurrency)');

/** Actions the caller may take on this record; the UI hides the rest. */
export const actionsSchema = z.array(z.string()).describe('Actions the caller may take on this record');

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

export const isoDateTime = z.string().describe('ISO 8601 timestamp');
export const regionCodeSchema = z.string().regex(/^[0-9]{6}$/, 'region_code');

/**
 * The dates any field accepts: wide enough for an enterprise founded under the Republic or a plan to
 * 2100, narrow enough that date arithmetic (working days, periods) stays bounded.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/** Is `YYYY-MM-DD` a day that exists (no 2026-02-30, no 2027-02-29)? */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

defineReasons({
  date_invalid: ['日期不存在（如 2 月 30 日）', 'no such day (e.g. 30 February)'],
  date_out_of_range: [`日期应在 ${DATE_MIN} 至 ${DATE_MAX} 之间`, `date must be between ${DATE_MIN} and ${DATE_MAX}`],
  value_rejected: ['取值超出允许范围或格式不正确', 'value out of range or malformed'],
  nul_character: ['不能包含空字符（\\0）', 'must not contain a NUL character (\\0)'],
});

/**
 * A calendar date, YYYY-MM-DD (dates are `date` columns, never timestamps): a day that exists, within
 * DATE_MIN..DATE_MAX. Every date field uses this one schema.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date_format')
  .refine(isRealDate, 'date_invalid')
  .refine((v) => v >= DATE_MIN && v <= DATE_MAX, 'date_out_of_range');
