/**
 * Every SQL statement drizzle sends, offered to whoever listens: the EXPLAIN test (each list's plan
 * at province scale) and the query-log test (each query on a zone-scoped table carries zone_id) read
 * the queries the app really issues. Nobody listens in production; a send then costs one size check.
 */
import type { Logger } from 'drizzle-orm';

export type QueryListener = (query: string, params: unknown[]) => void;

const listeners = new Set<QueryListener>();

/** Calls `listener` with each statement until the returned function is called. */
export function onQuery(listener: QueryListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const queryLogger: Logger = {
  logQuery(query, params) {
    if (listeners.size === 0) return;
    for (const listener of listeners) listener(query, params);
  },
};
