import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landEfficiencyOperations as op, type LandEfficiencyPolicy } from '../../../contract/land-efficiency.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testClock, testToday } from '../../../../test/clock.ts';
import { recordAudit } from '../../platform/audit.ts';
import { createLandEfficiencyRepository } from './land-efficiency.repository.ts';
import { createLandEfficiencyService } from './land-efficiency.service.ts';
import { demoId } from '../../seed/demo-ids.ts';

const year = Number(testToday.slice(0, 4)) - 1;
const fendong = demoId('zone:fendong');
const zone = demoId('zone:land-efficiency-test');
const ent = (k: string) => demoId(`land-efficiency-test:${k}`);

/**
 * The worked example (docs/land-efficiency.md): four indicators, 亩均税收 against the zone average,
 * the others against fixed figures.
 */
const policy: LandEfficiencyPolicy = {
  indicators: [
    { key: 'tax_per_mu', weight: 40, benchmark: { kind: 'zone_average' }, cap: 1.5 },
    { key: 'value_added_per_mu', weight: 30, benchmark: { kind: 'fixed', value: 20 }, cap: 1.2 },
    { key: 'value_added_per_energy', weight: 20, benchmark: { kind: 'fixed', value: 2 }, cap: 1.2 },
    { key: 'rnd_share', weight: 10, benchmark: { kind: 'fixed', value: 3 }, cap: 1.2 },
  ],
  classMethod: 'cutoffs',
  cutoffs: { A: 110, B: 90, C: 45 },
  shares: { A: 40, B: 20, C: 20, D: 20 },
  minLandMu: 0,
};

// name, 用地 亩, 税收 万元, 增加值 万元, 能耗 tce, R&D 万元, 营业收入 万元 (null: not reported)
const figures: [string, string, number, number | null, number | null, number | null, number | null, number | null][] = [
  ['e1', '甲精密制造有限公司', 100, 2000, 3000, 1000, 300, 6000], // 20 万元/亩, 30 万元/亩, 3 万元/tce, 5%
  ['e2', '乙新材料有限公司', 50, 500, 1000, 500, 90, 3000], //         10, 20, 2, 3%
  ['e3', '丙铸造有限公司', 200, 1000, 2000, 2000, 40, 4000], //         5, 10, 1, 1%
  ['e4', '丁包装有限公司', 50, 250, 500, 1000, 0, 1000], //             5, 10, 0.5, 0%
  ['e5', '戊装备有限公司', 100, 1250, 1500, 600, 80, 4000], //          12.5, 15, 2.5, 2%
  ['e6', '己化工有限公司', 40, 800, 900, null, 20, 2000], //           no 综合能耗: 数据不全
  ['e7', '庚物流有限公司', 0, 100, 100, 10, 0, 500], //                no land: not evaluated
];

describe('亩均效益评价 (land-efficiency)', () => {
  let ctx: TestContext;
  let admin: Client;
  let leader: Client;
  let hejin: Client;
  let viewer: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
    [admin, leader, hejin, viewer] = await Promise.all([ctx.login('admin'), ctx.login('leader'), ctx.login('hejin'), ctx.login('viewer')]);
    await ctx.database.query(`insert into zones (id, code, name, short_name, kind, region_code) values ($1, 'LETEST', '亩均测试开发区', '亩均测试区', 'etdz', '140802')`, [zone]);
    for (const [k, name, land, tax, va, energy, rnd, revenue] of figures) {
      await ctx.database.query(`insert into enterprises (id, name, normalized_name, created_in_zone_id) values ($1, $2, $2, $3)`, [ent(k), name, zone]);
      await ctx.database.query(
        `insert into enterprise_yearly_figures (enterprise_id, year, land_mu, tax_yuan, value_added_yuan, energy_tce, emissions_tonnes, employees, rnd_yuan, revenue_yuan)
         values ($1, $2, $3, $4, $5, $6, 100, 100, $7, $8)`,
        [ent(k), year, land, tax! * 10_000, va == null ? null : va * 10_000, energy, rnd == null ? null : rnd * 10_000, revenue == null ? null : revenue * 10_000],
      );
    }
    // 辛: land the year before, nothing reported this year: 数据不全, not dropped.
    await ctx.database.query(`insert into enterprises (id, name, normalized_name, created_in_zone_id) values ($1, '辛纺织有限公司', '辛纺织有限公司', $2)`, [ent('e8'), zone]);
    await ctx.database.query(`insert into enterprise_yearly_figures (enterprise_id, year, land_mu, tax_yuan) values ($1, $2, 30, 1000000)`, [ent('e8'), year - 1]);
  });
  afterAll(() => ctx.close());

  const save = (client: Client, body: Partial<LandEfficiencyPolicy> & { version: number }, headers?: Record<string, string>) =>
    client.call(op.saveConfig, { body: { zoneId: zone, year, ...policy, ...body }, headers });

  it('the demo zone shows A/B/C/D for both years, with 数据不全 listed, and the policy it used', async () => {
    for (const y of [year - 1, year]) {
      const res = await leader.call(op.listResults, { query: { zoneId: fendong, year: y, pageSize: 200 } });
      expect(res.status).toBe(200);
      const { counts } = res.body.run!;
      expect(counts.A * counts.B * counts.C * counts.D).toBeGreaterThan(0);
      expect(res.body.total).toBe(counts.A + counts.B + counts.C + counts.D + counts.incomplete);
      expect(res.body.items.find((r) => r.enterpriseName === '山西汾东精密铸造有限公司')).toMatchObject({ grade: null, missing: ['energyTce', 'emissionsTonnes'] });
    }
    const last = await leader.call(op.listResults, { query: { zoneId: fendong, year, grade: 'incomplete' } });
    expect(last.body.items.map((r) => r.enterpriseName).sort()).toEqual(['山西汾东精密铸造有限公司', '运城市汾东包装制品有限公司'].sort());
    const cfg = await leader.call(op.getConfig, { query: { zoneId: fendong, year } });
    expect(cfg.body).toMatchObject({ source: 'saved', minLandMu: 3, classMethod: 'shares', actions: ['update', 'run'] });
    const next = await leader.call(op.getConfig, { query: { zoneId: fendong, year: year + 1 } });
    expect(next.body).toMatchObject({ source: 'earlier_year', sourceYear: year, version: 0 });
  });

  it('the worked example: scores and classes by cut-offs, then by rank shares, as computed by hand', async () => {
    expect((await save(admin, { version: 0 })).status).toBe(200);
    const run = await admin.call(op.run, { body: { zoneId: zone, year } });
    expect(run.status).toBe(201);
    // 亩均税收 benchmark = Σ税收 ÷ Σ用地 over the complete five: (2000+500+1000+250+1250) ÷ (100+50+200+50+100) = 10 万元/亩.
    expect(run.body.benchmarks).toEqual({ tax_per_mu: 10, value_added_per_mu: 20, value_added_per_energy: 2, rnd_share: 3 });
    expect(run.body).toMatchObject({ enterpriseCount: 7, counts: { A: 1, B: 2, C: 1, D: 1, incomplete: 2 } });

    const res = await admin.call(op.listResults, { query: { zoneId: zone, year, sort: 'rank' } });
    const by = Object.fromEntries(res.body.items.map((r) => [r.enterpriseName.slice(0, 1), r]));
    // 甲: min(20/10,1.5)×40 = 60; min(30/20,1.2)×30 = 36; min(3/2,1.2)×20 = 24; min(5/3,1.2)×10 = 12 → 132 (the maximum), A
    expect(by['甲']).toMatchObject({ score: 132, rank: 1, grade: 'A', scores: { tax_per_mu: 60, value_added_per_mu: 36, value_added_per_energy: 24, rnd_share: 12 } });
    // 戊: 1.25×40 = 50; 0.75×30 = 22.5; min(1.25,1.2)×20 = 24; (2/3)×10 = 6.67 → 103.17, B
    expect(by['戊']).toMatchObject({ score: 103.17, rank: 2, grade: 'B', scores: { rnd_share: 6.67 } });
    // 乙: every indicator at its benchmark → 40 + 30 + 20 + 10 = 100, B
    expect(by['乙']).toMatchObject({ score: 100, rank: 3, grade: 'B' });
    // 丙: 0.5×40 = 20; 0.5×30 = 15; 0.5×20 = 10; (1/3)×10 = 3.33 → 48.33, C (≥ 45)
    expect(by['丙']).toMatchObject({ score: 48.33, rank: 4, grade: 'C' });
    // 丁: 20 + 15 + 0.25×20 = 5 + 0 → 40, D
    expect(by['丁']).toMatchObject({ score: 40, rank: 5, grade: 'D' });
    expect(by['甲'].values.tax_per_mu).toBe(20);
    // 己 (no 综合能耗) and 辛 (nothing this year) are listed, not classed; 庚 (no land) is not evaluated.
    expect(by['己']).toMatchObject({ grade: null, score: null, rank: null, missing: ['energyTce'] });
    expect(by['辛']).toMatchObject({ grade: null, missing: expect.arrayContaining(['landMu', 'taxYuan', 'valueAddedYuan']) });
    expect(by['庚']).toBeUndefined();

    // Rank shares A 40%, B 20%, C 20%, D 20% of the five ranked: A the first round(2) = 甲 戊, B up to round(3) = 乙, C 丙, D 丁.
    const cfg = await admin.call(op.getConfig, { query: { zoneId: zone, year } });
    expect((await save(admin, { version: cfg.body.version, classMethod: 'shares' })).status).toBe(200);
    const rerun = await admin.call(op.run, { body: { zoneId: zone, year } });
    expect(rerun.body.counts).toEqual({ A: 2, B: 1, C: 1, D: 1, incomplete: 2 });
    const grades = await admin.call(op.listResults, { query: { zoneId: zone, year, sort: 'score', order: 'desc' } });
    expect(grades.body.items.map((r) => `${r.enterpriseName.slice(0, 1)}${r.grade ?? '-'}`)).toEqual(['甲A', '戊A', '乙B', '丙C', '丁D', '己-', '辛-']);
  });

  it('a re-run replaces the year’s results (no duplicates) and the audit says what moved', async () => {
    // 丁 pays more tax: 1000 万元 → 20 万元/亩.
    await ctx.database.query(`update enterprise_yearly_figures set tax_yuan = 10000000 where enterprise_id = $1 and year = $2`, [ent('e4'), year]);
    const before = await ctx.rowCount('land_efficiency_results', `where zone_id = '${zone}'`);
    const run = await admin.call(op.run, { body: { zoneId: zone, year } });
    expect(run.status).toBe(201);
    expect(await ctx.rowCount('land_efficiency_results', `where zone_id = '${zone}'`)).toBe(before);
    // The results are the zone-year's newest run's: that run is this one, and it counted every row.
    const [newest] = await ctx.database.query<{ id: string }>(`select id from land_efficiency_runs where zone_id = $1 and year = $2 order by created_at desc, id limit 1`, [zone, year]);
    expect(newest.id).toBe(run.body.id);
    expect(run.body.enterpriseCount).toBe(before);
    const [audit] = await ctx.database.query<{ action: string; before: any; after: any }>(
      `select action, before, after from audit_log where entity_id = $1`,
      [run.body.id],
    );
    expect(audit.action).toBe('land_efficiency.rerun');
    expect(audit.after.gradeChanges).toBeGreaterThan(0);
    expect(audit.after.changes).toContainEqual({ enterpriseId: ent('e4'), from: 'D', to: expect.not.stringMatching('D') });
    const runs = await admin.call(op.listRuns, { query: { zoneId: zone, year } });
    expect(runs.body).toHaveLength(3);
    expect(runs.body[0].id).toBe(run.body.id);
  });

  it('search, filter by class, sorting and pages', async () => {
    const a = await admin.call(op.listResults, { query: { zoneId: zone, year, grade: 'A' } });
    expect(a.body.items.every((r) => r.grade === 'A')).toBe(true);
    const q = await admin.call(op.listResults, { query: { zoneId: zone, year, q: '戊装备' } });
    expect(q.body.items.map((r) => r.enterpriseName)).toEqual(['戊装备有限公司']);
    const p2 = await admin.call(op.listResults, { query: { zoneId: zone, year, pageSize: 3, page: 3, sort: 'name' } });
    expect(p2.body).toMatchObject({ total: 7, page: 3, pageSize: 3 });
    expect(p2.body.items).toHaveLength(1);
    const land = await admin.call(op.listResults, { query: { zoneId: zone, year, sort: 'landMu', order: 'desc', pageSize: 1 } });
    expect(land.body.items[0].enterpriseName).toBe('丙铸造有限公司');
  });

  it('policy validation answers each problem on its field, in Chinese; nothing is saved', async () => {
    const cfg = await admin.call(op.getConfig, { query: { zoneId: zone, year } });
    const before = await ctx.rowCount('audit_log', `where entity_type = 'land_efficiency_config'`);
    const bad = await save(
      admin,
      {
        version: cfg.body.version,
        indicators: [
          { key: 'tax_per_mu', weight: 50, benchmark: { kind: 'zone_average' }, cap: 1.5 },
          { key: 'tax_per_mu', weight: 30, benchmark: { kind: 'fixed', value: 0 }, cap: 5 },
        ],
        cutoffs: { A: 60, B: 70, C: 50 },
        shares: { A: 20, B: 30, C: 30, D: 10 },
      },
      { 'accept-language': 'zh-CN' },
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.details.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'indicators', reason: '各项指标权重之和应为 100' },
        { field: 'indicators.1.key', reason: '同一指标只能选择一次' },
        { field: 'indicators.1.cap', reason: '单项得分上限应在 1 至 3 倍权重之间' },
        { field: 'cutoffs', reason: '等级分数线须满足 A 类 > B 类 > C 类 ≥ 0' },
        { field: 'shares', reason: 'A、B、C、D 四类比例之和应为 100%' },
      ]),
    );
    const aboveMax = await save(admin, { version: cfg.body.version, cutoffs: { A: 133, B: 90, C: 45 } }, { 'accept-language': 'zh-CN' });
    expect(aboveMax.body.details.fields).toEqual([{ field: 'cutoffs.A', reason: 'A 类分数线高于可能的最高得分' }]);
    const fixedZero = await save(admin, {
      version: cfg.body.version,
      indicators: [{ key: 'tax_per_mu', weight: 100, benchmark: { kind: 'fixed', value: 0 }, cap: 1.2 }],
      cutoffs: { A: 100, B: 80, C: 60 },
    });
    expect(fixedZero.body.details.fields).toEqual([{ field: 'indicators.0.benchmark.value', reason: '固定基准值应大于 0' }]);
    const stale = await save(admin, { version: cfg.body.version - 1 });
    expect(stale.status).toBe(409);
    expect(await ctx.rowCount('audit_log', `where entity_type = 'land_efficiency_config'`)).toBe(before);
  });

  it('scope: another zone’s policy, results and runs are out of reach; only the zone’s admins set the policy', async () => {
    expect((await leader.call(op.listResults, { query: { zoneId: zone, year } })).status).toBe(404);
    expect((await leader.call(op.getConfig, { query: { zoneId: zone, year } })).status).toBe(404);
    const runs = await ctx.rowCount('land_efficiency_runs');
    const refused = await leader.call(op.run, { body: { zoneId: zone, year } });
    expect(refused.status).toBe(400);
    expect((await hejin.call(op.run, { body: { zoneId: fendong, year } })).status).toBe(400);
    expect((await viewer.call(op.run, { body: { zoneId: fendong, year } })).status).toBe(403);
    expect((await viewer.call(op.saveConfig, { body: { zoneId: fendong, year, version: 1, ...policy } })).status).toBe(403);
    expect(await ctx.rowCount('land_efficiency_runs')).toBe(runs);
    const cfg = await viewer.call(op.getConfig, { query: { zoneId: fendong, year } });
    expect(cfg.body.actions).toEqual([]);
    // A future year cannot be evaluated.
    expect((await admin.call(op.run, { body: { zoneId: zone, year: year + 2 } })).body.details.fields).toEqual([{ field: 'year', reason: '年份不能晚于今年' }]);
  });

  it('the class history of an enterprise, in the caller’s zones only, and the zone summaries for the province ranking', async () => {
    const mine = await admin.call(op.history, { query: { enterpriseId: ent('e1') } });
    expect(mine.body).toEqual([expect.objectContaining({ zoneId: zone, year, grade: 'A', rank: 1, of: 5 })]);
    expect((await leader.call(op.history, { query: { enterpriseId: ent('e1') } })).body).toEqual([]);
    // A seeded 汾东 enterprise: both years.
    const [{ enterprise_id }] = await ctx.database.query<{ enterprise_id: string }>(
      `select enterprise_id from land_efficiency_results where zone_id = $1 and year = $2 and grade = 'A' limit 1`,
      [fendong, year],
    );
    const hist = await leader.call(op.history, { query: { enterpriseId: enterprise_id } });
    expect(hist.body.map((h) => h.year)).toEqual([year, year - 1]);
    expect(hist.body[0].grade).toBe('A');

    const service = createLandEfficiencyService({ db: ctx.database.db, repo: createLandEfficiencyRepository(), audit: recordAudit, clock: testClock });
    const summaries = await service.zoneSummaries({ scope: { all: true, rule: { kind: 'all' }, zoneIds: [] } } as never, year, [zone]);
    // 亩均税收 over the evaluated with land and tax: (2000+500+1000+1000+1250+800) 万元 ÷ (100+50+200+50+100+40) 亩.
    expect(summaries).toEqual([
      { zoneId: zone, year, taxPerMuYuan: Math.round(65_500_000 / 540), landMu: 540, taxYuan: 65_500_000, grades: { A: 2, B: 1, C: 1, D: 1 }, incomplete: 2 },
    ]);
  });

  it('exports the results sheet in the layout a zone files', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/land-efficiency/results.xlsx?zoneId=${zone}&year=${year}`, headers: { cookie: admin.cookie! } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('评价结果')!;
    expect(ws.getCell(1, 1).value).toBe(`亩均测试开发区${year}年度工业企业亩均效益综合评价结果`);
    expect(String(ws.getCell(2, 1).value)).toContain('单位：万元、亩');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '用地面积（亩）',
      '税收（万元）',
      '工业增加值（万元）',
      '亩均税收（万元/亩）',
      '亩均增加值（万元/亩）',
      '单位能耗增加值（万元/吨标准煤）',
      'R&D经费支出占营业收入比重（%）',
      '综合得分',
      '名次',
      '等级',
      '备注',
    ]);
    const first = (ws.getRow(4).values as unknown[]).slice(1);
    expect(first.slice(0, 2)).toEqual([1, '甲精密制造有限公司']);
    expect(first.slice(10, 13)).toEqual([132, 1, 'A']);
    const incomplete = (ws.getRow(9).values as unknown[]).slice(1);
    expect(incomplete[12]).toBe('数据不全');
  });
});
