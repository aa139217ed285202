import { z } from 'zod';

export const uuidSchema = z.uuid().describe('UUID');
export const idParams = z.object({ id: uuidSchema });

/** The version the client read; an update naming a stale one gets VERSION_CONFLICT. */
export const versionSchema = z.number().int().min(1).describe('Row version the client read (optimistic concurrency)');

/** Actions the caller may take on this record; the UI hides the rest. */
export const actionsSchema = z.array(z.string()).describe('Actions the caller may take on this record');

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
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

/** A calendar date, YYYY-MM-DD (dates are `date` columns, never timestamps). */
export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date_format');
