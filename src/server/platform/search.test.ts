import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchOperations } from '../../contract/search.ts';
import { createTestContext, type Client, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
let officer: Client;
let hejin: Client;

beforeAll(async () => {
  ctx = await createTestContext({ template: 'demo' });
  officer = await ctx.login('officer');
  hejin = await ctx.login('hejin');
});
afterAll(() => ctx.close());

const search = (client: Client, q: string) => client.call(searchOperations.search, { query: { q } });

describe('global search (header, Ctrl+K)', () => {
  it('finds a project of the caller\'s zone by part of its name, with its zone', async () => {
    const res = await search(hejin, '铝型材');
    expect(res.status).toBe(200);
    const project = res.body.hits.find((h) => h.kind === 'project' && h.title === '河津高端铝型材项目');
    expect(project).toMatchObject({ zoneName: '河津开发区', subtitle: '河津华鑫铝材有限公司' });
  });

  it('never shows another zone\'s projects, leads or blockers', async () => {
    const res = await search(officer, '铝型材');
    expect(res.status).toBe(200);
    expect(res.body.hits.filter((h) => h.kind !== 'enterprise').map((h) => h.title)).not.toContain('河津高端铝型材项目');
    const own = await search(officer, '项目');
    expect(own.body.hits.filter((h) => h.kind === 'project').every((h) => h.zoneName === '汾东经开区')).toBe(true);
  });

  it('finds leads, enterprises and blockers, a few of each kind', async () => {
    const res = await search(officer, '新能源');
    const kinds = new Set(res.body.hits.map((h) => h.kind));
    expect(kinds.has('enterprise')).toBe(true);
    expect(kinds.has('lead') || kinds.has('project')).toBe(true);
    for (const kind of kinds) expect(res.body.hits.filter((h) => h.kind === kind).length).toBeLessThanOrEqual(5);
    // A zone's own work first, the shared enterprise directory last.
    const order = res.body.hits.map((h) => h.kind);
    expect(order.indexOf('enterprise')).toBeGreaterThan(order.lastIndexOf('project'));
  });

  it('refuses an empty query with the field named, and needs a session', async () => {
    const empty = await search(officer, ' ');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.details)).toContain('q');
    expect((await search(ctx.anon, '项目')).status).toBe(401);
  });
});
