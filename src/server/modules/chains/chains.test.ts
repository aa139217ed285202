import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { buildXlsx, uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { testToday } from '../../../../test/clock.ts';
import { chainOperations as op } from '../../../contract/chains.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildEnterprise } from '../enterprises/enterprises.factories.ts';
import { wouldCycle } from './chains.service.ts';

let ctx: TestContext;
let leader: Client;
let officer: Client;
let province: Client;
const fendong = demoId('zone:fendong');
const copper = demoId('chain:fendong:copper');
const link = (key: string, zone = 'fendong', chain = 'copper') => demoId(`chain-link:${zone}:${chain}:${key}`);
const thisYear = Number(testToday.slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  leader = await ctx.login('leader');
  officer = await ctx.login('officer');
  province = await ctx.login('province');
});
afterAll(() => ctx.close());

describe('chain view', () => {
  it('shows the seeded copper chain: links in order, the gap, 链主, completeness and conversion', async () => {
    const res = await leader.call(op.view, { params: { id: copper } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { chain, links, conversion } = res.body;
    expect(chain).toMatchObject({ name: '铜基新材料产业链', sectorName: '新材料', templateKey: 'copper' });
    expect(links.map((l) => l.name)).toEqual(['阴极铜', '超高纯铜', '板带箔材', '铜杆与电磁线', '溅射靶材', '超导与半导体应用']);
    const gap = links.find((l) => l.templateLinkKey === 'cu-super')!;
    expect(gap).toMatchObject({ strength: 'gap', enterpriseCount: 0, targetCount: 2, leadCount: 1 });
    expect(gap.parentLinkId).toBe(link('cu-strip'));
    expect(links.find((l) => l.templateLinkKey === 'cu-cathode')!.leaders.length).toBe(1);
    expect(chain.stats).toMatchObject({ links: 6, filled: 5, gaps: 1, completenessPercent: 83.3 });
    expect(conversion).toMatchObject({ gaps: 1, targets: 2, targetsWithLead: 1, leads: 1, gapsWithLead: 1 });
  });

  it('answers 404 for another zone’s chain and link', async () => {
    expect((await leader.call(op.view, { params: { id: demoId('chain:hejin:copper') } })).status).toBe(404);
    expect((await leader.call(op.link, { params: { id: link('cu-ultra', 'hejin') } })).status).toBe(404);
  });

  it('lists a link’s enterprises (链主 first, with figures and honours), projects, leads and targets', async () => {
    const res = await officer.call(op.link, { params: { id: link('cu-cathode') } });
    expect(res.status).toBe(200);
    expect(res.body.enterprises[0]).toMatchObject({ role: 'leader', latestYear: thisYear - 1 });
    expect(res.body.enterprises[0].honours).toContain('high_tech');
    expect(res.body.enterprises[0].outputYuan).toBeGreaterThan(0);
    expect(res.body.link).toMatchObject({ chainName: '铜基新材料产业链', sectorName: '新材料' });
  });

  it('tells a weak link by the chain’s thresholds, which are configurable and versioned', async () => {
    const before = (await leader.call(op.view, { params: { id: copper } })).body;
    const res = await leader.call(op.update, { params: { id: copper }, body: { version: before.chain.version, weakMinEnterprises: 50, weakMinOutputWan: 0 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.links.filter((l) => l.enterpriseCount > 0).every((l) => l.strength === 'weak')).toBe(true);
    const stale = await leader.call(op.update, { params: { id: copper }, body: { version: before.chain.version, weakMinEnterprises: 1 } });
    expect(stale.status).toBe(409);
    await leader.call(op.update, { params: { id: copper }, body: { version: res.body.chain.version, weakMinEnterprises: 2, weakMinOutputWan: 10000 } });
  });
});

describe('plan, sectors and chains from templates', () => {
  it('copies a template with its branches into a new sector of the zone', async () => {
    const sector = await leader.call(op.createSector, {
      body: { name: '新能源', role: 'supporting', clusterTargetWan: '1000000', clusterTargetYear: 2028, industryCodes: ['38'] },
    });
    expect(sector.status, JSON.stringify(sector.body)).toBe(201);
    expect(sector.body.clusterTargetYuan).toBe(10_000_000_000);
    const chain = await leader.call(op.create, { body: { sectorId: sector.body.id, name: '锂电池产业链', templateKey: 'lithium' } });
    expect(chain.status, JSON.stringify(chain.body)).toBe(201);
    expect(chain.body.links).toHaveLength(10);
    const byKey = new Map(chain.body.links.map((l) => [l.templateLinkKey, l]));
    expect(byKey.get('li-cathode')!.parentLinkId).toBe(byKey.get('li-ore')!.id);
    expect(chain.body.chain.stats.completenessPercent).toBe(0);
    const plan = await leader.call(op.plan, {});
    expect(plan.body.sectors.find((s) => s.name === '新能源')!.chains.map((c) => c.name)).toEqual(['锂电池产业链']);
  });

  it('refuses an unknown template, a duplicate sector name and a sector of another zone, writing nothing', async () => {
    const chainsBefore = await ctx.rowCount('chains');
    const sectorId = demoId('sector:fendong:materials');
    const bad = await leader.call(op.create, { body: { sectorId, name: '某链', templateKey: 'nope' } });
    expect(bad.body.details.fields).toEqual([{ field: 'templateKey', reason: '没有这个产业链模板' }]);
    const other = await leader.call(op.create, { body: { sectorId: demoId('sector:hejin:nonferrous'), name: '某链' } });
    expect(other.body.details.fields[0]).toMatchObject({ field: 'sectorId' });
    const dup = await leader.call(op.createSector, { body: { name: '新材料', role: 'leading' } });
    expect(dup.status).toBe(409);
    expect(await ctx.rowCount('chains')).toBe(chainsBefore);
  });

  it('saves the plan as the zone names it, versioned', async () => {
    const page = (await leader.call(op.plan, {})).body;
    expect(page.plan.name).toBe('1+2+N');
    const res = await leader.call(op.savePlan, { body: { name: '一主导两支撑', version: page.plan.version } });
    expect(res.status).toBe(200);
    expect((await leader.call(op.savePlan, { body: { name: '又一版', version: page.plan.version } })).status).toBe(409);
  });
});

describe('links: branches, cycles and zones', () => {
  it('refuses a cycle: a link cannot move under its own branch, nothing written', async () => {
    const audits = await ctx.rowCount('audit_log');
    const root = (await leader.call(op.link, { params: { id: link('cu-cathode') } })).body.link;
    const res = await leader.call(op.updateLink, { params: { id: root.id }, body: { version: root.version, parentLinkId: link('cu-super') } });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([{ field: 'parentLinkId', reason: '上级环节不能是本环节或其下游分支（会形成环路）' }]);
    const self = await leader.call(op.updateLink, { params: { id: root.id }, body: { version: root.version, parentLinkId: root.id } });
    expect(self.body.details.fields[0].field).toBe('parentLinkId');
    expect(await ctx.rowCount('audit_log')).toBe(audits);
    expect((await leader.call(op.link, { params: { id: root.id } })).body.link).toMatchObject({ parentLinkId: null, version: root.version });
  });

  it('refuses a parent link of another zone’s chain, and of another chain', async () => {
    const links = await ctx.rowCount('chain_links');
    const other = await leader.call(op.addLink, {
      params: { id: copper },
      body: { name: '铜合金', stage: 'midstream', parentLinkId: link('cu-ultra', 'hejin') },
    });
    expect(other.body.details.fields).toEqual([{ field: 'parentLinkId', reason: '该环节不属于本产业链所在的开发区' }]);
    const chain = await leader.call(op.addLink, {
      params: { id: copper },
      body: { name: '铜合金', stage: 'midstream', parentLinkId: link('c-tar', 'fendong', 'carbon') },
    });
    expect(chain.body.details.fields[0].reason).toBe('上级环节必须属于同一条产业链');
    expect(await ctx.rowCount('chain_links')).toBe(links);
  });

  it('adds a branch, and deleting a link moves its branches up', async () => {
    const added = await leader.call(op.addLink, {
      params: { id: copper },
      body: { name: '铜合金', stage: 'midstream', parentLinkId: link('cu-cathode'), products: ['铍铜'] },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const child = await leader.call(op.addLink, { params: { id: copper }, body: { name: '铜合金带材', stage: 'downstream', parentLinkId: added.body.id } });
    expect((await leader.call(op.deleteLink, { params: { id: added.body.id } })).status).toBe(200);
    const after = (await leader.call(op.link, { params: { id: child.body.id } })).body.link;
    expect(after.parentLinkId).toBe(link('cu-cathode'));
    await leader.call(op.deleteLink, { params: { id: child.body.id } });
  });

  it('the cycle check walks up from the new parent', () => {
    const tree = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
    ]);
    expect(wouldCycle(tree, 'a', 'c')).toBe(true);
    expect(wouldCycle(tree, 'c', 'a')).toBe(false);
    expect(wouldCycle(tree, 'b', 'b')).toBe(true);
  });
});

describe('enterprises on links', () => {
  it('places an enterprise once per link: twice is refused, nothing written', async () => {
    const e = await buildEnterprise(officer);
    const first = await leader.call(op.placeEnterprise, { params: { id: link('cu-super') }, body: { enterpriseId: e.id, role: 'backbone' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const placements = await ctx.rowCount('chain_link_enterprises');
    const again = await leader.call(op.placeEnterprise, { params: { id: link('cu-super') }, body: { enterpriseId: e.id, role: 'leader' } });
    expect(again.status).toBe(409);
    expect(again.body.details.fields).toEqual([{ field: 'enterpriseId', reason: '该企业已在这个环节上' }]);
    expect(await ctx.rowCount('chain_link_enterprises')).toBe(placements);
    expect((await leader.call(op.view, { params: { id: copper } })).body.links.find((l) => l.templateLinkKey === 'cu-super')!.strength).toBe('weak');
    expect((await leader.call(op.removePlacement, { params: { id: first.body.id } })).status).toBe(200);
  });

  it('a viewer and a province viewer may read but not place', async () => {
    const viewer = await ctx.login('viewer');
    expect((await viewer.call(op.view, { params: { id: copper } })).status).toBe(200);
    const e = await buildEnterprise(officer);
    expect((await viewer.call(op.placeEnterprise, { params: { id: link('cu-super') }, body: { enterpriseId: e.id, role: 'backbone' } })).status).toBe(403);
  });
});

describe('gap → target list → target leads', () => {
  it('makes three target leads in one step, prefilled with the link, the sector and 产业链招商', async () => {
    const gapLink = link('c-composite', 'fendong', 'carbon');
    const list = await leader.call(op.importTargets, {
      params: { id: gapLink },
      body: {
        action: 'fill',
        rows: [
          { companyName: '江苏恒通碳材料有限公司', regionName: '江苏省常州市' },
          { companyName: '宁波碳谷新材料有限公司' },
          { companyName: '深圳碳联科技有限公司' },
        ],
      },
    });
    expect(list.status, JSON.stringify(list.body)).toBe(201);
    expect(list.body.map((t) => t.source)).toEqual(['import', 'import', 'import']);
    const leadsBefore = await ctx.rowCount('leads', `where chain_link_id = '${gapLink}'`);
    const made = await leader.call(op.makeLeads, { body: { targetIds: list.body.map((t) => t.id) } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.leads).toHaveLength(3);
    expect(made.body.targets.every((t) => t.status === 'lead_made' && t.leadId)).toBe(true);
    expect(await ctx.rowCount('leads', `where chain_link_id = '${gapLink}' and method = 'chain' and sector = '新材料' and chain_action = 'fill'`)).toBe(
      leadsBefore + 3,
    );
    const lead = await leader.get(`/api/leads/${made.body.leads[0].id}`);
    expect(lead.body).toMatchObject({ method: 'chain', chainLink: '碳/碳复合材料', sector: '新材料' });
    const view = (await leader.call(op.view, { params: { id: demoId('chain:fendong:carbon') } })).body;
    expect(view.conversion.leads).toBeGreaterThanOrEqual(4);
    expect(view.conversion.targetsWithLead).toBeGreaterThanOrEqual(4);

    const audits = await ctx.rowCount('audit_log');
    const twice = await leader.call(op.makeLeads, { body: { targetIds: [list.body[0].id] } });
    expect(twice.status).toBe(409);
    expect(twice.body.details.fields).toEqual([{ field: 'targetIds.0', reason: '已为该目标生成线索' }]);
    expect(await ctx.rowCount('audit_log')).toBe(audits);
  });

  it('makes all or none: one bad target writes no lead', async () => {
    const t = await leader.call(op.addTarget, {
      params: { id: link('c-graphene', 'fendong', 'carbon') },
      body: { action: 'extend', companyName: '常州烯材科技有限公司' },
    });
    expect(t.status).toBe(201);
    const leads = await ctx.rowCount('leads');
    const res = await leader.call(op.makeLeads, { body: { targetIds: [t.body.id, demoId('chain-target:hejin:copper:0')] } });
    expect(res.body.details.fields[0].field).toBe('targetIds.1');
    expect(await ctx.rowCount('leads')).toBe(leads);
  });

  it('refuses a company already on the list', async () => {
    const res = await leader.call(op.addTarget, {
      params: { id: link('cu-super') },
      body: { action: 'fill', companyName: (await leader.call(op.link, { params: { id: link('cu-super') } })).body.targets[0].companyName },
    });
    expect(res.status).toBe(409);
  });

  it('offers enterprises on the same link elsewhere in the province, and adds them as targets', async () => {
    const candidates = await leader.call(op.provinceCandidates, { params: { id: link('c-tar', 'fendong', 'carbon') } });
    expect(candidates.status).toBe(200);
    expect(candidates.body.length).toBeGreaterThan(0);
    expect(new Set(candidates.body.map((c) => c.zoneName))).toEqual(new Set(['河津开发区']));
    expect(candidates.body.every((c) => c.linkName === '煤焦油与沥青深加工')).toBe(true);
    const added = await leader.call(op.targetsFromProvince, {
      params: { id: link('c-tar', 'fendong', 'carbon') },
      body: { action: 'strengthen', enterpriseIds: [candidates.body[0].enterpriseId] },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body[0]).toMatchObject({ source: 'province', enterpriseId: candidates.body[0].enterpriseId });
  });
});

describe('roadmap', () => {
  it('lists the chain’s roadmap with its outcomes and adds an item; a link of another chain is refused', async () => {
    const road = await leader.call(op.roadmap, { params: { id: copper } });
    expect(road.body.items.map((i) => i.kind)).toEqual(['event', 'region', 'trip']);
    expect(road.body.outcomes).toMatchObject({ done: 1, planned: 2, leads: 1 });
    const bad = await leader.call(op.addRoadmapItem, {
      params: { id: copper },
      body: { kind: 'enterprise', title: '拜访', linkId: link('c-tar', 'fendong', 'carbon') },
    });
    expect(bad.body.details.fields[0]).toMatchObject({ field: 'linkId' });
    const ok = await leader.call(op.addRoadmapItem, {
      params: { id: copper },
      body: { kind: 'enterprise', title: '拜访江西铜业', linkId: link('cu-super'), plannedOn: testToday, ownerId: demoId('user:officer') },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const done = await leader.call(op.updateRoadmapItem, {
      params: { id: ok.body.id },
      body: { version: ok.body.version, status: 'done', outcome: '达成合作意向' },
    });
    expect(done.body).toMatchObject({ status: 'done', outcome: '达成合作意向', ownerName: '李婷' });
  });
});

describe('province view', () => {
  it('shows which zones hold which links of one chain', async () => {
    const res = await province.call(op.province, { params: { key: 'copper' } });
    expect(res.status).toBe(200);
    expect(res.body.zones.map((z) => z.zoneName).sort()).toEqual(['汾东经开区', '河津开发区']);
    const target = res.body.links.find((l) => l.key === 'cu-target')!;
    expect(target.cells.find((c) => c.zoneId === demoId('zone:hejin'))!.strength).toBe('gap');
    expect(target.zonesHolding).toBe(1);
    const own = await leader.call(op.province, { params: { key: 'copper' } });
    expect(own.body.zones.map((z) => z.zoneName)).toEqual(['汾东经开区']);
  });
});

describe('enterprise profile', () => {
  const enterprise = demoId('chain-enterprise:fendong:copper:cu-ultra:0');

  it('an officer records a 小巨人 honour and yearly figures, who entered them is kept', async () => {
    const honour = await officer.call(op.addHonour, {
      params: { id: enterprise },
      body: { kind: 'little_giant', year: thisYear, grantedOn: testToday, issuer: '工业和信息化部' },
    });
    expect(honour.status, JSON.stringify(honour.body)).toBe(201);
    expect(honour.body).toMatchObject({ kind: 'little_giant', enteredByName: '李婷', enteredInZoneName: '汾东经开区' });
    const figures = await officer.call(op.addFigures, {
      params: { id: enterprise },
      body: { year: thisYear, outputWan: '52000', taxWan: 2600, landMu: 130, employees: 420, rndWan: 1500 },
    });
    expect(figures.status, JSON.stringify(figures.body)).toBe(201);
    expect(figures.body).toMatchObject({ outputYuan: 520_000_000, taxYuan: 26_000_000, taxPerMuYuan: 200_000, landMu: 130 });
    const profile = await officer.call(op.profile, { params: { id: enterprise } });
    expect(profile.body.figures[0].year).toBe(thisYear);
    expect(profile.body.honours.map((h) => h.kind)).toContain('little_giant');
    expect(profile.body.placements[0]).toMatchObject({ chainName: '铜基新材料产业链', linkName: '超高纯铜' });
    expect(profile.body.actions).toEqual(['update']);
    const upd = await officer.call(op.updateFigures, { params: { id: figures.body.id }, body: { version: figures.body.version, taxWan: 3000 } });
    expect(upd.body.taxYuan).toBe(30_000_000);
    expect((await officer.call(op.updateFigures, { params: { id: figures.body.id }, body: { version: figures.body.version, taxWan: 1 } })).status).toBe(409);
  });

  it('refuses a future year, a negative figure, a repeated honour and a grant date outside its year, writing nothing', async () => {
    const [figs, honours] = [await ctx.rowCount('enterprise_yearly_figures'), await ctx.rowCount('enterprise_honours')];
    const future = await officer.call(op.addFigures, { params: { id: enterprise }, body: { year: thisYear + 1, outputWan: 1 } });
    expect(future.body.details.fields).toEqual([{ field: 'year', reason: '年份不能晚于今年' }]);
    const negative = await officer.call(op.addFigures, { params: { id: enterprise }, body: { year: thisYear - 3, taxWan: -5, employees: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['employees', 'taxWan']);
    const twice = await officer.call(op.addHonour, { params: { id: enterprise }, body: { kind: 'above_scale', year: thisYear - 1 } });
    expect(twice.status).toBe(409);
    const outside = await officer.call(op.addHonour, {
      params: { id: enterprise },
      body: { kind: 'tech_sme', year: thisYear - 1, grantedOn: `${thisYear - 2}-05-01` },
    });
    expect(outside.body.details.fields[0].field).toBe('grantedOn');
    expect([await ctx.rowCount('enterprise_yearly_figures'), await ctx.rowCount('enterprise_honours')]).toEqual([figs, honours]);
  });

  it('records production lines and a tripartite cooperation agreement', async () => {
    const line = await officer.call(op.addLine, { params: { id: enterprise }, body: { name: '6N 高纯铜生产线', capacity: 5000, capacityUnit: '吨/年' } });
    expect(line.body).toMatchObject({ capacity: 5000, status: 'operating' });
    const coop = await officer.call(op.addCooperation, {
      params: { id: enterprise },
      body: {
        kind: 'tripartite',
        title: '高纯铜联合实验室',
        partnerName: '太原理工大学',
        partnerKind: 'university',
        otherParties: ['汾东经开区管委会'],
        signedOn: '2026-03-01',
        endsOn: '2025-01-01',
      },
    });
    expect(coop.body.details.fields[0].field).toBe('endsOn');
  });

  it('another zone may read the profile but not keep it', async () => {
    const hejin = await ctx.login('hejin');
    expect((await hejin.call(op.profile, { params: { id: enterprise } })).body.actions).toEqual([]);
    expect((await hejin.call(op.addHonour, { params: { id: enterprise }, body: { kind: 'high_tech', year: thisYear } })).status).toBe(403);
  });

  it('imports yearly figures through the import engine', async () => {
    const name = (await officer.call(op.link, { params: { id: link('cu-ultra') } })).body.enterprises.find((e) => e.enterpriseId === enterprise)!.name;
    const file = await buildXlsx(
      ['企业名称', '年份', '工业总产值（万元）', '税收（万元）', '用地面积（亩）', '从业人员'],
      [
        [name, thisYear - 3, 12000, 600, 80, 150],
        ['不存在的企业有限公司', thisYear - 3, 100, 1, 1, 1],
        [name, thisYear + 1, 100, 1, 1, 1],
      ],
    );
    const staged = await uploadXlsx(ctx, officer, `/api/imports?kind=enterprise-figures&zoneId=${fendong}`, file);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body).toMatchObject({ validRows: 1, errorRows: 2 });
    const committed = await officer.post(`/api/imports/${staged.body.id}/commit`, { mode: 'valid' });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const profile = await officer.call(op.profile, { params: { id: enterprise } });
    expect(profile.body.figures.find((f) => f.year === thisYear - 3)).toMatchObject({ outputYuan: 120_000_000, source: 'import', enteredByName: '李婷' });
  });
});
