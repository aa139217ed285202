import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOperations } from '../../../contract/audit.ts';
import { orgOperations } from '../../../contract/org.ts';
import { authOperations } from '../../../contract/auth.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { createOrgRepository } from './org.repository.ts';
import { createOrgService } from './org.service.ts';

let ctx: TestContext;
const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const gaoxin = demoId('zone:yuncheng-hitech');

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const zoneIdsSeenBy = async (username: string) =>
  ((await (await ctx.login(username)).call(orgOperations.listZones)).body as { id: string }[]).map((z) => z.id).sort();

describe('zone scoping', () => {
  it('each role sees the zones its scope covers', async () => {
    expect(await zoneIdsSeenBy('officer')).toEqual([fendong]);
    expect(await zoneIdsSeenBy('deputy')).toEqual([fendong, hejin].sort());
    expect(await zoneIdsSeenBy('city')).toEqual([fendong, hejin, gaoxin].sort());
    expect(await zoneIdsSeenBy('province')).toEqual([fendong, hejin, gaoxin].sort());
    expect(await zoneIdsSeenBy('admin')).toEqual([fendong, hejin, gaoxin].sort());
  });

  it("another zone's record is not found, and its departments are not listed", async () => {
    const officer = await ctx.login('officer');
    expect((await officer.call(orgOperations.getZone, { params: { id: hejin } })).status).toBe(404);
    const hejinDept = demoId('dept:hejin:investment');
    expect((await officer.call(orgOperations.getDepartment, { params: { id: hejinDept } })).status).toBe(404);
    expect((await officer.call(orgOperations.listDepartments, { query: { zoneId: hejin } })).body).toEqual([]);
    const own = (await officer.call(orgOperations.listDepartments)).body as { zoneId: string; actions: string[] }[];
    expect(own.length).toBe(7);
    expect(new Set(own.map((d) => d.zoneId))).toEqual(new Set([fendong]));
    expect(own[0].actions).not.toContain('update');
  });
});

describe('departments and parks', () => {
  it('a zone leader creates and renames a department; the history shows before and after', async () => {
    const leader = await ctx.login('leader');
    const created = await leader.call(orgOperations.createDepartment, { body: { zoneId: fendong, name: '科技创新局', kind: 'other' } });
    expect(created.status).toBe(201);
    expect(created.body.actions).toContain('update');
    const renamed = await leader.call(orgOperations.updateDepartment, { params: { id: created.body.id }, body: { version: 1, name: '科技创新和产业发展局' } });
    expect(renamed.body).toMatchObject({ name: '科技创新和产业发展局', version: 2 });
    const history = await leader.call(auditOperations.list, { query: { entityType: 'department', entityId: created.body.id } });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      action: 'department.update',
      actorName: '张建国',
      before: { name: '科技创新局' },
      after: { name: '科技创新和产业发展局' },
    });
  });

  it('a duplicate name is a clear conflict', async () => {
    const leader = await ctx.login('leader');
    const res = await leader.call(orgOperations.createDepartment, { body: { zoneId: fendong, name: '投资促进局', kind: 'investment' } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('a leader cannot create in another zone; a viewer cannot edit', async () => {
    const leader = await ctx.login('leader');
    const res = await leader.call(orgOperations.createDepartment, { body: { zoneId: hejin, name: '外区部门', kind: 'other' } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0]).toMatchObject({ field: 'zoneId' });
    const viewer = await ctx.login('viewer');
    const dept = demoId('dept:fendong:office');
    expect((await viewer.call(orgOperations.updateDepartment, { params: { id: dept }, body: { version: 1, name: '改名' } })).status).toBe(403);
  });

  it('updates a zone with optimistic concurrency and adds a park', async () => {
    const leader = await ctx.login('leader');
    const zone = (await leader.call(orgOperations.getZone, { params: { id: fendong } })).body;
    expect(zone.actions).toEqual(expect.arrayContaining(['update', 'addPark']));
    const updated = await leader.call(orgOperations.updateZone, { params: { id: fendong }, body: { version: zone.version, reportPeriod: 'week' } });
    expect(updated.body.reportPeriod).toBe('week');
    const stale = await leader.call(orgOperations.updateZone, { params: { id: fendong }, body: { version: zone.version, reportPeriod: 'xun' } });
    expect(stale.status).toBe(409);
    expect((await leader.call(orgOperations.getZone, { params: { id: fendong } })).body.reportPeriod).toBe('week');
    const park = await leader.call(orgOperations.createPark, { params: { id: fendong }, body: { name: '数字经济产业园' } });
    expect(park.status).toBe(201);
    expect((await leader.call(orgOperations.getZone, { params: { id: fendong } })).body.parks.map((p: { name: string }) => p.name)).toContain('数字经济产业园');
  });

  it('only admins create zones, with a known region', async () => {
    const admin = await ctx.login('admin');
    const bad = await admin.call(orgOperations.createZone, {
      body: { code: 'NEW01', name: '新设开发区', shortName: '新设区', kind: 'provincial', regionCode: '999999' },
    });
    expect(bad.body.details.fields[0]).toMatchObject({ field: 'regionCode', reason: '行政区划代码不存在' });
    const ok = await admin.call(orgOperations.createZone, {
      body: { code: 'NEW01', name: '新设开发区', shortName: '新设区', kind: 'provincial', regionCode: '140800' },
    });
    expect(ok.status).toBe(201);
    // The city viewer of Yuncheng now sees it too: scope follows the region.
    expect(await zoneIdsSeenBy('city')).toContain(ok.body.id);
    expect(
      (
        await (
          await ctx.login('leader')
        ).call(orgOperations.createZone, { body: { code: 'NEW02', name: '再设开发区', shortName: '再设区', kind: 'provincial', regionCode: '140800' } })
      ).status,
    ).toBe(403);
  });
});

describe('regions (GB/T 2260)', () => {
  it('holds every county and city, so a county-level zone (侯马 141081) is accepted', async () => {
    const admin = await ctx.login('admin');
    const regions = (await admin.call(orgOperations.listRegions, {})).body;
    expect(regions.length).toBeGreaterThan(3000);
    expect(regions.find((r: { code: string }) => r.code === '141081')).toMatchObject({ name: '侯马市', level: 'county', parentCode: '141000' });
    expect(regions.find((r: { code: string }) => r.code === '511900')).toMatchObject({ name: '巴中市', level: 'city', parentCode: '510000' });
    const houma = await admin.call(orgOperations.createZone, {
      body: { code: 'HMETDZ', name: '侯马经济开发区', shortName: '侯马开发区', kind: 'provincial', regionCode: '141081' },
    });
    expect(houma.status, JSON.stringify(houma.body)).toBe(201);
    expect(houma.body.regionName).toBe('侯马市');
  });

  it('loads the table into an existing database again without failing or duplicating', async () => {
    const org = createOrgService({ db: ctx.database.db, org: createOrgRepository(), audit: recordAudit, sessions: { forgetAllSessions: () => {} } });
    const before = (await org.listRegions()).length;
    await org.ensureRegions();
    expect((await org.listRegions()).length).toBe(before);
  });
});

describe('audit log', () => {
  it('leaders browse their zones; officers only read a record history', async () => {
    const leader = await ctx.login('leader');
    const page = await leader.call(auditOperations.list, { query: { pageSize: 50 } });
    expect(page.status).toBe(200);
    expect(page.body.items.every((e) => e.zoneId === fendong)).toBe(true);
    const officer = await ctx.login('officer');
    expect((await officer.call(auditOperations.list)).status).toBe(403);
    expect((await officer.call(auditOperations.list, { query: { entityType: 'zone', entityId: hejin } })).body.items).toEqual([]);
    expect((await officer.call(auditOperations.list, { query: { entityType: 'zone', entityId: fendong } })).body.items.length).toBeGreaterThan(0);
  });
});
