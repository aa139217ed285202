/**
 * The funnel's read model (decision 028): whatever writes leads — the API's create, edit and status
 * change, a merge deleting the duplicate, a bulk statement as an import's — the deltas summed equal
 * the group-by over leads itself, per zone, stage and status; folding the deltas changes no figure;
 * the funnel and the leads list's stage-filtered total answer from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { leadOperations as op } from '../../../contract/leads.ts';
import { demoId } from '../../seed/demo-ids.ts';

let ctx: TestContext;
let officer: Client;
let province: Client;
const fendong = demoId('zone:fendong');
const tick = () => (ctx.app as unknown as { jobs: { tick(name: string): Promise<string> } }).jobs.tick('leads.compact-stage-counts');

beforeAll(async () => {
  ctx = await createTestContext();
  [officer, province] = await Promise.all([ctx.login('officer'), ctx.login('province')]);
});
afterAll(() => ctx.close());

type Figure = { zone_id: string; stage: string; status: string; n: number; planned: number };
const key = (r: Figure) => `${r.zone_id}|${r.stage}|${r.status}`;
const asMap = (rows: Figure[]) => new Map(rows.map((r) => [key(r), { n: Number(r.n), planned: Number(r.planned) }]));

/** Both sides, keyed: from the leads themselves and from the read model. */
async function bothSides() {
  const truth = await ctx.database.query<Figure>(
    `select zone_id, stage, status, count(*)::int as n, coalesce(sum(planned_investment_yuan), 0)::bigint as planned from leads group by 1, 2, 3`,
  );
  const model = await ctx.database.query<Figure>(
    `select zone_id, stage, status, sum(leads)::int as n, sum(planned_yuan)::bigint as planned from lead_stage_counts group by 1, 2, 3 having sum(leads) <> 0`,
  );
  return { truth: asMap(truth), model: asMap(model) };
}
async function expectAgreement() {
  const { truth, model } = await bothSides();
  expect(truth.size).toBeGreaterThan(0);
  expect(model).toEqual(truth);
}

describe('lead_stage_counts, the funnel read model', () => {
  it('holds the seeded leads, and stays equal to them through every kind of write', async () => {
    await expectAgreement();

    const created = await officer.call(op.create, { body: { name: '读模型测试项目', method: 'chain', plannedInvestmentWan: '1200' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await expectAgreement();

    const edited = await officer.call(op.update, { params: { id: created.body.id }, body: { version: created.body.version, plannedInvestmentWan: '1500.5' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    // A name-only edit moves nothing: no delta row is written for it.
    const rowsBefore = Number((await ctx.database.query<{ n: number }>(`select count(*)::int as n from lead_stage_counts`))[0].n);
    const renamed = await officer.call(op.update, { params: { id: created.body.id }, body: { version: edited.body.version, name: '读模型测试项目（改名）' } });
    expect(renamed.status).toBe(200);
    expect(Number((await ctx.database.query<{ n: number }>(`select count(*)::int as n from lead_stage_counts`))[0].n)).toBe(rowsBefore);
    await expectAgreement();

    const paused = await officer.call(op.changeStatus, { params: { id: created.body.id }, body: { version: renamed.body.version, status: 'dormant', reason: '投资方暂缓' } });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    await expectAgreement();

    const twin = await officer.call(op.create, { body: { name: '读模型合并项目', method: 'chain' } });
    const kept = await officer.call(op.create, { body: { name: '读模型保留项目', method: 'chain', plannedInvestmentWan: '300' } });
    const merged = await officer.call(op.merge, {
      params: { id: kept.body.id },
      body: { duplicateId: twin.body.id, version: kept.body.version, duplicateVersion: twin.body.version },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    await expectAgreement();

    // Bulk statements, as an import's commit and undo write them: many rows of many keys at once.
    await ctx.database.query(`update leads set status = 'delayed', planned_investment_yuan = coalesce(planned_investment_yuan, 0) + 10000 where zone_id = $1 and status = 'active'`, [fendong]);
    await expectAgreement();
    await ctx.database.query(`delete from leads where id = $1`, [created.body.id]);
    await expectAgreement();
  });

  it('folding the deltas (the job) keeps every figure and leaves one row per key', async () => {
    const shape = async () =>
      (
        await ctx.database.query<{ rows: number; keys: number }>(
          `select count(*)::int as rows, count(distinct (zone_id, stage, status))::int as keys from lead_stage_counts`,
        )
      )[0];
    const before = await bothSides();
    const unfolded = await shape();
    expect(Number(unfolded.rows)).toBeGreaterThan(Number(unfolded.keys));
    expect(await tick()).toBe('ran');
    const after = await bothSides();
    expect(after.model).toEqual(before.model);
    expect(after.model).toEqual(after.truth);
    const folded = await shape();
    expect(Number(folded.rows)).toBe(Number(folded.keys));
    await tick();
    expect(await shape()).toEqual(folded);
  });

  it('the funnel and the stage-filtered list total answer what the leads hold, in the caller’s scope', async () => {
    const funnel = (await province.call(op.funnel)).body;
    const [{ n }] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from leads`);
    expect(funnel.total).toBe(Number(n));
    const fendongFunnel = (await officer.call(op.funnel)).body;
    const [{ mine }] = await ctx.database.query<{ mine: number }>(`select count(*)::int as mine from leads where zone_id = $1`, [fendong]);
    expect(fendongFunnel.total).toBe(Number(mine));
    const intent = fendongFunnel.stages.find((s: { stage: string }) => s.stage === 'intent');
    const [{ planned }] = await ctx.database.query<{ planned: number }>(
      `select coalesce(sum(planned_investment_yuan), 0)::bigint as planned from leads where zone_id = $1 and stage = 'intent'`,
      [fendong],
    );
    expect(intent?.plannedInvestmentYuan).toBe(Number(planned));

    const page = (await province.call(op.list, { query: { stage: 'contact,intent', status: 'delayed,active', page: 1, pageSize: 5 } })).body;
    const [{ matching }] = await ctx.database.query<{ matching: number }>(
      `select count(*)::int as matching from leads where stage in ('contact', 'intent') and status in ('delayed', 'active')`,
    );
    expect(page.total).toBe(Number(matching));
    expect(page.items.length).toBe(Math.min(5, Number(matching)));
    // A filter the read model cannot total (a search) is counted on the leads themselves.
    const searched = (await province.call(op.list, { query: { stage: 'contact,intent', q: '读模型', page: 1, pageSize: 5 } })).body;
    expect(searched.total).toBe(searched.items.length);
  });
});

describe('leads list, keyset pages', () => {
  it('walks every lead of the province once, in order, by nextCursor; a forged cursor is a field error', async () => {
    const [{ n }] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from leads where status = 'active'`);
    const seen: string[] = [];
    let after: string | undefined;
    let first: { total: number; items: { id: string }[] } | undefined;
    for (let i = 0; i < 1000; i++) {
      const res = await province.call(op.list, { query: { status: 'active', pageSize: 7, ...(after ? { after } : {}) } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      first ??= res.body;
      expect(res.body.total).toBe(Number(n));
      seen.push(...res.body.items.map((l: { id: string }) => l.id));
      if (!res.body.nextCursor) break;
      after = res.body.nextCursor;
    }
    expect(seen).toHaveLength(Number(n));
    expect(new Set(seen).size).toBe(seen.length);
    // The same order as the offset pages: page 2 by offset is the second cursor page.
    const byOffset = (await province.call(op.list, { query: { status: 'active', pageSize: 7, page: 2 } })).body;
    expect(byOffset.items.map((l: { id: string }) => l.id)).toEqual(seen.slice(7, 14));
    expect(first!.items.map((l) => l.id)).toEqual(seen.slice(0, 7));

    for (const forged of ['AAAAAAAAAAAAAAAAAAAA', Buffer.from(JSON.stringify(['2026-02-30 10:00:00+08', '6b99613c-70d2-449c-b92a-887ff3aed02a'])).toString('base64url')]) {
      const bad = await province.call(op.list, { query: { after: forged } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields[0]).toMatchObject({ field: 'after', reason: '翻页位置无效，请从第一页重新开始' });
    }
    const otherOrder = await province.call(op.list, { query: { after: after ?? first!.items[0].id.replace(/-/g, ''), sort: 'code' } });
    expect(otherOrder.status).toBe(400);
  });
});
