/**
 * SQL of the staged-import engine: the batch (import_batches, one per upload, zone-scoped) and its
 * staged rows (import_rows: the row's cells as read, whether it is valid, and what the importer
 * made of it). Rows travel as one jsonb parameter per statement, whatever their number.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { importBatches, importMappings, importNameChoices } from '../../db/schema.ts';
import type { ImportRecord } from './importer.ts';

export type ImportBatchRow = Omit<typeof importBatches.$inferSelect, 'kind'> & { kind: string };

/** A staged row: its sheet row number, whether it is valid, its cells (encoded) and the importer's data. */
export interface StagedRow {
  r: number;
  v: boolean;
  /** cells; n: the sheet's row number; t: the table; s: the section above; f: fills, m: problem marks by column; u: the update it makes. */
  d: {
    cells: unknown[];
    n?: number;
    t?: number;
    s?: string | null;
    f?: Record<number, string>;
    m?: Record<number, string>;
    u?: { entity: string; id: string; label: string; sheet?: string; changes: Change[]; conflict?: Change[] };
    value: unknown;
  };
}

type Change = { field: string; label: string; before: string | null; after: string | null };
const uuidText = (s: string) => sql`${s}::uuid`;
/** Staged rows per insert statement. */
const INSERT_CHUNK = 2000;

/**
 * The records of one kind the commit created (`ids`: a query of one column `id`), as one array
 * (import_created): a second call for the same kind adds to it.
 */
async function insertCreated(db: DbOrTx, importId: string, zoneId: string, entityType: string, ids: SQL) {
  await db.execute(sql`insert into import_created (import_id, zone_id, entity_type, ids)
    select ${uuidText(importId)}, ${uuidText(zoneId)}, ${entityType}, coalesce(array_agg(x.id), '{}') from (${ids}) x
    on conflict (import_id, entity_type) do update set ids = import_created.ids || excluded.ids`);
}

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

    /**
     * Stages rows, INSERT_CHUNK a statement: one statement of a whole 20k-row sheet (26 MB of JSON)
     * took 5.2 s on PGlite where ten of 2,000 take 3.4 s (the one jsonb parsed whole in its wasm memory).
     */
    async insertRows(db: DbOrTx, importId: string, rows: StagedRow[]) {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await db.execute(sql`insert into import_rows (import_id, row_no, valid, data)
          select ${uuidText(importId)}, (e->>'r')::int, (e->>'v')::boolean, e->'d' from jsonb_array_elements(${JSON.stringify(rows.slice(i, i + INSERT_CHUNK))}::jsonb) e`);
    },
    /**
     * After a new mapping: each row's validity, the importer's data and update again. The cells are
     * the ones read at upload (a check never changes them): they stay, and are not sent again.
     */
    async rewriteRows(db: DbOrTx, importId: string, rows: StagedRow[]) {
      if (!rows.length) return;
      const outcome = rows.map((x) => ({ r: x.r, v: x.v, d: { value: x.d.value, ...(x.d.u ? { u: x.d.u } : {}) } }));
      await db.execute(sql`update import_rows r set valid = (e->>'v')::boolean, data = (r.data - 'value' - 'u') || (e->'d')
        from jsonb_array_elements(${JSON.stringify(outcome)}::jsonb) e
        where r.import_id = ${uuidText(importId)} and r.row_no = (e->>'r')::int`);
    },
    /**
     * Staged rows after `afterRow`, in sheet order, `limit` at a time: the cells as read (for a new
     * check; what the importer made of them is not read back), or only the importer's data of the
     * valid rows (for the commit). A row's data is most of its bytes: each caller reads its part.
     */
    async rowsPage(db: DbOrTx, importId: string, afterRow: number, limit: number) {
      return rowsOf<{ row_no: number; valid: boolean; data: Omit<StagedRow['d'], 'value' | 'u'> }>(
        await db.execute(sql`select row_no, valid, data - 'value' - 'u' as data from import_rows
          where import_id = ${uuidText(importId)} and row_no > ${afterRow}
          order by row_no limit ${limit}`),
      );
    },
    async valuesPage(db: DbOrTx, importId: string, afterRow: number, limit: number) {
      return rowsOf<{ row_no: number; value: unknown }>(
        await db.execute(sql`select row_no, data->'value' as value from import_rows
          where import_id = ${uuidText(importId)} and row_no > ${afterRow} and valid
          order by row_no limit ${limit}`),
      );
    },
    /** The valid rows as a relation (row_no, data), for an importer's set-based commit. */
    validSource(importId: string) {
      return sql`(select row_no, data->'value' as data from import_rows where import_id = ${uuidText(importId)} and valid)`;
    },
    /** Before a commit: the update rows the user did not accept leave the valid set (`accepted` null: keep all). Answers the valid count. */
    async dropUpdates(db: DbOrTx, importId: string, accepted: number[] | { except: number[] } | null): Promise<number> {
      await db.execute(sql`update import_rows set valid = false where import_id = ${uuidText(importId)} and valid and data ? 'u'
        ${Array.isArray(accepted) ? sql`and not (row_no = any(${sql.param(accepted)}::int[]))` : accepted ? sql`and row_no = any(${sql.param(accepted.except)}::int[])` : sql``}`);
      const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from import_rows where import_id = ${uuidText(importId)} and valid`));
      return Number(row.n);
    },
    /**
     * The update rows (valid) that change something or conflict with a value already filed, `limit`
     * from `offset` in sheet order, and how many updates there are, change nothing, conflict.
     */
    async updatesOf(db: DbOrTx, importId: string, limit: number, offset = 0) {
      const [c] = rowsOf<{ n: number; unchanged: number; conflicts: number; listed: number }>(
        await db.execute(sql`select count(*)::int as n,
            count(*) filter (where jsonb_array_length(data->'u'->'changes') = 0 and not (data->'u' ? 'conflict'))::int as unchanged,
            count(*) filter (where data->'u' ? 'conflict')::int as conflicts,
            count(*) filter (where jsonb_array_length(data->'u'->'changes') > 0 or data->'u' ? 'conflict')::int as listed
          from import_rows where import_id = ${uuidText(importId)} and valid and data ? 'u'`),
      );
      const items = rowsOf<{ row_no: number; n: number; u: NonNullable<StagedRow['d']['u']> }>(
        await db.execute(sql`select row_no, (data->>'n')::int as n, data->'u' as u from import_rows
          where import_id = ${uuidText(importId)} and valid and data ? 'u' and (jsonb_array_length(data->'u'->'changes') > 0 or data->'u' ? 'conflict')
          order by row_no limit ${limit} offset ${offset}`),
      );
      return { count: Number(c.n), unchanged: Number(c.unchanged), conflicts: Number(c.conflicts), listed: Number(c.listed), items };
    },
    /** Keys of the valid rows that conflict with values already filed (after the refused updates left). */
    async conflictKeys(db: DbOrTx, importId: string): Promise<number[]> {
      const rows = rowsOf<{ row_no: number }>(
        await db.execute(sql`select row_no from import_rows where import_id = ${uuidText(importId)} and valid and data->'u' ? 'conflict' order by row_no`),
      );
      return rows.map((r) => Number(r.row_no));
    },

    /** The zone's saved mappings of these header signatures. */
    async savedMappings(db: DbOrTx, zoneId: string, kind: string, signature: string) {
      const [row] = await db
        .select({ columns: importMappings.columns })
        .from(importMappings)
        .where(and(eq(importMappings.zoneId, zoneId), eq(importMappings.kind, kind), eq(importMappings.signature, signature)));
      return row?.columns as { index: number; header: string; field: string | null }[] | undefined;
    },
    async saveMapping(db: DbOrTx, v: { zoneId: string; kind: string; signature: string; columns: { index: number; header: string; field: string | null }[]; userId: string; at: Date }) {
      await db
        .insert(importMappings)
        .values({ zoneId: v.zoneId, kind: v.kind, signature: v.signature, columns: v.columns, updatedBy: v.userId, updatedAt: v.at })
        .onConflictDoUpdate({ target: [importMappings.zoneId, importMappings.kind, importMappings.signature], set: { columns: v.columns, updatedBy: v.userId, updatedAt: v.at } });
    },
    async nameChoices(db: DbOrTx, zoneId: string) {
      return db
        .select({ field: importNameChoices.field, name: importNameChoices.name, action: importNameChoices.action, targetId: importNameChoices.targetId })
        .from(importNameChoices)
        .where(eq(importNameChoices.zoneId, zoneId));
    },
    async saveNameChoices(db: DbOrTx, zoneId: string, choices: { field: string; name: string; action: 'create' | 'map' | 'blank'; targetId: string | null }[], userId: string, at: Date) {
      if (!choices.length) return;
      await db
        .insert(importNameChoices)
        .values(choices.map((c) => ({ zoneId, ...c, updatedBy: userId, updatedAt: at })))
        .onConflictDoUpdate({
          target: [importNameChoices.zoneId, importNameChoices.field, importNameChoices.name],
          set: { action: sql`excluded.action`, targetId: sql`excluded.target_id`, updatedBy: userId, updatedAt: at },
        });
    },
    /**
     * What a commit wrote, for undo: the records it created (at version 1, nothing before) as one
     * array per kind (import_created), the others one statement per 5,000 records.
     */
    async insertRecords(db: DbOrTx, importId: string, zoneId: string, all: ImportRecord[]) {
      const created = new Map<string, string[]>();
      const records: ImportRecord[] = [];
      for (const r of all) {
        if (r.action === 'created' && r.version === 1 && r.before == null) {
          const ids = created.get(r.entityType) ?? [];
          if (!ids.length) created.set(r.entityType, ids);
          ids.push(r.entityId);
        } else records.push(r);
      }
      for (const [entityType, ids] of created) await insertCreated(db, importId, zoneId, entityType, sql`select distinct unnest(${sql.param(ids)}::uuid[]) as id`);
      for (let i = 0; i < records.length; i += 5000) {
        const chunk = records.slice(i, i + 5000).map((r) => ({ t: r.entityType, e: r.entityId, a: r.action, v: r.version, b: r.before ?? null }));
        await db.execute(sql`insert into import_records (import_id, zone_id, entity_type, entity_id, action, version, before)
          select ${uuidText(importId)}, ${uuidText(zoneId)}, e->>'t', (e->>'e')::uuid, e->>'a', (e->>'v')::int, case when jsonb_typeof(e->'b') = 'null' then null else e->'b' end
          from jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) e
          on conflict (import_id, entity_type, entity_id) do nothing`);
      }
    },
    insertCreatedRecords: insertCreated,
    /** What the commit wrote: a record it created counts as created, whatever else was recorded of it. */
    async recordsOf(db: DbOrTx, importId: string): Promise<ImportRecord[]> {
      const created = rowsOf<{ entity_type: string; entity_id: string }>(
        await db.execute(sql`select distinct entity_type, entity_id from (select entity_type, unnest(ids)::text as entity_id from import_created where import_id = ${uuidText(importId)}) x`),
      );
      const rows = rowsOf<{ entity_type: string; entity_id: string; action: 'created' | 'updated'; version: number | null; before: unknown }>(
        await db.execute(sql`select entity_type, entity_id, action, version, before from import_records where import_id = ${uuidText(importId)}`),
      );
      const createdKeys = new Set(created.map((c) => `${c.entity_type}\u0000${c.entity_id}`));
      return [
        ...created.map((c): ImportRecord => ({ entityType: c.entity_type, entityId: c.entity_id, action: 'created', version: 1, before: null })),
        ...rows
          .filter((r) => !createdKeys.has(`${r.entity_type}\u0000${r.entity_id}`))
          .map((r): ImportRecord => ({ entityType: r.entity_type, entityId: r.entity_id, action: r.action, version: r.version == null ? null : Number(r.version), before: (r.before ?? null) as ImportRecord['before'] })),
      ];
    },
    /**
     * Of `ids` in `table`, those any row of another table refers to through a one-column foreign key
     * (read from the catalogue, so a new table is covered without a word here), tables in `except` aside.
     */
    async referred(db: DbOrTx, table: string, ids: string[], except: string[] = []): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const keys = rowsOf<{ tbl: string; name: string; col: string }>(
        await db.execute(sql`select c.conrelid::regclass::text as tbl, r.relname as name, a.attname as col
          from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and c.confrelid = ${table}::text::regclass and cardinality(c.conkey) = 1`),
      ).filter((k) => !except.includes(k.name));
      if (!keys.length) return new Set();
      const parts = keys.map((k) => sql`select ${sql.identifier(k.col)}::text as id from ${sql.raw(k.tbl)} where ${sql.identifier(k.col)} = any(${sql.param(ids)}::uuid[])`);
      const rows = rowsOf<{ id: string }>(await db.execute(sql`select distinct id from (${sql.join(parts, sql` union all `)}) x`));
      return new Set(rows.map((r) => r.id));
    },
    /** committed → undone, only once. */
    async markUndone(db: DbOrTx, id: string) {
      const rows = await db
        .update(importBatches)
        .set({ status: 'undone' })
        .where(and(eq(importBatches.id, id), eq(importBatches.status, 'committed')))
        .returning({ id: importBatches.id });
      return rows.length === 1;
    },
    /**
     * For the commit's and the undo's transaction: their statements are few and set-based over
     * thousands of rows, so PostgreSQL's plan costs pass the JIT thresholds and it compiles each one
     * (seconds per statement, never repaid: each runs once). Local to the transaction.
     */
    async bulkStatements(db: DbOrTx) {
      await db.execute(sql`set local jit = off`);
    },
    async deleteRows(db: DbOrTx, importId: string) {
      await db.execute(sql`delete from import_rows where import_id = ${uuidText(importId)}`);
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
