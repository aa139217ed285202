/**
 * Batch operations on selected rows (批量操作): every item names the version it read, the server
 * checks each as the single-item operation would and writes them all in one transaction, or none.
 */
import { z } from 'zod';
import { uuidSchema, versionSchema } from './common.ts';
import { defineReasons } from './reasons.ts';

/** The most rows one batch takes (a list page holds at most 500). */
export const BATCH_MAX = 500;

defineReasons({
  batch_too_large: [`一次最多批量处理 ${BATCH_MAX} 条，请分批操作`, `at most ${BATCH_MAX} rows per batch; split the selection`],
  batch_duplicate_ids: ['所选记录有重复', 'the selection names a record twice'],
  batch_stale: ['该记录已被他人修改，请刷新后重试', 'someone else saved this record first; reload and retry'],
  batch_not_found: ['记录不存在或不在您的管辖范围内', 'not found, or outside the zones you cover'],
  batch_forbidden: ['您没有修改该记录的权限', 'you may not change this record'],
  batch_nothing_to_change: ['请至少指定一项要修改的内容', 'say at least one thing to change'],
});

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

/** The selected rows, each with the version the client read. */
export const batchItemsSchema = z
  .array(z.object({ id: uuidSchema, version: versionSchema }))
  .min(1)
  .max(BATCH_MAX, 'batch_too_large')
  .refine((items) => uniqueIds(items.map((i) => i.id)), 'batch_duplicate_ids')
  .describe(`The selected rows (at most ${BATCH_MAX}), each with the version the client read`);

/** The selected rows of an export (read only: no versions). */
export const batchIdsSchema = z
  .array(uuidSchema)
  .min(1)
  .max(BATCH_MAX, 'batch_too_large')
  .refine(uniqueIds, 'batch_duplicate_ids')
  .describe(`The selected rows (at most ${BATCH_MAX})`);

export const batchExportBody = z.object({ ids: batchIdsSchema });

/** What a batch answers when it saved: every row with its new version. */
export const batchResultSchema = z.object({
  updated: z.number().int().describe('Rows written'),
  items: z.array(z.object({ id: z.string(), version: z.number().int() })),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

/** One refused row of a BATCH_REFUSED answer (`details.rejected`); `reason` is a reason key, `message` its text. */
export const batchRejectionSchema = z.object({ id: z.string(), reason: z.string(), message: z.string().optional() });
export type BatchRejection = z.infer<typeof batchRejectionSchema>;
