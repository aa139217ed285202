/**
 * Undo of an import's records of one table whose rows carry a version (docs/imports.md Undo): the
 * importers that create a row or update it in place, one row a record (funding's two lists, hiring
 * posts, the 赋权事项 catalogue). The module keeps its SQL: it hands in how to read, delete and restore.
 */
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit.ts';
import { undoConflict, type Json, type UndoInput } from './importer.ts';

export interface VersionedRecords<L extends string> {
  /** The records' entity type (ImportRecord.entityType), also the audit entries' and the conflict's. */
  entity: string;
  /** The table the rows are in, asked of `UndoInput.referred`. */
  table: string;
  /** Tables whose references to a created row do not refuse the undo (rows the import wrote beside it, removed with it). */
  except?: string[];
  /** The audit action of each deletion and restore. */
  action: string;
  /**
   * The field people know a row by (name, position): read with the version, shown in the conflict,
   * kept in a deletion's audit entry; a created record's `before` holds it in case the row is gone.
   */
  label: L;
  /** The version and label of each of these ids that still exists. */
  versions(tx: Tx, ids: string[]): Promise<Map<string, { version: number } & Record<L, string>>>;
  /** Deletes these rows; answers how many. */
  remove(tx: Tx, ids: string[]): Promise<number>;
  /** Gives an updated row its fields as they were (`before`), at the version the import left; answers the row after. */
  restore(tx: Tx, id: string, version: number, before: Json): Promise<unknown>;
}

/**
 * Refuses with IMPORT_UNDO_CHANGED, listing each, when a record is no longer at the version the import
 * left (edited, or gone) or a created one is referred to (besides `except`); else deletes the created
 * rows and restores the updated ones, each audited as `action`. Nothing is written when it refuses.
 */
export async function undoVersionedRecords<L extends string>(
  tx: Tx,
  { records, referred, actor, zoneId, importId }: Pick<UndoInput, 'records' | 'referred' | 'actor' | 'zoneId' | 'importId'>,
  spec: VersionedRecords<L>,
): Promise<{ deleted: number; restored: number }> {
  const mine = records.filter((r) => r.entityType === spec.entity);
  const created = mine.filter((r) => r.action === 'created').map((r) => r.entityId);
  const ids = mine.map((r) => r.entityId);
  const [now, refs] = await Promise.all([spec.versions(tx, ids), referred(spec.table, created, spec.except)]);
  const labelOf = (id: string, before: Json | null | undefined) =>
    now.get(id)?.[spec.label] ?? String((before as Record<string, Json> | null | undefined)?.[spec.label] ?? id);
  const changed = mine
    .filter((r) => now.get(r.entityId)?.version !== r.version || refs.has(r.entityId))
    .map((r) => ({ entity: spec.entity, id: r.entityId, label: labelOf(r.entityId, r.before) }));
  if (changed.length) throw undoConflict(changed);

  const deleted = await spec.remove(tx, created);
  for (const id of created)
    await recordAudit(tx, actor, {
      zoneId,
      action: spec.action,
      entityType: spec.entity,
      entityId: id,
      before: { importId, [spec.label]: now.get(id)![spec.label] },
      after: { deleted: true },
    });
  const updated = mine.filter((r) => r.action === 'updated');
  for (const r of updated) {
    const after = await spec.restore(tx, r.entityId, r.version!, r.before!);
    await recordAudit(tx, actor, { zoneId, action: spec.action, entityType: spec.entity, entityId: r.entityId, before: { importId }, after });
  }
  return { deleted, restored: updated.length };
}
