/**
 * undoVersionedRecords on the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), on a table
 * of its own with a foreign key to it, so no module is needed: undone (created deleted, updated
 * restored, each audited; a reference from an `except` table allowed), and refused — naming a created
 * row referred to, a row edited since and a row gone — writing nothing. The module tests
 * (funding/hiring/approval-services *.undo.test.ts) cover the same through the HTTP undo.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../../test/templates.ts';
import { rowsOf, type Database, type Tx } from '../../db/client.ts';
import type { ImportRecord } from './importer.ts';
import { createImportsRepository } from './imports.repository.ts';
import { undoVersionedRecords, type VersionedRecords } from './undo-versioned.ts';

let database: Database;
let drop: () => Promise<void>;
const imports = createImportsRepository();
const zoneId = randomUUID();
const actor = { id: null, name: 'undo-versioned.test' };

beforeAll(async () => {
  ({ database, drop } = await cloneTemplate('empty'));
  await database.exec(`
    create table undo_probe (id uuid primary key, version integer not null, title text not null);
    create table undo_probe_links (id uuid primary key, probe_id uuid not null references undo_probe(id) on delete cascade);
  `);
});
afterAll(() => drop());

const spec: VersionedRecords<'title'> = {
  entity: 'undo_probe',
  table: 'undo_probe',
  action: 'undo_probe.import_undo',
  label: 'title',
  async versions(tx, ids) {
    const rows = rowsOf<{ id: string; version: number; title: string }>(
      await tx.execute(sql`select id, version, title from undo_probe where id = any(${sql.param(ids)}::uuid[])`),
    );
    return new Map(rows.map((r) => [r.id, { version: Number(r.version), title: r.title }]));
  },
  async remove(tx, ids) {
    return rowsOf(await tx.execute(sql`delete from undo_probe where id = any(${sql.param(ids)}::uuid[]) returning id`)).length;
  },
  async restore(tx, id, version, before) {
    const [row] = rowsOf(
      await tx.execute(
        sql`update undo_probe set title = ${(before as { title: string }).title}, version = version + 1 where id = ${id}::uuid and version = ${version} returning *`,
      ),
    );
    if (!row) throw new Error(`undo_probe ${id} not at version ${version}`);
    return row;
  },
};

async function probe(title: string, version = 1) {
  const id = randomUUID();
  await database.query(`insert into undo_probe (id, version, title) values ($1, $2, $3)`, [id, version, title]);
  return id;
}
const link = (probeId: string) => database.query(`insert into undo_probe_links (id, probe_id) values ($1, $2)`, [randomUUID(), probeId]);
const created = (id: string): ImportRecord => ({ entityType: 'undo_probe', entityId: id, action: 'created', version: 1, before: { title: 'as imported' } });
const updated = (id: string, version: number, title: string): ImportRecord => ({
  entityType: 'undo_probe',
  entityId: id,
  action: 'updated',
  version,
  before: { title },
});
const probes = () => database.query<{ id: string; version: number; title: string }>(`select id, version, title from undo_probe order by id`);
/** This test's audit entries in the order written (audit_log.id is an identity). */
const audits = () =>
  database.query<{ entity_id: string; before: unknown; after: unknown }>(
    `select entity_id, before, after from audit_log where action = 'undo_probe.import_undo' order by id`,
  );

function undo(importId: string, records: ImportRecord[], except?: string[]) {
  return database.db.transaction((tx: Tx) =>
    undoVersionedRecords(tx, { importId, zoneId, actor, records, referred: (table, ids, ex) => imports.referred(tx, table, ids, ex) }, { ...spec, except }),
  );
}

describe('undoVersionedRecords', () => {
  it('deletes the created rows and restores the updated ones, each audited; a reference from an except table does not refuse', async () => {
    const [made, kept] = [await probe('made by the import'), await probe('changed by the import', 2)];
    await link(made);
    const importId = randomUUID();
    // Another entity's record in the same import is not this table's to undo.
    const other: ImportRecord = { entityType: 'something_else', entityId: randomUUID(), action: 'created', version: 1 };
    const done = await undo(importId, [created(made), updated(kept, 2, 'as before the import'), other], ['undo_probe_links']);
    expect(done).toEqual({ deleted: 1, restored: 1 });
    expect(await probes()).toEqual([{ id: kept, version: 3, title: 'as before the import' }]);
    expect(await database.query(`select 1 from undo_probe_links`)).toEqual([]);
    expect(await audits()).toEqual([
      { entity_id: made, before: { importId, title: 'made by the import' }, after: { deleted: true } },
      { entity_id: kept, before: { importId }, after: { id: kept, version: 3, title: 'as before the import' } },
    ]);
  });

  it('refuses, naming a created row referred to, a row edited since and a row gone, and writes nothing', async () => {
    await database.query(`delete from undo_probe`);
    await database.query(`delete from audit_log where action = 'undo_probe.import_undo'`);
    const [referredTo, untouched, edited, gone] = [await probe('referred to'), await probe('untouched'), await probe('edited since', 3), await probe('gone')];
    await link(referredTo);
    await database.query(`delete from undo_probe where id = $1`, [gone]);
    const records = [created(referredTo), created(untouched), updated(edited, 2, 'before the import'), updated(gone, 2, 'gone, as before the import')];
    const before = await probes();
    await expect(undo(randomUUID(), records)).rejects.toMatchObject({
      code: 'IMPORT_UNDO_CHANGED',
      details: {
        changed: [
          { entity: 'undo_probe', id: referredTo, label: 'referred to' },
          { entity: 'undo_probe', id: edited, label: 'edited since' },
          { entity: 'undo_probe', id: gone, label: 'gone, as before the import' },
        ],
      },
    });
    expect(await probes()).toEqual(before);
    expect(await audits()).toEqual([]);
  });
});
