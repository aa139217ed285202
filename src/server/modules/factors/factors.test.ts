import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorOperations as op } from '../../../contract/services/factors.ts';
import { addDays } from '../../../contract/periods.ts';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';

const fendong = demoId('zone:fendong');

describe('要素保障', () => {
  let ctx: TestContext;
  let service: Client;
  let hejinLeader: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    [service, hejinLeader] = await Promise.all([ctx.login('service'), ctx.login('hejin')]);
  });
  afterAll(() => ctx.close());

  it('records a request; another zone’s project is refused', async () => {
    const bad = await service.call(op.create, { body: { zoneId: fendong, projectId: demoId('project:hejin-profile'), kind: 'land', description: '用地指标' } });
    expect(bad.body.details.fields).toEqual([{ field: 'projectId', reason: '项目不存在或不属于该开发区' }]);
    const ok = await service.call(op.create, {
      body: { zoneId: fendong, projectId: demoId('project:storage-pack'), kind: 'heat', description: '蒸汽供应', quantity: '10 吨/时' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'open', requestedOn: testToday, projectName: '新能源储能电池PACK项目' });
  });

  it('raises an unresolved request as a 堵点 in one step through the blockers service; a refused raise writes neither', async () => {
    const id = demoId('factor:fendong:pv-power');
    const [{ version }] = await ctx.database.query<{ version: number }>('select version from factor_requests where id = $1', [id]);
    const blockers = await ctx.rowCount('blockers');
    const bad = await service.call(op.raise, { params: { id }, body: { version, deadlineOn: addDays(testToday, -1) } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toEqual([{ field: 'deadlineOn', reason: '期限不能早于提出日期' }]);
    expect(await ctx.rowCount('blockers')).toBe(blockers);
    expect((await ctx.database.query<{ status: string }>('select status from factor_requests where id = $1', [id]))[0].status).toBe('open');

    const raised = await service.call(op.raise, { params: { id }, body: { version, deadlineOn: addDays(testToday, 10) } });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body).toMatchObject({ status: 'raised', actions: [] });
    const [blocker] = await ctx.database.query<{ title: string; category: string; project_id: string; zone_id: string }>(
      'select title, category, project_id, zone_id from blockers where id = $1',
      [raised.body.blockerId],
    );
    expect(blocker).toMatchObject({
      title: '用电保障：二期投产新增用电负荷',
      category: 'utilities',
      project_id: demoId('project:huasheng-pv2'),
      zone_id: fendong,
    });
    expect(await ctx.rowCount('blockers')).toBe(blockers + 1);
    const again = await service.call(op.raise, { params: { id }, body: { version: raised.body.version, deadlineOn: addDays(testToday, 10) } });
    expect(again.body.details.fields).toEqual([{ field: 'status', reason: '该要素需求已解决或已转堵点' }]);
    expect((await hejinLeader.call(op.raise, { params: { id }, body: { version: raised.body.version, deadlineOn: testToday } })).status).toBe(404);
  });

  it('resolves a request with its outcome', async () => {
    const id = demoId('factor:fendong:hydrogen-gas');
    const list = await service.call(op.list, { query: { zoneId: fendong, status: 'open' } });
    const f = list.body.find((r) => r.id === id)!;
    const done = await service.call(op.resolve, { params: { id }, body: { version: f.version, outcome: '燃气公司完成管线接入' } });
    expect(done.body).toMatchObject({ status: 'resolved', outcome: '燃气公司完成管线接入', resolvedOn: testToday });
  });

  it('exports the 要素保障清单: grouped by kind with the department and outcome, counted by kind and status', async () => {
    const list = (await service.call(op.list, { query: { zoneId: fendong } })).body;
    const file = await ctx.app.inject({ method: 'GET', url: `/api/factor-requests/export.xlsx?zoneId=${fendong}`, headers: { cookie: service.cookie! } });
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('要素保障清单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['要素保障清单', '按类别汇总']);
    const ws = wb.getWorksheet('要素保障清单')!;
    const by = (s: string) => list.filter((r) => r.status === s).length;
    expect(ws.getCell(2, 1).value).toContain(`共 ${list.length} 项：待解决 ${by('open')} 项，已解决 ${by('resolved')} 项，已转堵点 ${by('raised')} 项`);
    expect(ws.getRow(3).values).toContain('责任部门');
    expect(ws.rowCount).toBe(3 + list.length);
    // Kinds in their order (用地 first), the kind merged down its block.
    expect(ws.getCell(4, 2).value).toBe('用地');
    const rows = Array.from({ length: list.length }, (_, i) => ws.getRow(4 + i));
    const talent = rows.find((r) => r.getCell(4).value === '焊接技师短缺')!;
    expect([talent.getCell(9).value, talent.getCell(10).value]).toEqual(['已解决', '对接运城职业技术大学订单班，首批 20 人到岗']);
    const power = rows.find((r) => r.getCell(4).value === '二期投产新增用电负荷')!;
    expect(power.getCell(9).value).toBe('已转堵点');
    const sum = wb.getWorksheet('按类别汇总')!;
    expect(sum.getRow(sum.rowCount).values).toEqual([undefined, '合计', list.length, by('open'), by('resolved'), by('raised')]);
    // Another zone's export holds only its own.
    const hejin = await ctx.app.inject({ method: 'GET', url: '/api/factor-requests/export.xlsx', headers: { cookie: hejinLeader.cookie! } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(hejin.rawPayload as never);
    expect(wb2.getWorksheet('要素保障清单')!.rowCount).toBe(4);
  });
});
