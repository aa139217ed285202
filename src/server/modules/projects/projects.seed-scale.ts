/**
 * The province scale (`--scale province`, and the benchmarks): synthetic projects with their plans
 * and reports in set-based SQL, dated from the `today` the caller passes (the seed's clock).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { builtinApprovals, builtinMilestones } from '../../../contract/projects.ts';
import { periodOf } from '../../../contract/periods.ts';

/**
 * Synthetic projects (default 200 per zone), 10 milestones, 13 approvals and 50 monthly reports
 * each, all in set-based statements (generate_series), so 20k projects and 1M reports load in
 * seconds. `zoneIds` limits them to some zones (the PGlite benchmark fills one zone).
 */
export async function seedScaleProjects(
  tx: DbOrTx,
  today: string,
  options: { zoneIds?: string[]; perZone?: number; reportsPerProject?: number } = {},
): Promise<{ projects: number; reports: number }> {
  const zoneFilter = options.zoneIds
    ? sql`where z.id in (${sql.join(
        options.zoneIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const perZone = options.perZone ?? 200;
  const reportsPerProject = options.reportsPerProject ?? 50;
  const stages = `array['planning','signed','land','approval','started','construction','construction','construction','completed','production','full_production']`;
  const sectors = `array['新材料','装备制造','新能源装备','电子信息','生物医药','现代物流','光伏','煤化工']`;
  const kinds = `array['年产10万吨','智能化改造','产业园','生产线','基地','二期']`;
  await tx.execute(sql`
    insert into projects (zone_id, park_id, name, investor_enterprise_id, sector_text, chain_link_text, nature, level,
      total_investment_yuan, fixed_asset_investment_yuan, land_mu, stage, stage_entered_on, signed_on, land_on, start_on,
      completed_on, production_on, full_production_on, leader_user_id, department_id, officer_user_id, created_at, updated_at)
    select z.id,
      (select p.id from parks p where p.zone_id = z.id order by p.name limit 1 offset (g % 2)),
      z.short_name || (${sql.raw(sectors)})[1 + g % 8] || (${sql.raw(kinds)})[1 + g % 6] || '项目' || lpad(g::text, 3, '0'),
      null,
      (${sql.raw(sectors)})[1 + g % 8], null,
      (array['new','continued','expansion','upgrade'])[1 + g % 4],
      (array['province','city','county','district','none'])[1 + g % 5],
      (10000000 + (g * 7919 % 200) * 5000000)::bigint,
      (8000000 + (g * 7919 % 200) * 4000000)::bigint,
      20 + g % 300,
      st.stage, ${today}::date - 30,
      case when st.i >= 2 then ${today}::date - 1600 end,
      case when st.i >= 3 then ${today}::date - 1500 end,
      case when st.i >= 5 then ${today}::date - 1400 end,
      case when st.i >= 9 then ${today}::date - 200 end,
      case when st.i >= 10 then ${today}::date - 150 end,
      case when st.i >= 11 then ${today}::date - 30 end,
      (select uz.user_id from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.role = 'zone_leader' order by u.username limit 1),
      (select d.id from departments d where d.zone_id = z.id and d.kind = 'project' limit 1),
      (select uz.user_id from user_zones uz join users u on u.id = uz.user_id where uz.zone_id = z.id and u.role = 'project_officer' order by u.username limit 1),
      now() - interval '1600 days', now() - (g || ' minutes')::interval
    from zones z
    cross join generate_series(1, ${perZone}::int) g
    cross join lateral (select (${sql.raw(stages)})[1 + g % 11] as stage, 1 + array_position(array['planning','signed','land','approval','started','construction','completed','production','full_production'], (${sql.raw(stages)})[1 + g % 11]) - 1 as i) st
    ${zoneFilter}`);
  // The projects just inserted: now() is fixed for the transaction, so their created_at marks them.
  const synthetic = sql`select id, zone_id, signed_on from projects p where investor_enterprise_id is null and created_at = now() - interval '1600 days'`;
  await tx.execute(sql`
    insert into project_milestones (zone_id, project_id, sort_order, name, stage, planned_on, actual_on)
    select p.zone_id, p.id, n.i, n.name, n.stage, ${today}::date - 1600 + n.i::int * 150 + (hashtext(p.id::text) % 30),
      case when ${today}::date - 1600 + n.i::int * 150 < ${today}::date - 60 then ${today}::date - 1600 + n.i::int * 150 + abs(hashtext(p.id::text) % 20) end
    from (${synthetic}) p
    cross join (select * from unnest(${sql.raw(`array[${builtinMilestones.map((m) => `'${m.name}'`).join(',')}]`)}, ${sql.raw(
      `array[${builtinMilestones.map((m) => (m.stage ? `'${m.stage}'` : 'null')).join(',')}]::text[]`,
    )}) with ordinality as t(name, stage, i)) n`);
  await tx.execute(sql`
    insert into project_approvals (zone_id, project_id, sort_order, name, agency, statutory_days, promised_days, filed_on, granted_on)
    select p.zone_id, p.id, a.i, a.name, a.agency, a.sd, a.pd,
      case when p.signed_on is not null then ${today}::date - 1500 + a.i::int * 3 end,
      case when p.signed_on is not null then ${today}::date - 1500 + a.i::int * 3 + a.pd end
    from (${synthetic}) p
    cross join (select * from unnest(${sql.raw(`array[${builtinApprovals.map((a) => `'${a.name}'`).join(',')}]`)}, ${sql.raw(
      `array[${builtinApprovals.map((a) => `'${a.agency}'`).join(',')}]`,
    )}, ${sql.raw(`array[${builtinApprovals.map((a) => a.statutoryDays).join(',')}]::int[]`)}, ${sql.raw(
      `array[${builtinApprovals.map((a) => a.promisedDays).join(',')}]::int[]`,
    )}) with ordinality as t(name, agency, sd, pd, i)) a`);
  const firstMonth = periodOf('month', today).start;
  await tx.execute(sql`
    insert into progress_reports (zone_id, project_id, period_kind, period_start, period_end, invested_yuan, percent_complete, progress_text, reported_by_name, created_at, updated_at)
    select p.zone_id, p.id, 'month', (${firstMonth}::date - (m || ' months')::interval)::date,
      ((${firstMonth}::date - (m || ' months')::interval) + interval '1 month' - interval '1 day')::date,
      (100000 + abs(hashtext(p.id::text || m::text)) % 3000000)::bigint,
      least(100, 2 * (51 - m)), '按计划推进', '专员', now(), now()
    from (${synthetic}) p
    cross join generate_series(1, ${reportsPerProject}::int) m`);
  await tx.execute(sql`
    insert into project_annual_plans (project_id, zone_id, year, plan_yuan)
    select p.id, p.zone_id, ${Number(today.slice(0, 4))}, 20000000 + abs(hashtext(p.id::text)) % 20000000 from (${synthetic}) p`);
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from (${synthetic}) p`));
  return { projects: Number(n), reports: Number(n) * reportsPerProject };
}
