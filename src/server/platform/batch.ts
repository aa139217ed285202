/**
 * Batch operations (contract/batch.ts): each selected row goes through the single-item operation's
 * own checks; if any refuses, the whole batch is refused with every refused row named (BATCH_REFUSED),
 * and nothing is written. See docs/decisions/ (batch operations: all or nothing).
 */
import type { BatchRejection } from '../../contract/batch.ts';
import { AppError } from './errors.ts';

/** The reason key a single-item refusal becomes in a batch answer. */
export function rejectionReason(error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'VERSION_CONFLICT') return 'batch_stale';
  if (error.code === 'NOT_FOUND') return 'batch_not_found';
  if (error.code === 'FORBIDDEN') return 'batch_forbidden';
  return error.details?.fields?.[0]?.reason ?? 'value_rejected';
}

/**
 * Runs `check` on every item (in order, on the caller's transaction); answers when all passed,
 * else throws BATCH_REFUSED listing each refused item: `details.rejected` [{ id, reason }] and, in
 * the same order, `details.fields` [{ field: 'items.<i>', reason }] translated by the error handler.
 */
export async function checkEach<T extends { id: string }>(items: readonly T[], check: (item: T, index: number) => Promise<void>): Promise<void> {
  const rejected: (BatchRejection & { index: number })[] = [];
  for (const [index, item] of items.entries()) {
    try {
      await check(item, index);
    } catch (error) {
      rejected.push({ id: item.id, reason: rejectionReason(error), index });
    }
  }
  if (rejected.length)
    throw new AppError('BATCH_REFUSED', {
      rejected: rejected.map(({ id, reason }) => ({ id, reason })),
      fields: rejected.map(({ index, reason }) => ({ field: `items.${index}`, reason })),
    });
}
