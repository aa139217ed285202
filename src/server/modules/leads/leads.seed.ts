/**
 * Demo pipeline (招商): investors with valid credit codes, leads in every stage and status with
 * their 1+1+N teams, activities, a trip to the Greater Bay Area that met four enterprises, and
 * agreements that show the counting rule (a re-signing at a later ceremony adds nothing; a 增资
 * adds its increment). Dates are relative to the seed clock's day (the data: leads.seed-data.ts). `--scale province` adds ~500
 * synthetic leads per zone with two activities each, set-based.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activities, agreements, enterprises, leadEvents, leadFiles, leadPartners, leads, regions, signingEvents, trips } from '../../db/schema.ts';
import { leadStages } from '../../../contract/pipeline-enums.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/auth/session.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import { demoAgreements, demoInvestors, demoLeads, investorRegions, pipelineCreditCode, type DemoLead } from './leads.seed-data.ts';

export { demoAgreements, demoInvestors, demoLeads, pipelineCreditCode } from './leads.seed-data.ts';

const stageFor = (l: DemoLead) => leadStages.indexOf(l.stage);

/** `today`: the seed clock's day in China (the manifest passes chinaToday(clock)); demo dates are laid out around it. */
export async function seedPipeline(tx: DbOrTx, options: { scale?: 'demo' | 'province'; today: string }): Promise<{ leads: number }> {
  const today = options.today;
  const day = (ago: number) => new Date(Date.parse(`${today}T00:00:00Z`) - ago * 86400_000).toISOString().slice(0, 10);
  const at = (ago: number) => new Date(`${day(ago)}T10:00:00+08:00`);
  const zoneId = (key: string) => demoId(`zone:${key}`);
  const user = (name: string) => demoId(`user:${name}`);
  const userName: Record<string, string> = { officer: '李婷', deputy: '刘卫东', hejin: '郑海', gaoxin: '冯雪', leader: '张建国' };
  const zoneCode: Record<string, string> = { fendong: 'FDETDZ', hejin: 'HJETDZ', 'yuncheng-hitech': 'YCHTZ' };
  const year = today.slice(0, 4);

  await tx.insert(regions).values(investorRegions).onConflictDoNothing();
  for (const e of demoInvestors) {
    const id = demoId(`pipeline-enterprise:${e.key}`);
    await tx.insert(enterprises).values({
      id,
      creditCode: pipelineCreditCode(e.key, e.region),
      name: e.name,
      normalizedName: normalizeEnterpriseName(e.name),
      legalPerson: e.legalPerson,
      registeredCapitalYuan: e.capitalWan * 10_000,
      industryCode: e.industry,
      regionCode: e.region,
      createdInZoneId: zoneId('fendong'),
    });
    if (e.contact)
      await tx.execute(
        sql`insert into enterprise_contacts (enterprise_id, name, title, phone) values (${id}::uuid, ${e.contact[0]}, ${e.contact[1]}, ${e.contact[2]})`,
      );
  }

  const seqByZone = new Map<string, number>();
  for (const l of demoLeads) {
    const id = demoId(`lead:${l.key}`);
    const n = (seqByZone.get(l.zone) ?? 0) + 1;
    seqByZone.set(l.zone, n);
    await tx.insert(leads).values({
      id,
      zoneId: zoneId(l.zone),
      code: `${zoneCode[l.zone]}-${year}-${String(n).padStart(3, '0')}`,
      name: l.name,
      enterpriseId: l.investor ? demoId(`pipeline-enterprise:${l.investor}`) : null,
      method: l.method,
      stage: l.stage,
      status: l.status ?? 'active',
      statusReason: l.statusReason ?? null,
      lostToRegion: l.lostTo ?? null,
      lostToRegionCode: l.lostTo ? '320500' : null,
      sector: l.sector,
      chainLink: l.chainLink,
      chainAction: l.chainAction ?? null,
      plannedInvestmentYuan: l.investmentWan * 10_000,
      plannedOutputYuan: l.outputWan ? l.outputWan * 10_000 : null,
      likelihood: l.likelihood,
      firstContactOn: day(l.firstAgo),
      lastFollowUpOn: day(l.lastAgo),
      nextStep: l.nextStep ?? null,
      nextStepOn: l.nextIn === undefined ? null : day(-l.nextIn),
      ownerId: user(l.owner),
      platformContact: l.platform ?? null,
      createdAt: at(l.firstAgo),
      updatedAt: at(l.lastAgo),
    });
    if (l.partners?.length) await tx.insert(leadPartners).values(l.partners.map(([kind, name]) => ({ zoneId: zoneId(l.zone), leadId: id, kind, name })));
    // The timeline: created, then each stage reached, spread between first contact and last follow-up.
    const events: (typeof leadEvents.$inferInsert)[] = [
      { zoneId: zoneId(l.zone), leadId: id, kind: 'created', toValue: 'prospect', actorId: user(l.owner), actorName: userName[l.owner], at: at(l.firstAgo) },
    ];
    events.push({
      zoneId: zoneId(l.zone),
      leadId: id,
      kind: 'owner',
      toValue: user(l.owner),
      actorId: user(l.owner),
      actorName: userName[l.owner],
      at: at(l.firstAgo),
    });
    for (let i = 1; i <= stageFor(l); i++) {
      const ago = Math.round(l.firstAgo - ((l.firstAgo - l.lastAgo) * i) / (stageFor(l) + 1));
      events.push({
        zoneId: zoneId(l.zone),
        leadId: id,
        kind: 'stage',
        fromValue: leadStages[i - 1],
        toValue: leadStages[i],
        actorId: user(l.owner),
        actorName: userName[l.owner],
        at: at(ago),
      });
    }
    if (l.status && l.status !== 'active') {
      events.push({
        zoneId: zoneId(l.zone),
        leadId: id,
        kind: 'status',
        fromValue: 'active',
        toValue: l.status,
        note: l.statusReason ?? null,
        actorId: user(l.owner),
        actorName: userName[l.owner],
        at: at(l.lastAgo),
      });
    }
    await tx.insert(leadEvents).values(events);
    await tx.insert(activities).values([
      {
        zoneId: zoneId(l.zone),
        kind: 'call',
        occurredOn: day(l.firstAgo),
        leadId: id,
        enterpriseId: l.investor ? demoId(`pipeline-enterprise:${l.investor}`) : null,
        people: userName[l.owner],
        outcome: '首次电话接洽，了解企业投资意向',
        createdById: user(l.owner),
      },
      ...(l.lastAgo !== l.firstAgo
        ? [
            {
              zoneId: zoneId(l.zone),
              kind: 'reception' as const,
              occurredOn: day(l.lastAgo),
              leadId: id,
              enterpriseId: l.investor ? demoId(`pipeline-enterprise:${l.investor}`) : null,
              people: `${userName[l.owner]}、企业代表`,
              outcome: '企业来访，座谈项目选址与配套',
              nextStep: l.nextStep ?? null,
              nextStepOn: l.nextIn === undefined ? null : day(-l.nextIn),
              createdById: user(l.owner),
            },
          ]
        : []),
    ]);
  }

  // Signing events: an old ceremony, a recent ceremony and the quarter's 三个一批 campaign.
  const events = {
    'ceremony-old': { name: `${Number(year) - 1}年汾东经开区重点项目集中签约仪式`, kind: 'ceremony' as const, ago: 300 },
    ceremony: { name: '汾东经开区重点项目集中签约仪式', kind: 'ceremony' as const, ago: 100 },
    campaign: { name: `${year}年“三个一批”签约一批活动（汾东分会场）`, kind: 'campaign' as const, ago: 10 },
  };
  for (const [key, e] of Object.entries(events)) {
    await tx.insert(signingEvents).values({ id: demoId(`signing-event:${key}`), zoneId: zoneId('fendong'), name: e.name, kind: e.kind, heldOn: day(e.ago) });
  }
  for (const a of demoAgreements) {
    const lead = demoLeads.find((l) => l.key === a.lead)!;
    const leadId = demoId(`lead:${a.lead}`);
    const fileId = demoId(`lead-file:${a.lead}:${a.key}`);
    const fileName = `${lead.name}-${{ framework: '框架协议', investment: '投资协议', supplementary: '补充协议', capital_increase: '增资协议' }[a.kind]}.pdf`;
    const content = Buffer.from(`%PDF-1.4\n% zonedesk demo: ${fileName}\n`).toString('base64');
    await tx.insert(leadFiles).values({
      id: fileId,
      zoneId: zoneId(lead.zone),
      leadId,
      name: fileName,
      mimeType: 'application/pdf',
      sizeBytes: Buffer.from(content, 'base64').length,
      content,
      createdAt: at(a.ago),
    });
    await tx.insert(agreements).values({
      id: demoId(`agreement:${a.lead}:${a.key}`),
      zoneId: zoneId(lead.zone),
      leadId,
      kind: a.kind,
      signedOn: day(a.ago),
      amountYuan: a.amountWan * 10_000,
      signingEventId: a.event ? demoId(`signing-event:${a.event}`) : null,
      fileId,
      note: a.note ?? null,
      createdAt: at(a.ago),
    });
  }

  // 外出招商: the Greater Bay Area trip (like the 河津 news item), four enterprises met.
  const tripId = demoId('trip:fendong:gba');
  await tx.insert(trips).values({
    id: tripId,
    zoneId: zoneId('fendong'),
    title: '赴粤港澳大湾区开展产业链招商',
    destination: '广东省深圳市、东莞市',
    startOn: day(47),
    endOn: day(43),
    leader: '张建国（党工委书记）',
    members: ['刘卫东', '李婷', '王强（平台公司）'],
    note: '先后拜访企业4家，签订框架合作协议2个，达成合作意向1个。',
    createdAt: at(43),
  });
  const meetings: { investor: string; lead?: string; ago: number; intent?: boolean; outcome: string }[] = [
    { investor: 'xinghe', lead: 'xinghe-chip', ago: 46, outcome: '星河微电子拟在汾东投资2.6亿元建设8条车规级芯片封装测试生产线，签订框架合作协议。' },
    { investor: 'pengcheng', lead: 'pengcheng-robot', ago: 45, outcome: '鹏城智能装备签订框架合作协议，拟建焊接机器人生产基地。' },
    { investor: 'huayi', lead: 'huayi-pack', ago: 44, intent: true, outcome: '华翼新能源有意向投资1.5亿元建设储能电池PACK项目，约定来汾东实地考察。' },
    { investor: 'lingnan', ago: 43, outcome: '拜访岭南新材料总部，回访光伏玻璃项目进展。' },
  ];
  await tx.insert(activities).values(
    meetings.map((m) => ({
      zoneId: zoneId('fendong'),
      kind: 'visit' as const,
      occurredOn: day(m.ago),
      leadId: m.lead ? demoId(`lead:${m.lead}`) : null,
      enterpriseId: demoId(`pipeline-enterprise:${m.investor}`),
      tripId,
      people: '张建国、刘卫东、李婷',
      outcome: m.outcome,
      intentReached: Boolean(m.intent),
      createdById: user('officer'),
    })),
  );
  await recordAudit(tx, systemActor, {
    zoneId: zoneId('fendong'),
    action: 'pipeline.seed',
    entityType: 'zone',
    entityId: zoneId('fendong'),
    after: { leads: demoLeads.length },
  });

  let count = demoLeads.length;
  if (options.scale === 'province') count += await seedScaleLeads(tx, today);
  return { leads: count };
}

/**
 * Synthetic leads, `perZone` in each zone (default 500: 50k at 100 zones) with two activities
 * each, over 20k synthetic investors, all set-based (insert … select … generate_series).
 */
export async function seedScaleLeads(tx: DbOrTx, today: string, options: { zoneIds?: string[]; perZone?: number } = {}): Promise<number> {
  const perZone = options.perZone ?? 500;
  const zoneFilter = options.zoneIds?.length
    ? sql`where z.id in (${sql.join(
        options.zoneIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  await tx.execute(sql`insert into enterprises (name, normalized_name, created_in_zone_id)
    select '合成投资企业' || g || '有限公司', '合成投资企业' || g, null from generate_series(1, 20000) g`);
  const stages = sql.raw(`array[${leadStages.map((s) => `'${s}'`).join(',')}]`);
  const methods = sql.raw(`array['team','chain','investor_referral','rd_enclave','heavy_asset','green_power','fund','agent','fair','other']`);
  const statuses = sql.raw(`array['active','active','active','active','active','active','delayed','dormant','lost','terminated']`);
  const sectors = sql.raw(`array['新材料','装备制造','新能源装备','光伏','电子信息','生物医药','现代物流','数字经济']`);
  const result = await tx.execute(sql`with inv as (
      select id, row_number() over (order by id) as n from enterprises where normalized_name like '合成投资企业%'
    ), z as (
      select z.id as zone_id, z.code, row_number() over (order by z.code) as zn,
        (select uz.user_id from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.role = 'investment_officer' limit 1) as owner_id
      from zones z ${zoneFilter}
    ), g as (
      select z.zone_id, z.code, z.zn, z.owner_id, s as n, hashtext(z.code || s) as h from z, generate_series(1, ${perZone}::int) s
    ), ins as (
      insert into leads (zone_id, code, name, enterprise_id, method, stage, status, status_reason, lost_to_region, sector, chain_link,
        planned_investment_yuan, likelihood, first_contact_on, last_follow_up_on, next_step, next_step_on, owner_id, created_at, updated_at)
      select g.zone_id, g.code || '-S-' || lpad(g.n::text, 4, '0'), '合成招商项目' || g.zn || '-' || g.n,
        inv.id,
        (${methods})[1 + abs(g.h) % 10], (${stages})[1 + abs(g.h / 7) % 6], (${statuses})[1 + abs(g.h / 11) % 10],
        case when abs(g.h / 11) % 10 >= 6 then '合成数据：状态说明' end,
        case when abs(g.h / 11) % 10 = 8 then '江苏省苏州市' end,
        (${sectors})[1 + abs(g.h / 13) % 8], '合成环节' || (abs(g.h) % 30),
        (1000 + abs(g.h) % 200000) * 10000, abs(g.h) % 101,
        ${today}::date - (30 + abs(g.h) % 600), ${today}::date - (abs(g.h / 3) % 60), '电话回访',
        ${today}::date + ((abs(g.h / 5) % 60) - 20), g.owner_id,
        now() - ((abs(g.h) % 600) || ' days')::interval, now() - ((abs(g.h / 3) % 60) || ' days')::interval
      from g left join inv on inv.n = 1 + ((g.zn * ${perZone}::int + g.n) % 20000)
      returning id, zone_id, first_contact_on, last_follow_up_on, enterprise_id)
    , acts as (
      insert into activities (zone_id, kind, occurred_on, lead_id, enterprise_id, outcome)
      select zone_id, 'call', first_contact_on, id, enterprise_id, '合成数据：首次接洽' from ins
      union all
      select zone_id, 'visit', last_follow_up_on, id, enterprise_id, '合成数据：上门拜访' from ins
      returning 1)
    select (select count(*) from ins)::int as n, (select count(*) from acts)::int as a`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0].n);
}
