/**
 * The staged-import engine (docs/imports.md, decision 010): the operations. One upload: every
 * sheet is read, its tables found and mapped by the importer's header words (or the mapping the
 * zone saved for those headers), every row checked by the importer (check.ts) and staged (cells as
 * read, valid or not, what the importer made of it, the update it makes). The user may then map
 * columns differently (saved for the zone) and resolve unknown names (remembered for the zone) —
 * the staged cells are checked again, no new upload — accept all, some or none of the updates, and
 * commits in one transaction, or discards. A committed batch can be undone within the window.
 *
 * The operations live by kind: stage.ts (the upload), remap.ts (another mapping, names resolved),
 * commit.ts (commit, undo); engine-context.ts what they share.
 */
import { actorOf, systemActor, type SessionContext } from '../auth/session.ts';
import { fieldError, notFound } from '../errors.ts';
import { inScope } from '../policies.ts';
import type { ImportProgress, ImportSummary, importUpdatesPage } from '../../../contract/imports.ts';
import type { z } from 'zod';
import { createEngineContext, type EngineDeps } from './engine-context.ts';
import { stageOperations } from './stage.ts';
import { remapOperations } from './remap.ts';
import { commitOperations } from './commit.ts';

export function createImportEngine(deps: EngineDeps) {
  const ctx = createEngineContext(deps);
  const { db, audit, clock, repo, importers, progress, importerOf, summaryOf, updateItem, multiSheetOf, loadBatch, assertMay } = ctx;

  return {
    kinds: () => [...importers.keys()],
    ...stageOperations(ctx),

    async inCallerScope(s: SessionContext, id: string): Promise<boolean> {
      const b = await repo.findBatch(db, id);
      return Boolean(b && inScope(s, b.zoneId));
    },

    async get(s: SessionContext, id: string) {
      return summaryOf(await loadBatch(s, id));
    },

    /** A page of a staged batch's updates (all of them, where the summary lists the first 500). */
    async updates(s: SessionContext, id: string, q: { offset: number; limit: number }): Promise<z.infer<typeof importUpdatesPage>> {
      const b = await loadBatch(s, id);
      if (b.status !== 'staged') return { count: 0, unchanged: 0, conflicts: 0, listed: 0, offset: q.offset, items: [] };
      const multiSheet = multiSheetOf(b);
      const page = await repo.updatesOf(db, id, q.limit, q.offset);
      return { count: page.count, unchanged: page.unchanged, conflicts: page.conflicts, listed: page.listed, offset: q.offset, items: page.items.map((u) => updateItem(u, multiSheet)) };
    },
    ...remapOperations(ctx),

    /** Progress of an upload being read (the client picks the id so it can poll while uploading). */
    async progress(s: SessionContext, id: string): Promise<ImportProgress> {
      const p = progress.get(id);
      const b = await repo.findBatch(db, id);
      if (b && !inScope(s, b.zoneId)) throw notFound();
      // Before its batch exists, an upload's progress is its uploader's only.
      if (p && (b || p.userId === s.user.id)) return { phase: p.phase, rowsRead: p.rowsRead };
      return b ? { phase: 'done', rowsRead: b.totalRows } : { phase: 'unknown', rowsRead: 0 };
    },
    ...commitOperations(ctx),

    /**
     * At start (app.ts), when no upload can be running: a batch a crash left half staged (never
     * counted) is removed with its rows, audited as the system's, so nobody has to discard it by hand.
     */
    async removeAbandoned(): Promise<number> {
      const abandoned = await repo.abandonedBatches(db);
      for (const b of abandoned) {
        await db.transaction(async (tx) => {
          await repo.deleteBatch(tx, b.id);
          await audit(tx, systemActor, { zoneId: b.zoneId, action: 'import.abandoned', entityType: 'import', entityId: b.id, before: { kind: b.kind, fileName: b.fileName, createdAt: b.createdAt } });
        });
      }
      return abandoned.length;
    },

    async discard(s: SessionContext, id: string, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      assertMay(s, importerOf(b.kind), b.zoneId);
      await db.transaction(async (tx) => {
        if (!(await repo.markBatch(tx, id, 'discarded', clock()))) throw fieldError('mode', 'import_not_staged');
        await repo.deleteRows(tx, id);
        await audit(tx, actorOf(s, requestId), { zoneId: b.zoneId, action: 'import.discard', entityType: 'import', entityId: id });
      });
      return summaryOf((await repo.findBatch(db, id))!);
    },
  };
}

export type ImportEngine = ReturnType<typeof createImportEngine>;
