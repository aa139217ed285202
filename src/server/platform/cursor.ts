/**
 * Keyset cursors (issue 17: deep pages at index speed): the last row's exact order key and id,
 * opaque to the client (base64url of JSON). A cursor that is not one this server gave is a field
 * error on `after`, never a query.
 */
import { fieldError } from './errors.ts';

export interface Cursor {
  /** The order column's value as PostgreSQL prints it (a timestamptz keeps its microseconds). */
  at: string;
  id: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// '2026-11-30 10:00:00.123456+08' as PostgreSQL prints a timestamptz (any session time zone).
const timestamptz = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

/** 2026-02-30 or hour 25 would pass the pattern and fail in the database (a 500): the calendar decides. */
function realDay(at: string): boolean {
  const [y, m, d, h, min, sec] = [0, 5, 8, 11, 14, 17].map((i, k) => Number(at.slice(i, k === 0 ? 4 : i + 2)));
  const day = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && h < 24 && min < 60 && sec < 60;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');

export function decodeCursor(text: string, field = 'after'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw fieldError(field, 'invalid_cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw fieldError(field, 'invalid_cursor');
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !timestamptz.test(at) || !uuid.test(id) || !realDay(at)) throw fieldError(field, 'invalid_cursor');
  return { at, id };
}
