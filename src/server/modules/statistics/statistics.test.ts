import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOperations } from '../../../contract/imports.ts';
import { statisticsOperations as op } from '../../../contract/statistics.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { uploadXlsx } from '../../../../test/pipeline-fixtures.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { gradeOf, scoreZone } from './statistics.assessment.ts';
import { parseStatValue } from './statistics.values.ts';
import { indicatorByCode } from '../../../contract/statistics-indicators.ts';

const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const Y = Number(testToday.slice(0, 4));
const lastMonth = (() => {
  const m = Number(testToday.slice(5, 7));
  return m === 1 ? { y: Y - 1, m: 12 } : { y: Y, m: m - 1 };
})();
const lastMonthKey = `${lastMonth.y}-${String(lastMonth.m).padStart(2, '0')}`;

describe('statistics (统计局 figures) and 开发区考核', () => {
  let ctx: TestContext;
  let projects: Client;
  let hejinLeader: Client;
  let province: Client;
  let admin: Client;
  let viewer: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ config: { LOG_LEVEL: 'error' } });
    [projects, hejinLeader, province, admin, viewer] = await Promise.all([
      ctx.login('projects'),
      ctx.login('hejin'),
      ctx.login('province'),
      ctx.login('admin'),
      ctx.login('viewer'),
    ]);
  });
  afterAll(() => ctx.close());

  it('the demo zone reads as the issue tells it: 工业投资 13.3亿 → 28亿 over four years, 四上 40 → 101, 高新 19 → 38', async () => {
    const res = await viewer.call(op.grid, { query: { zoneId: fendong, kind: 'year', from: String(Y - 4), to: String(Y - 1) } });
    expect(res.status).toBe(200);
    const v = (code: string, p: string) => res.body.cells.find((c) => c.indicator === code && c.period === p)?.value;
    expect([v('industrial_investment', String(Y - 4)), v('industrial_investment', String(Y - 1))]).toEqual(['13.3', '28']);
    expect(res.body.cells.find((c) => c.indicator === 'industrial_investment' && c.period === String(Y - 1))!.amountYuan).toBe(2_800_000_000);
    expect([v('above_scale_enterprises', String(Y - 4)), v('above_scale_enterprises', String(Y - 1))]).toEqual(['40', '101']);
    expect([v('high_tech_enterprises', String(Y - 4)), v('high_tech_enterprises', String(Y - 1))]).toEqual(['19', '38']);
    // Derived year on year from the stored values: (28 − 22.5) ÷ 22.5 = 24.44%; the 统计局's own figure stays its own indicator.
    expect(res.body.derivedGrowth.find((g) => g.indicator === 'industrial_investment' && g.period === String(Y - 1))?.pct).toBe(24.44);
    expect(v('industrial_output_growth', String(Y - 1))).toBe('12.5');
    expect(res.body.canEdit).toBe(false);
    // The trend reads the same figures, with both growths.
    const trend = await viewer.call(op.trend, {
      query: { zoneId: fendong, indicator: 'industrial_output', kind: 'year', from: String(Y - 2), to: String(Y - 1) },
    });
    expect(trend.body.points.map((p) => [p.period, p.value, p.reportedGrowthPct, p.derivedGrowthPct])).toEqual([
      [String(Y - 2), '3120000', 13, 13.04],
      [String(Y - 1), '3510000', 12.5, 12.5],
    ]);
    // Monthly figures of this year exist up to the last finished month.
    const months = await viewer.call(op.grid, { query: { zoneId: fendong, kind: 'month', from: lastMonthKey, to: lastMonthKey } });
    expect(months.body.cells.some((c) => c.indicator === 'industrial_investment')).toBe(true);
  });

  it('a revision keeps the old value: history lists every value, a stale version is refused per cell', async () => {
    const period = String(Y - 8);
    const first = await projects.call(op.saveGrid, {
      body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period, value: '50000.5', version: null }] },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      saved: 1,
      cells: [{ value: '50000.5', amountYuan: 500_005_000, version: 1, revisions: 1, source: '统计局', enteredByName: '王磊' }],
    });
    const second = await projects.call(op.saveGrid, {
      body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period, value: '52000', version: 1, source: '税务局' }] },
    });
    expect(second.body.cells[0]).toMatchObject({ value: '52000', version: 2 });
    // Saving the same figure again changes nothing.
    const same = await projects.call(op.saveGrid, {
      body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period, value: '52000', version: 2, source: '税务局' }] },
    });
    expect(same.body).toMatchObject({ saved: 0, unchanged: 1 });
    const stale = await projects.call(op.saveGrid, { body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period, value: '1', version: 1 }] } });
    expect(stale.status).toBe(409);
    expect(stale.body.details.fields).toEqual([{ field: 'cells.0.value', reason: '该数值已被他人修改，请刷新后再填' }]);
    const history = await viewer.call(op.history, { query: { zoneId: fendong, indicator: 'tax_revenue', period } });
    expect(history.body.map((h) => [h.version, h.value, h.source, h.via])).toEqual([
      [1, '50000.5', '统计局', 'grid'],
      [2, '52000', '税务局', 'grid'],
    ]);
    // Cleared: the value is gone from the grid, its history stays.
    await projects.call(op.saveGrid, { body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period, value: null, version: 2 }] } });
    const grid = await viewer.call(op.grid, { query: { zoneId: fendong, kind: 'year', from: period, to: period } });
    expect(grid.body.cells.find((c) => c.indicator === 'tax_revenue')).toBeUndefined();
    const after = await viewer.call(op.history, { query: { zoneId: fendong, indicator: 'tax_revenue', period } });
    expect(after.body.map((h) => h.value)).toEqual(['50000.5', '52000', null]);
    expect(await ctx.rowCount('audit_log', `where entity_type = 'statistic_value' and action like 'statistics.value.%'`)).toBeGreaterThanOrEqual(3);
  });

  it('scope: a user reads and writes only the zones they cover', async () => {
    const other = await hejinLeader.call(op.grid, { query: { zoneId: fendong, kind: 'year' } });
    expect(other.status).toBe(400);
    expect(other.body.details.fields).toEqual([{ field: 'zoneId', reason: '不在您的管辖范围内' }]);
    const before = await ctx.rowCount('statistic_values');
    const write = await hejinLeader.call(op.saveGrid, {
      body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period: String(Y - 1), value: '1', version: 1 }] },
    });
    expect(write.status).toBe(400);
    expect((await hejinLeader.call(op.history, { query: { zoneId: fendong, indicator: 'tax_revenue', period: String(Y - 1) } })).status).toBe(400);
    expect((await hejinLeader.call(op.trend, { query: { zoneId: fendong, indicator: 'tax_revenue' } })).body.details.fields[0].field).toBe('zoneId');
    // The province reads every zone, and enters none.
    expect((await province.call(op.grid, { query: { zoneId: fendong, kind: 'year' } })).status).toBe(200);
    const provinceWrite = await province.call(op.saveGrid, {
      body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period: String(Y - 1), value: '1', version: 1 }] },
    });
    expect(provinceWrite.status).toBe(403);
    expect(
      (await viewer.call(op.saveGrid, { body: { zoneId: fendong, cells: [{ indicator: 'tax_revenue', period: String(Y - 9), value: '1', version: null }] } }))
        .status,
    ).toBe(403);
    expect(await ctx.rowCount('statistic_values')).toBe(before);
    // Results: 河津 sees only its own.
    const results = await hejinLeader.call(op.results, { query: {} });
    expect(results.body.length).toBeGreaterThan(0);
    expect(results.body.every((r) => r.zoneId === hejin)).toBe(true);
  });

  it('bad input: a field error per cell, in zh-CN, nothing written', async () => {
    const before = await ctx.rowCount('statistic_revisions');
    const res = await projects.call(op.saveGrid, {
      body: {
        zoneId: fendong,
        cells: [
          { indicator: 'industrial_output', period: String(Y - 7), value: 'abc', version: null },
          { indicator: 'above_scale_enterprises', period: String(Y - 7), value: '40.5', version: null },
          { indicator: 'tax_revenue', period: `${Y + 1}-01`, value: '1', version: null },
          { indicator: 'high_tech_enterprises', period: `${Y - 7}-03`, value: '3', version: null },
          { indicator: 'industrial_investment', period: String(Y - 7), value: '-1', version: null },
          { indicator: 'supplied_land', period: String(Y - 7), value: '100', version: null },
          { indicator: 'idle_land', period: String(Y - 7), value: '120', version: null },
          { indicator: 'industrial_output', period: String(Y - 7), value: '1.00001', version: null },
          { indicator: 'fixed_asset_investment_growth', period: String(Y - 7), value: '-120', version: null },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('提交的数据有误，请检查标出的字段');
    expect(res.body.details.fields).toEqual([
      { field: 'cells.0.value', reason: '数值格式不正确' },
      { field: 'cells.1.value', reason: '应为整数' },
      { field: 'cells.2.period', reason: '该期间尚未开始，不能填报' },
      { field: 'cells.3.period', reason: '该指标不按此周期统计' },
      { field: 'cells.4.value', reason: '数值不能为负数' },
      { field: 'cells.7.value', reason: '小数位数过多' },
      { field: 'cells.8.value', reason: '增速应在 -100% 至 1000% 之间' },
      { field: 'cells.6.value', reason: '闲置土地面积不能大于已供地面积' },
    ]);
    const period = await projects.call(op.grid, { query: { zoneId: fendong, kind: 'year', from: '2026-01' } });
    expect(period.status).toBe(400);
    expect(await ctx.rowCount('statistic_revisions')).toBe(before);
  });

  it('imports a 统计局 sheet with title rows and merged headers through the staged-import engine', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('主要指标');
    ws.addRow([`汾东经济技术开发区${lastMonth.y}年1—${lastMonth.m}月主要经济指标`]);
    ws.mergeCells('A1:E1');
    ws.addRow(['填报单位：汾东经开区统计局']);
    ws.addRow(['指标名称', '计量单位', `1-${lastMonth.m}月`, '', '备注']);
    ws.addRow(['', '', '本期累计', '同比增长（%）', '']);
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:B4');
    ws.mergeCells('C3:D3');
    ws.mergeCells('E3:E4');
    ws.addRow(['一、工业']);
    ws.addRow(['1.规模以上工业总产值', '万元', 3_200_000, 12.3, '']);
    ws.addRow(['2.工业投资', '亿元', 25.55, '', '']);
    ws.addRow(['3.“四上”企业数', '家', 105, '', '']);
    ws.addRow(['4.实际使用外资（万元）', '万元', '9,800.5', '', '']);
    ws.addRow(['5.营业收入', '万元', '约300万', '', '']);
    ws.addRow(['6.亩产', '万元', 12, '', '']);
    ws.addRow(['填表人：王磊', '', '审核人：张建国']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const staged = await uploadXlsx(ctx, projects, `/api/imports?kind=statistics&zoneId=${fendong}`, file, '主要经济指标.xlsx');
    expect(staged.status).toBe(201);
    expect(staged.body.details.period).toBe(lastMonthKey);
    expect(staged.body.validRows).toBe(4);
    expect(staged.body.errors.map((e: { row: number; reason: string }) => [e.row, e.reason])).toEqual([
      [10, '数值格式不正确'],
      [11, '没有这个统计指标：6.亩产'],
    ]);
    const committed = await projects.call(importOperations.commit, { params: { id: staged.body.id }, body: { mode: 'valid' } });
    expect(committed.status).toBe(200);
    const grid = await viewer.call(op.grid, { query: { zoneId: fendong, kind: 'month', from: lastMonthKey, to: lastMonthKey } });
    const v = (code: string) => grid.body.cells.find((c) => c.indicator === code);
    expect(v('industrial_output')).toMatchObject({ value: '3200000', amountYuan: 32_000_000_000 });
    expect(v('industrial_output_growth')?.value).toBe('12.3');
    expect(v('industrial_investment')).toMatchObject({ value: '25.55', amountYuan: 2_555_000_000 });
    expect(v('above_scale_enterprises')?.value).toBe('105');
    expect(v('foreign_capital')?.amountYuan).toBe(98_005_000);
    // The seeded month was revised, not overwritten: its history has both.
    expect(v('industrial_investment')!.revisions).toBe(2);
    const history = await viewer.call(op.history, { query: { zoneId: fendong, indicator: 'industrial_investment', period: lastMonthKey } });
    expect(history.body.map((h) => h.via)).toEqual(['seed', 'import']);
  });

  it('the value parser is exact per kind', () => {
    expect(parseStatValue(indicatorByCode.get('industrial_investment')!, '13.3')).toEqual({ amountYuan: 1_330_000_000, quantity: null });
    expect(parseStatValue(indicatorByCode.get('tax_revenue')!, '１２，３４５.６')).toEqual({ amountYuan: 123_456_000, quantity: null });
    expect(parseStatValue(indicatorByCode.get('supplied_land')!, '17500.25')).toEqual({ amountYuan: null, quantity: 17500.25 });
  });

  describe('开发区考核', () => {
    it('the demo zone is 优秀 five years running, computed from its statistics', async () => {
      const res = await viewer.call(op.results, { query: { zoneId: fendong } });
      expect(res.body.map((r) => [r.year, r.grade])).toEqual([Y - 1, Y - 2, Y - 3, Y - 4, Y - 5].map((y) => [y, 'excellent']));
    });

    it('a worked example, by hand: 40 × 7.5/10 + 30 × min(25/20, 1) + 30 × (24000/6000)/5 = 84 → 良好; a stricter cut-off → 合格, history kept', async () => {
      const y = Y - 8;
      const cells = [
        { indicator: 'industrial_investment', period: String(y - 1), value: '6', version: null },
        { indicator: 'industrial_investment', period: String(y), value: '7.5', version: null },
        { indicator: 'tax_revenue', period: String(y), value: '24000', version: null },
        { indicator: 'supplied_land', period: String(y), value: '6000', version: null },
      ];
      expect((await hejinLeader.call(op.saveGrid, { body: { zoneId: hejin, cells } })).status).toBe(200);
      const scheme = {
        version: null,
        name: `${y}年度考核（测试）`,
        items: [
          { source: 'statistic', code: 'industrial_investment', measure: 'value', weight: 40, target: 10 },
          { source: 'statistic', code: 'industrial_investment', measure: 'growth', weight: 30, target: 20 },
          { source: 'statistic', code: 'tax_revenue', measure: 'per_mu', weight: 30, target: 5 },
        ],
        cutoffs: { excellent: 90, good: 80, pass: 70, basicPass: 60 },
      };
      const bad = await province.call(op.saveScheme, { params: { year: y }, body: { ...scheme, items: scheme.items.slice(0, 2) } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields).toEqual([{ field: 'items', reason: '各项权重之和应为 100' }]);
      expect((await hejinLeader.call(op.saveScheme, { params: { year: y }, body: scheme })).status).toBe(403);
      const saved = await province.call(op.saveScheme, { params: { year: y }, body: scheme });
      expect(saved.status).toBe(200);
      expect((await hejinLeader.call(op.compute, { body: { year: y, zoneId: hejin } })).status).toBe(403);
      expect((await province.call(op.compute, { body: { year: y, zoneId: hejin } })).body.computed).toBe(1);
      const [result] = (await hejinLeader.call(op.results, { query: { year: y } })).body;
      expect(result).toMatchObject({ zoneId: hejin, score: 84, grade: 'good' });
      expect(result.items.map((i) => [i.actual, i.score])).toEqual([
        [7.5, 30],
        [25, 30],
        [4, 24],
      ]);
      const stricter = await province.call(op.saveScheme, {
        params: { year: y },
        body: { ...scheme, version: saved.body.version, cutoffs: { excellent: 95, good: 85, pass: 70, basicPass: 60 } },
      });
      expect(stricter.body.version).toBe(2);
      await province.call(op.compute, { body: { year: y, zoneId: hejin } });
      const history = (await hejinLeader.call(op.results, { query: { year: y, history: 'true' } })).body;
      expect(history.map((r) => [r.grade, r.current, r.schemeVersion])).toEqual([
        ['pass', true, 2],
        ['good', false, 1],
      ]);
      const stale = await province.call(op.saveScheme, { params: { year: y }, body: { ...scheme, version: 1 } });
      expect(stale.status).toBe(409);
    });

    it('scores and grades as the formula says', () => {
      const { scoreCenti, items } = scoreZone(
        [
          { source: 'statistic', code: 'a', measure: 'value', weight: 50, target: 3 },
          { source: 'statistic', code: 'b', measure: 'growth', weight: 50, target: 10 },
        ],
        (i) => (i.code === 'a' ? 1 : -5),
      );
      expect(scoreCenti).toBe(1667);
      expect(items.map((i) => i.score)).toEqual([16.67, 0]);
      expect(gradeOf(6000, { excellent: 90, good: 80, pass: 70, basicPass: 60 })).toBe('basic_pass');
      expect(gradeOf(5999, { excellent: 90, good: 80, pass: 70, basicPass: 60 })).toBe('fail');
    });

    it('exports the grid and the results as .xlsx', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/statistics/export?zoneId=${fendong}&kind=year`, headers: { cookie: viewer.cookie! } });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const ws = wb.getWorksheet('主要经济指标')!;
      expect(String(ws.getCell(1, 1).value)).toBe('汾东经济技术开发区主要经济指标');
      const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(2).value === '工业投资')!;
      const header = ws.getRow(3);
      const col = [...Array(header.cellCount).keys()].find((i) => header.getCell(i + 1).value === `${Y - 1}年`)! + 1;
      expect(row.getCell(col).value).toBe(28);
      const results = await ctx.app.inject({ method: 'GET', url: `/api/assessment/results/export?year=${Y - 1}`, headers: { cookie: province.cookie! } });
      expect(results.statusCode).toBe(200);
    });
  });
});
