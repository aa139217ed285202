/**
 * Writing a staged batch and taking it back (docs/imports.md, Commit and Undo): the commit writes
 * the valid rows (and the accepted updates) in one transaction and keeps what it wrote record by
 * record; the undo takes the whole batch back in one, or refuses naming what changed since.
 */
import { IMPORT_UNDO_DAYS, type commitImportBody, type ImportSummary } from '../../../contract/imports.ts';
import type { z } from 'zod';
import { actorOf, type SessionContext } from '../auth/session.ts';
import { fieldError } from '../errors.ts';
import type { ImportRecord, StagedRows } from './importer.ts';
import type { Progress } from './check.ts';
import type { EngineContext } from './engine-context.ts';

const DAY_MS = 86_400_000;

/**
 * The rows (keys) whose existing values stand, of the conflicting ones: the commit must say (a
 * conflict is never settled quietly); a key that is not a conflicting staged row is refused.
 */
function keptOf(conflicting: number[], staged: number[], choice: z.infer<typeof commitImportBody>['conflicts']): Set<number> {
  if (!conflicting.length) return new Set();
  if (choice === undefined) throw fieldError('conflicts', 'import_conflicts_unresolved');
  if (choice === 'existing') return new Set(conflicting);
  if (choice === 'sheet') return new Set();
  // A key of an update the user did not accept is no error: that row is not written at all.
  const known = new Set(staged);
  const keys = Array.isArray(choice) ? choice : choice.except;
  keys.forEach((key, i) => {
    if (!known.has(key)) throw fieldError(Array.isArray(choice) ? `conflicts.${i}` : `conflicts.except.${i}`, 'import_conflict_unknown');
  });
  const listed = new Set(keys);
  return new Set(conflicting.filter((k) => (Array.isArray(choice) ? !listed.has(k) : listed.has(k))));
}

export function commitOperations(ctx: EngineContext) {
  const { db, audit, clock, repo, progress, importerOf, stateOf, summaryOf, loadBatch, assertMay, forget } = ctx;
  return {
    /** Writes the valid rows in one transaction (`all`: only when no row has an error); a failure writes nothing. */
    async commit(s: SessionContext, id: string, body: z.infer<typeof commitImportBody>, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'staged') throw fieldError('mode', 'import_not_staged');
      if (body.mode === 'all' && b.errorCount > 0) throw fieldError('mode', 'import_has_errors');
      if (b.validRows === 0) throw fieldError('mode', 'import_nothing_valid');
      const state = stateOf(b);
      const actor = actorOf(s, requestId);
      const p: Progress = { phase: 'committing', rowsRead: b.totalRows, userId: s.user.id };
      progress.set(id, p);
      try {
        await db.transaction(async (tx) => {
          if (!(await repo.markBatch(tx, id, 'committed', clock()))) throw fieldError('mode', 'import_not_staged');
          await repo.bulkStatements(tx);
          // Updates of existing records the user did not accept are skipped (all are written by default).
          const choice = body.updates ?? 'all';
          const staged = body.conflicts === undefined || typeof body.conflicts === 'string' ? [] : await repo.conflictKeys(tx, id);
          const count = choice === 'all' ? b.validRows : await repo.dropUpdates(tx, id, choice === 'none' ? [] : choice);
          if (count === 0) throw fieldError('updates', 'import_nothing_valid');
          // Figures already filed for the period that the sheet gives otherwise: the user decides which stand.
          const conflicting = await repo.conflictKeys(tx, id);
          const keepExisting = keptOf(conflicting, staged, body.conflicts);
          const records: ImportRecord[] = [];
          const rows: StagedRows<unknown> = {
            importId: id,
            count,
            source: repo.validSource(id),
            async all() {
              const out: { rowNumber: number; data: unknown }[] = [];
              for (let after = 0; ; ) {
                const page = await repo.valuesPage(tx, id, after, 5000);
                if (!page.length) return out;
                for (const r of page) out.push({ rowNumber: r.row_no, data: r.value });
                after = page[page.length - 1].row_no;
              }
            },
          };
          const written = await importer.commit(tx, rows, {
            session: s,
            zoneId: b.zoneId,
            resolved: state.resolved,
            actor,
            requestId,
            mode: body.mode,
            clock,
            keepExisting,
            record: async (entries) => void records.push(...entries),
            recordCreated: (entityType, ids) => repo.insertCreatedRecords(tx, id, b.zoneId, entityType, ids),
          });
          await repo.insertRecords(tx, id, b.zoneId, records);
          await repo.deleteRows(tx, id);
          await repo.updateBatch(tx, id, { errors: { ...state, committed: written } });
          await audit(tx, actor, {
            zoneId: b.zoneId,
            action: 'import.commit',
            entityType: 'import',
            entityId: id,
            after: {
              kind: b.kind,
              mode: body.mode,
              updates: Array.isArray(choice) ? choice.length : typeof choice === 'string' ? choice : { except: choice.except.length },
              ...(conflicting.length ? { conflicts: { sheet: conflicting.length - keepExisting.size, existing: keepExisting.size } } : {}),
              ...written,
            },
          });
        });
      } finally {
        forget(id, p);
      }
      return summaryOf((await repo.findBatch(db, id))!);
    },

    /**
     * Undoes a committed batch as a whole, in one transaction: within IMPORT_UNDO_DAYS of its
     * commit, and only if none of its records changed since (else IMPORT_UNDO_CHANGED lists them).
     */
    async undo(s: SessionContext, id: string, requestId: string): Promise<ImportSummary> {
      const b = await loadBatch(s, id);
      const importer = importerOf(b.kind);
      assertMay(s, importer, b.zoneId);
      if (b.status !== 'committed' || !b.committedAt) throw fieldError('id', 'import_not_committed');
      if (!importer.undo) throw fieldError('id', 'import_undo_unsupported');
      if (clock().getTime() - b.committedAt.getTime() > IMPORT_UNDO_DAYS * DAY_MS) throw fieldError('id', 'import_undo_window');
      const state = stateOf(b);
      const actor = actorOf(s, requestId);
      await db.transaction(async (tx) => {
        if (!(await repo.markUndone(tx, id))) throw fieldError('id', 'import_not_committed');
        await repo.bulkStatements(tx);
        const records = await repo.recordsOf(tx, id);
        const undone = await importer.undo!(tx, { importId: id, session: s, zoneId: b.zoneId, actor, requestId, clock, records, committed: state.committed ?? {}, referred: (table, ids, except) => repo.referred(tx, table, ids, except) });
        await repo.updateBatch(tx, id, { errors: { ...state, undone } });
        await audit(tx, actor, {
          zoneId: b.zoneId,
          action: 'import.undo',
          entityType: 'import',
          entityId: id,
          // What the batch had written and is now removed or restored (the first 5,000 records).
          before: { committed: state.committed, records: records.slice(0, 5000).map((r) => ({ entityType: r.entityType, entityId: r.entityId, action: r.action })) },
          after: { kind: b.kind, ...undone },
        });
      });
      return summaryOf((await repo.findBatch(db, id))!);
    },
  };
}
