/**
 * SQL of the staged-import engine: the batch (import_batches, one per upload, zone-scoped) and its
 * staged rows (import_rows: the row's cells as read, whether it is valid, and what the importer
 * made of it). Rows travel as one jsonb parameter per statement, whatever their number.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { importBatches } from '../../db/schema.ts';

export type ImportBatchRow = Omit<typeof importBatches.$inferSelect, 'kind'> & { kind: string };

/** A staged row: its sheet row number, whether it is valid, its cells (encoded) and the importer's data. */
export interface StagedRow {
  r: number;
  v: boolean;
  /** cells; n: the sheet's row number; t: the table; s: the section above; f: fills, m: problem marks by column. */
  d: { cells: unknown[]; n?: number; t?: number; s?: string | null; f?: Record<number, string>; m?: Record<number, string>; value: unknown };
}

const uuidText = (s: string) => sql`${s}::uuid`;

export function createImportsRepository() {
  return {
    async insertBatch(db: DbOrTx, values: Omit<typeof importBatches.$inferInsert, 'kind'> & { kind: string }) {
      // kind: the schema lists the ledger's two; the column is text, the engine knows every importer's.
      await db.insert(importBatches).values(values as typeof importBatches.$inferInsert);
    },
    async findBatch(db: DbOrTx, id: string): Promise<ImportBatchRow | undefined> {
      const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id));
      return row;
    },
    /** staged → committed | discarded, only once (a second commit finds nothing to mark). */
    async markBatch(db: DbOrTx, id: string, status: 'committed' | 'discarded', at: Date) {
      const rows = await db
        .update(importBatches)
        .set({ status, committedAt: status === 'committed' ? at : null })
        .where(and(eq(importBatches.id, id), eq(importBatches.status, 'staged')))
        .returning({ id: importBatches.id });
      return rows.length === 1;
    },
    async updateBatch(db: DbOrTx, id: string, v: { totalRows?: number; validRows?: number; errorCount?: number; errors?: unknown }) {
      await db.update(importBatches).set(v).where(eq(importBatches.id, id));
    },
    /** Staged batches never counted (total_rows 0): an upload the process died in the middle of. */
    abandonedBatches: (db: DbOrTx) =>
      db
        .select({ id: importBatches.id, zoneId: importBatches.zoneId, kind: importBatches.kind, fileName: importBatches.fileName, createdAt: importBatches.createdAt })
        .from(importBatches)
        .where(and(eq(importBatches.status, 'staged'), eq(importBatches.totalRows, 0))),
    /** Removes a failed upload entirely (its staged rows go with it). */
    async deleteBatch(db: DbOrTx, id: string) {
      await db.delete(importBatches).where(eq(importBatches.id, id));
    },

    async insertRows(db: DbOrTx, importId: string, rows: StagedRow[]) {
      if (!rows.length) return;
      await db.execute(sql`insert into import_rows (import_id, row_no, valid, data)
        select ${uuidText(importId)}, (e->>'r')::int, (e->>'v')::boolean, e->'d' from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e`);
    },
    /** After a new mapping: each row's validity and data again. */
    async rewriteRows(db: DbOrTx, importId: string, rows: StagedRow[]) {
      if (!rows.length) return;
      await db.execute(sql`update import_rows r set valid = (e->>'v')::boolean, data = e->'d'
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) e
        where r.import_id = ${uuidText(importId)} and r.row_no = (e->>'r')::int`);
    },
    /** Staged rows after `afterRow`, in sheet order, `limit` at a time. */
    async rowsPage(db: DbOrTx, importId: string, afterRow: number, limit: number, onlyValid = false) {
      return rowsOf<{ row_no: number; valid: boolean; data: StagedRow['d'] }>(
        await db.execute(sql`select row_no, valid, data from import_rows
          where import_id = ${uuidText(importId)} and row_no > ${afterRow} ${onlyValid ? sql`and valid` : sql``}
          order by row_no limit ${limit}`),
      );
    },
    /** The valid rows as a relation (row_no, data), for an importer's set-based commit. */
    validSource(importId: string) {
      return sql`(select row_no, data->'value' as data from import_rows where import_id = ${uuidText(importId)} and valid)`;
    },
    async deleteRows(db: DbOrTx, importId: string) {
      await db.execute(sql`delete from import_rows where import_id = ${uuidText(importId)}`);
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
