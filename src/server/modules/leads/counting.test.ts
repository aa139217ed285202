import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { agreementKinds } from '../../../contract/pipeline-enums.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { countAgreements, signedTotal, type CountableAgreement } from './counting.ts';
import { createLeadsRepository, inZone } from './leads.repository.ts';
import { testDaysAgo, testToday } from '../../../../test/clock.ts';
import { advanceLead, buildLead, uploadLeadFile } from './leads.factories.ts';

const a = (id: string, kind: CountableAgreement['kind'], signedOn: string, amountYuan: number, createdAt = `${signedOn}T10:00:00Z`): CountableAgreement => ({
  id,
  kind,
  signedOn,
  amountYuan,
  createdAt: new Date(createdAt),
});

describe('the counting rule, as a function', () => {
  it('counts a project once, at its first investment agreement', () => {
    const rows = [a('f', 'framework', '2026-01-05', 100), a('i1', 'investment', '2026-02-01', 500), a('i2', 'investment', '2026-03-20', 500)];
    const c = countAgreements(rows);
    expect(c.get('f')).toEqual({ countedAs: 'not_counted', countedYuan: 0 });
    expect(c.get('i1')).toEqual({ countedAs: 'first_signing', countedYuan: 500 });
    expect(c.get('i2')).toEqual({ countedAs: 're_signing', countedYuan: 0 });
    expect(signedTotal(rows)).toBe(500);
  });

  it('adds only the increment of a capital increase, and nothing before the first signing', () => {
    expect(
      signedTotal([a('i', 'investment', '2026-01-01', 1000), a('c', 'capital_increase', '2026-06-01', 300), a('s', 'supplementary', '2026-07-01', 50)]),
    ).toBe(1300);
    expect(countAgreements([a('c', 'capital_increase', '2025-12-01', 300), a('i', 'investment', '2026-01-01', 1000)]).get('c')?.countedAs).toBe('not_counted');
  });

  it('orders by signing date whatever the entry order; same day by entry time', () => {
    const late = a('late', 'investment', '2026-05-01', 900, '2026-01-01T00:00:00Z');
    const early = a('early', 'investment', '2026-03-01', 700, '2026-06-01T00:00:00Z');
    expect(countAgreements([late, early]).get('early')?.countedAs).toBe('first_signing');
    const sameDay = [a('x2', 'investment', '2026-03-01', 2, '2026-03-01T11:00:00Z'), a('x1', 'investment', '2026-03-01', 1, '2026-03-01T09:00:00Z')];
    expect(signedTotal(sameDay)).toBe(1);
  });

  it('never counts more than the first investment plus every increment after it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...agreementKinds), day: fc.integer({ min: 1, max: 28 }), amount: fc.integer({ min: 1, max: 1e6 }) }), {
          maxLength: 12,
        }),
        (items) => {
          const rows = items.map((x, i) =>
            a(
              `a${String(i).padStart(2, '0')}`,
              x.kind,
              `2026-03-${String(x.day).padStart(2, '0')}`,
              x.amount,
              `2026-03-01T00:00:${String(i).padStart(2, '0')}Z`,
            ),
          );
          const total = signedTotal(rows);
          const firstInv = [...rows]
            .filter((r) => r.kind === 'investment')
            .sort((p, q) => (p.signedOn < q.signedOn ? -1 : p.signedOn > q.signedOn ? 1 : p.createdAt.getTime() - q.createdAt.getTime()))[0];
          if (!firstInv) return total === 0;
          const increments = rows.filter(
            (r) => r.kind === 'capital_increase' && (r.signedOn > firstInv.signedOn || (r.signedOn === firstInv.signedOn && r.createdAt > firstInv.createdAt)),
          );
          return total === firstInv.amountYuan + increments.reduce((n, r) => n + r.amountYuan, 0);
        },
      ),
    );
  });
});

describe('the counting rule, in SQL and through the API', () => {
  let ctx: TestContext;
  let officer: Client;
  const fendong = demoId('zone:fendong');
  const today = testToday;
  const daysAgo = testDaysAgo;
  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.login('officer');
  });
  afterAll(() => ctx.close());

  it('the SQL rule agrees with the function on random agreement sets', async () => {
    const repo = createLeadsRepository();
    const lead = await buildLead(officer, { name: '计数规则随机测试', method: 'fund' });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...agreementKinds),
            day: fc.integer({ min: 1, max: 9 }),
            amount: fc.integer({ min: 1, max: 1e6 }),
            ms: fc.integer({ min: 0, max: 5 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (items) => {
          await ctx.database.query('delete from agreements where lead_id = $1', [lead.id]);
          const rows: CountableAgreement[] = [];
          for (const [i, x] of items.entries()) {
            const signedOn = `2026-01-0${x.day}`;
            const createdAt = new Date(Date.UTC(2026, 0, 10, 0, 0, x.ms, i));
            const [row] = await ctx.database.query<{ id: string }>(
              'insert into agreements (zone_id, lead_id, kind, signed_on, amount_yuan, created_at) values ($1, $2, $3, $4, $5, $6) returning id',
              [fendong, lead.id, x.kind, signedOn, x.amount, createdAt.toISOString()],
            );
            rows.push({ id: row.id, kind: x.kind, signedOn, amountYuan: x.amount, createdAt });
          }
          const expected = countAgreements(rows);
          const actual = await repo.countedAgreements(ctx.database.db, inZone(fendong), lead.id);
          expect(new Map(actual.map((r) => [r.id, r.counted_as]))).toEqual(new Map([...expected].map(([id, c]) => [id, c.countedAs])));
        },
      ),
      { numRuns: 25 },
    );
    await ctx.database.query('delete from agreements where lead_id = $1', [lead.id]);
  });

  it('the seeded zone: a re-signing at the campaign adds nothing, a 增资 adds its increment', async () => {
    const report = (await officer.get(`/api/leads/signed-report?from=${daysAgo(400)}&to=${today}`)).body;
    const glass = report.projects.find((p: { name: string }) => p.name === '光伏玻璃深加工项目');
    expect(glass).toMatchObject({ signedYuan: 500_000_000, reSignings: 1, agreementCount: 3 });
    const precision = report.projects.find((p: { name: string }) => p.name === '精密传动部件项目');
    expect(precision.signedYuan).toBe(280_000_000);
    expect(report.reSignings).toBe(1);
    // The quarter: the campaign re-signed 光伏玻璃 and first-signed 芯片; only the latter counts.
    const recent = (await officer.get(`/api/leads/signed-report?from=${daysAgo(15)}&to=${today}`)).body;
    expect(recent).toMatchObject({ signedThisPeriodYuan: 260_000_000, grossAgreementsYuan: 760_000_000, firstSignings: 1, reSignings: 1 });
    const bad = await officer.get(`/api/leads/signed-report?from=${today}&to=${daysAgo(5)}`);
    expect(bad.body.details.fields[0].field).toBe('querystring.to');
  });

  it('a second ceremony leaves the signed total unchanged; a 增资 needs an earlier signing', async () => {
    const lead = await buildLead(officer, { name: '两次签约测试项目', method: 'team' });
    const file = (await uploadLeadFile(ctx, officer, lead.id, { fileName: 'a.pdf', content: Buffer.from('pdf') })).body;
    // Signed at the spring ceremony (the investment agreement is recorded as the lead moves to 正式签约).
    const signed = await advanceLead(ctx, officer, lead.id, 'signed', {
      framework: { signedOn: daysAgo(25), amountWan: 10000 },
      investment: { signedOn: daysAgo(20), amountWan: 10000, signingEventName: '春季签约仪式' },
    });
    const first = signed.agreements.find((x: { kind: string }) => x.kind === 'investment');
    expect(first).toMatchObject({ countedAs: 'first_signing', countedYuan: 100_000_000 });
    const early = await officer.post(`/api/leads/${lead.id}/agreements`, { kind: 'capital_increase', signedOn: daysAgo(30), amountWan: 100 });
    expect(early.body.details.fields[0]).toEqual({ field: 'kind', reason: '增资协议须在首份投资协议之后' });
    const again = await officer.post(`/api/leads/${lead.id}/agreements`, {
      kind: 'investment',
      signedOn: daysAgo(2),
      amountWan: 10000,
      fileId: file.id,
      signingEventName: '“三个一批”签约活动',
    });
    expect(again.body).toMatchObject({ countedAs: 're_signing', countedYuan: 0 });
    const increase = await officer.post(`/api/leads/${lead.id}/agreements`, { kind: 'capital_increase', signedOn: daysAgo(1), amountWan: 2500 });
    expect(increase.body).toMatchObject({ countedAs: 'increment', countedYuan: 25_000_000 });
    const detail = (await officer.get(`/api/leads/${lead.id}`)).body;
    expect(detail.signedYuan).toBe(125_000_000);
    const week = (await officer.get(`/api/leads/signed-report?from=${daysAgo(7)}&to=${today}`)).body;
    const mine = week.projects.find((p: { leadId: string }) => p.leadId === lead.id);
    expect(mine).toMatchObject({ inPeriodYuan: 25_000_000, signedYuan: 125_000_000, reSignings: 1 });
    expect((await officer.get('/api/signing-events')).body.map((e: { name: string }) => e.name)).toContain('春季签约仪式');
  });
});
