import { sql, type SQL } from 'drizzle-orm';

/** A LIKE/ILIKE pattern that finds `text` anywhere, with the user's % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** Escapes LIKE wildcards (PostgreSQL's default escape character is the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `= any($1::uuid[])`: one array parameter instead of a literal per id. */
export function anyUuid(ids: readonly string[]): SQL {
  return sql`any(${sql.param([...ids])}::uuid[])`;
}
