/**
 * Undo of a committed yearly figures import (docs/imports.md Undo), on the real database and the fixed
 * clock: the year it created removed, the year it updated given its figures (and who entered them)
 * back; a year edited since refuses the undo naming it, undoing nothing. Runs on PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOperations as op } from '../../../contract/chains.ts';
import { importOperations } from '../../../contract/imports.ts';
import { testToday } from '../../../../test/clock.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const enterprise = demoId('chain-enterprise:fendong:copper:cu-ultra:0');
const thisYear = Number(testToday.slice(0, 4));

let ctx: TestContext;
let officer: Client;
let name: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
  officer = await ctx.login('officer');
  const link = demoId('chain-link:fendong:copper:cu-ultra');
  name = (await officer.call(op.link, { params: { id: link } })).body.enterprises.find((e) => e.enterpriseId === enterprise)!.name;
});
afterAll(() => ctx.close());

/** The enterprise's yearly figures as they stand (versions and timestamps aside). */
const footprint = () =>
  ctx.database.query(
    `select id, year, output_yuan::text, revenue_yuan::text, tax_yuan::text, land_mu::text, energy_tce::text, emissions_tonnes::text, employees,
       rnd_yuan::text, value_added_yuan::text, source, import_id, entered_by_id, entered_in_zone_id
     from enterprise_yearly_figures where enterprise_id = '${enterprise}' order by year`,
  );

async function commit(rows: unknown[][]) {
  const file = await buildXlsx(['企业名称', '年份', '工业总产值（万元）', '税收（万元）', '从业人员'], rows);
  const staged = await uploadXlsx(ctx, officer, `/api/imports?kind=enterprise-figures&zoneId=${fendong}`, file);
  expect(staged.status, JSON.stringify(staged.body)).toBe(201);
  expect(staged.body.errors).toEqual([]);
  const done = await officer.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'all' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { id: staged.body.id as string, committed: done.body.committed };
}
const undo = (id: string) => officer.call(importOperations.undo, { params: { id } });

describe('undo of a committed enterprise-figures import', () => {
  it('removes the year it created and gives the year it updated its figures back', async () => {
    const before = await footprint();
    expect(before.some((f) => f.year === thisYear - 1)).toBe(true);
    expect(before.some((f) => f.year === thisYear - 9)).toBe(false);
    const { id, committed } = await commit([
      [name, thisYear - 1, 99999, 777, 321],
      [name, thisYear - 9, 5000, 100, 50],
    ]);
    expect(committed).toMatchObject({ figuresCreated: 1, figuresUpdated: 1 });
    expect(await footprint()).not.toEqual(before);
    const undone = await undo(id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await footprint()).toEqual(before);
  });

  it('refuses when a year was edited since, naming it, and undoes nothing', async () => {
    const { id } = await commit([[name, thisYear - 9, 5000, 100, 50]]);
    const figures = (await officer.call(op.profile, { params: { id: enterprise } })).body.figures.find((f) => f.year === thisYear - 9)!;
    const edited = await officer.call(op.updateFigures, { params: { id: figures.id }, body: { version: figures.version, taxWan: 120 } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = await footprint();
    const refused = await undo(id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_UNDO_CHANGED');
    expect(refused.body.details.changed).toEqual([{ entity: 'enterprise_figures', id: figures.id, label: `${name} ${thisYear - 9}年` }]);
    expect(await footprint()).toEqual(after);
  });
});
