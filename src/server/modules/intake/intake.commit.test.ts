import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { testToday } from '../../../../test/clock.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildProject, lastMonth } from '../projects/projects.factories.ts';
import { intakeOperations, type IntakeMatchResponse } from '../../../contract/intake.ts';
import type { ErrorBody } from '../../../contract/errors.ts';

// Issue 12: matching writes what was read on existing records (progress as a report, stage as the stage,
// 一期 as phase 1), trips with their meetings, and a page of several zones saved all or nothing.

const fendong = demoId('zone:fendong');
const hejin = demoId('zone:hejin');
const suffix = () => Math.random().toString(36).slice(2, 6);

let ctx: TestContext;
let deputy: Client; // 分管领导, 汾东 and 河津

beforeAll(async () => {
  ctx = await createTestContext();
  deputy = await ctx.login('deputy');
});
afterAll(() => ctx.close());

const failure = (res: { body: unknown }) => res.body as ErrorBody;
const count = (table: string) => ctx.rowCount(table);
/** Every table a page's commit may write. */
const footprint = async () =>
  Object.fromEntries(
    await Promise.all(
      ['intake_sources', 'intake_zone_figures', 'projects', 'project_phases', 'project_stage_events', 'progress_reports', 'leads', 'enterprises', 'trips', 'activities', 'audit_log'].map(
        async (t) => [t, await count(t)] as const,
      ),
    ),
  );
const pasted = (text: string, referenceDate = testToday) => ({ text, referenceDate, format: 'paste' as const, fileName: null });

async function match(zoneId: string, body: Record<string, unknown>): Promise<IntakeMatchResponse> {
  const res = await deputy.call(intakeOperations.match, { body: { zoneId, projects: [], leads: [], ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('matching writes what was read on an existing project', () => {
  it('files 累计完成投资 and 形象进度 as a progress report, moves the stage read and sets 一期 as phase 1, through the projects module', async () => {
    const made = await deputy.post('/api/projects', buildProject({ name: `智能录入进度测试项目${suffix()}`, totalInvestmentWan: 50000, fixedAssetInvestmentWan: 40000 }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id as string;
    expect(made.body.stage).toBe('planning');
    const day = lastMonth().start;
    const fact = {
      key: 'p',
      name: made.body.name as string,
      investor: `山西进度测试${suffix()}科技有限公司`,
      stage: 'signed' as const,
      signed_on: day,
      phase1_investment_wan: 20000,
      invested_to_date_wan: 4000,
      percent_complete: 35,
    };
    const m = await match(fendong, { referenceDate: day, projects: [fact] });
    const [p] = m.proposals;
    expect(p.action).toBe('update');
    expect(p.changes).toEqual(
      expect.arrayContaining([
        { field: 'stage', kind: 'stage', current: 'planning', proposed: 'signed' },
        { field: 'signedOn', kind: 'date', current: null, proposed: day },
        { field: 'phase1', kind: 'money', current: null, proposed: 200_000_000 },
        { field: 'investedToDate', kind: 'money', current: 0, proposed: 40_000_000 },
        { field: 'percentComplete', kind: 'number', current: null, proposed: 35 },
      ]),
    );
    expect(p.notes.map((n) => n.reason)).not.toContain('progress_via_report');

    const res = await deputy.call(intakeOperations.commit, {
      body: {
        source: pasted(`${fact.name}已签订投资协议，一期投资2亿元，累计完成投资4000万元，形象进度35%。`, day),
        articles: [{ zoneId: fendong, projects: [{ ...fact, decision: { action: 'update', targetId: id, version: p.target!.version } }] }],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.reports).toEqual([{ projectId: id, name: fact.name, periodStart: day }]);
    const [project] = await ctx.database.query<{ stage: string; signed_on: string }>(`select stage, signed_on::text from projects where id = $1`, [id]);
    expect(project).toEqual({ stage: 'signed', signed_on: day });
    const events = await ctx.database.query<{ from_stage: string; to_stage: string }>(`select from_stage, to_stage from project_stage_events where project_id = $1 and from_stage is not null`, [id]);
    expect(events).toEqual([{ from_stage: 'planning', to_stage: 'signed' }]);
    const phases = await ctx.database.query<{ name: string; investment: string }>(`select name, investment_yuan::text as investment from project_phases where project_id = $1`, [id]);
    expect(phases).toEqual([{ name: '一期', investment: '200000000' }]);
    const reports = await ctx.database.query<{ period_start: string; invested: string; percent: string }>(
      `select period_start::text, invested_yuan::text as invested, percent_complete::text as percent from progress_reports where project_id = $1`,
      [id],
    );
    expect(reports).toEqual([{ period_start: day, invested: '40000000', percent: '35.00' }]);
    // The projects module audited each write, with the intake source.
    const audits = await ctx.database.query<{ action: string; source: string }>(
      `select action, after->>'intakeSourceId' as source from audit_log where entity_id = $1 and action in ('project.update', 'project.stage', 'project.report') order by at, id`,
      [id],
    );
    expect(audits.map((a) => a.action).sort()).toEqual(['project.report', 'project.stage', 'project.update', 'project.update'].sort());
    expect(new Set(audits.map((a) => a.source))).toEqual(new Set([res.body.sourceId]));

    // Read again for the same period: already reported, so a note and no second report; a stage behind is never applied.
    const again = await match(fendong, { referenceDate: day, projects: [{ ...fact, stage: 'planning', invested_to_date_wan: 4500 }] });
    expect(again.proposals[0].notes).toEqual(
      expect.arrayContaining([
        { field: 'invested_to_date_wan', reason: 'period_reported', value: day },
        { field: 'stage', reason: 'stage_not_applied', value: 'planning' },
      ]),
    );
    expect(again.proposals[0].changes.map((c) => c.field)).not.toContain('investedToDate');
  });
});

describe('trips with their meetings', () => {
  it('saves a trip with one meeting per enterprise: the lead the same commit saved (框架协议 as intent reached), else the enterprise registered', async () => {
    const a = `山西会见测试${suffix()}新能源有限公司`;
    const b = `山西会见测试${suffix()}装备有限公司`;
    const res = await deputy.call(intakeOperations.commit, {
      body: {
        source: pasted('本报讯 9月中旬，河津开发区党工委书记带队赴长三角地区开展小分队招商，对接企业12家，签订框架协议1家。'),
        articles: [
          {
            zoneId: hejin,
            zoneRead: '河津开发区',
            leads: [{ key: 'l', enterprise: a, project_name: '储能电池项目', stage: 'framework', planned_investment_wan: 50000, decision: { action: 'create' } }],
            trips: [{ key: 't', destination: '长三角', leader: '党工委书记', start: '2026-09-14', end: '2026-09-18', visited: 12, framework: 1, enterprises: [a, b, a] }],
          },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.trips).toEqual([expect.objectContaining({ title: '赴长三角招商', meetings: 2 })]);
    const lead = res.body.records.find((r: { kind: string }) => r.kind === 'lead')!;
    const meetings = await ctx.database.query<{ lead_id: string | null; enterprise: string; intent: boolean; outcome: string; occurred_on: string }>(
      `select a.lead_id::text, e.name as enterprise, a.intent_reached as intent, a.outcome, a.occurred_on::text
         from activities a join enterprises e on e.id = a.enterprise_id where a.trip_id = $1 order by e.name`,
      [res.body.trips[0].id],
    );
    expect(meetings).toEqual(
      [
        { lead_id: lead.id, enterprise: a, intent: true, outcome: '框架协议', occurred_on: '2026-09-14' },
        { lead_id: null, enterprise: b, intent: false, outcome: '对接', occurred_on: '2026-09-14' },
      ].sort((x, y) => x.enterprise.localeCompare(y.enterprise)),
    );
    // The trip's results as the leads module counts them: two enterprises met, one reaching intent.
    const trip = await deputy.get(`/api/trips/${res.body.trips[0].id}`);
    expect(trip.status).toBe(200);
    expect(trip.body.results).toMatchObject({ enterprisesMet: 2, intentEnterprises: 1, leadsTouched: 1 });
    expect(res.body.records).toContainEqual(expect.objectContaining({ kind: 'enterprise', name: b, action: 'create' }));
  });
});

describe('a page of several zones commits atomically', () => {
  it('writes nothing when one article has an invalid fact, naming the article and the field in zh-CN; then saves every article, one source per zone', async () => {
    const good = {
      index: 0,
      headline: '汾东经开区重点项目加快建设',
      zoneId: fendong,
      zoneRead: '汾东经开区',
      projects: [{ key: 'a0', name: `汾东页面测试${suffix()}新材料项目`, total_investment_wan: 30000, decision: { action: 'create' as const } }],
      figures: [{ key: 'f0', what: '工业投资(万元)', value: 384000, unit: '万元', period: '2025', quote: '工业投资38.4亿元' }],
      leads: [{ key: 'l0', enterprise: `山西页面测试${suffix()}有限公司`, stage: 'intent' as const, decision: { action: 'create' as const } }],
    };
    // 河津's article: a project at 签约 without its signing date (the projects module's gate refuses it).
    const bad = {
      index: 3,
      headline: '河津开发区签约项目落地',
      zoneId: hejin,
      zoneRead: '河津开发区',
      projects: [{ key: 'b0', name: `河津页面测试${suffix()}铝材项目`, total_investment_wan: 80000, investor: '山西页面铝业有限公司', stage: 'signed' as const, decision: { action: 'create' as const } }],
      trips: [{ key: 't0', destination: '珠三角', leader: '管委会主任', start: '2026-09-01', end: '2026-09-03', visited: 5, enterprises: [] }],
    };
    const source = pasted('科学导报讯 …汾东经开区…\n本报讯 …河津开发区…');
    const before = await footprint();
    const refused = await deputy.call(intakeOperations.commit, { body: { source, articles: [good, bad] } });
    expect(refused.status).toBe(400);
    const err = failure(refused);
    expect(err.details?.fields).toEqual([{ field: 'articles.1.projects.0.signed_on', reason: '进入该阶段需要先填写此项' }]);
    expect(err.details?.article).toEqual({ index: 3, headline: '河津开发区签约项目落地', zoneRead: '河津开发区' });
    expect(await footprint()).toEqual(before); // 汾东's article, written first in the transaction, is gone too

    // A fact the intake rules refuse (a new project without its total) is named the same way.
    const noTotal = { ...bad, projects: [{ key: 'b0', name: `河津页面测试${suffix()}铝材项目`, decision: { action: 'create' as const } }] };
    const refused2 = await deputy.call(intakeOperations.commit, { body: { source, articles: [good, noTotal] } });
    expect(refused2.status).toBe(400);
    expect(failure(refused2).details?.fields).toEqual([{ field: 'articles.1.projects.0.total_investment_wan', reason: '新建项目需要总投资' }]);
    expect(failure(refused2).details?.article).toMatchObject({ index: 3, headline: '河津开发区签约项目落地' });
    expect(await footprint()).toEqual(before);

    // A zone the article does not name, unconfirmed, is refused before anything runs, also naming the article.
    const refused3 = await deputy.call(intakeOperations.commit, { body: { source, articles: [good, { ...bad, zoneId: fendong }] } });
    expect(refused3.status).toBe(400);
    expect(failure(refused3).details?.fields).toEqual([{ field: 'articles.1.zoneId', reason: '文中所写园区与所选园区不一致，请确认' }]);
    expect(await footprint()).toEqual(before);

    // The reviewer gives the date: every article is saved, each into its zone, with one source per zone.
    const fixed = { ...bad, projects: [{ ...bad.projects[0], signed_on: '2026-08-26' }] };
    const res = await deputy.call(intakeOperations.commit, { body: { source, articles: [good, fixed] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.sources.map((x: { zoneId: string }) => x.zoneId)).toEqual([fendong, hejin]);
    expect(res.body.figures).toBe(1);
    expect(res.body.trips).toHaveLength(1);
    const zones = await ctx.database.query<{ zone_id: string; n: string }>(
      `select zone_id::text, count(*)::text as n from projects where id = any($1::uuid[]) group by zone_id order by zone_id`,
      [`{${res.body.records.filter((r: { kind: string }) => r.kind === 'project').map((r: { id: string }) => r.id).join(',')}}`],
    );
    expect(Object.fromEntries(zones.map((z) => [z.zone_id, z.n]))).toEqual({ [fendong]: '1', [hejin]: '1' });
    const entries = await ctx.database.query<{ zone_id: string; entity_id: string }>(
      `select zone_id::text, entity_id::text from audit_log where action = 'intake.commit' and entity_id = any($1::text[])`,
      [`{${res.body.sources.map((x: { sourceId: string }) => x.sourceId).join(',')}}`],
    );
    expect(entries).toHaveLength(2);
  });
});
