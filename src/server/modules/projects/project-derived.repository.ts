/**
 * Derived figures and flags (refreshDerived), and the date-driven queries of the 工作台: open nodes
 * overdue, periods not reported. Every zone filter is the caller's scope evaluated in SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { projectFlagRules } from '../../db/schema.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import { defaultFlagRule, reportingStages, responsibilityLevels } from '../../../contract/projects.ts';
import { lastDuePeriod, type PeriodKind } from '../../../contract/periods.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';

type Caller = Pick<SessionContext, 'scope' | 'user'>;

/** Which projects to recompute: some ids, the caller's zones (or one of them), every zone, or those computed on another day. */
export type DerivedTarget = { projectIds: string[] } | { scope: Pick<SessionContext, 'scope'>; zoneId?: string | null } | { everyZone: true } | { stale: true };

export function createProjectDerivedRepository() {
  return {
    refreshDerived,
    /** Flags computed on an earlier day (time moves nodes into overdue): recompute them for `today`. */
    refreshStale: (db: DbOrTx, today: string) => refreshDerived(db, { stale: true }, today),

    /** Open nodes past their planned date, on projects the user is responsible for or leads. */
    async overdueMilestonesOf(db: DbOrTx, caller: Caller, today: string) {
      const userId = caller.user.id;
      const result = await db.execute(sql`
        select p.id as project_id, p.name as project_name, m.name as milestone, m.planned_on
        from project_milestones m join projects p on p.id = m.project_id and p.zone_id = m.zone_id
        where m.actual_on is null and m.planned_on < ${today} and ${zoneScope(caller, sql`m.zone_id`)}
          and (p.officer_user_id = ${userId} or p.leader_user_id = ${userId})
        order by m.planned_on limit 20`);
      return rowsOf<{ project_id: string; project_name: string; milestone: string; planned_on: unknown }>(result).map((r) => ({
        projectId: r.project_id,
        projectName: r.project_name,
        milestone: r.milestone,
        plannedOn: dateText(r.planned_on),
      }));
    },
    /** Projects the user is the responsible officer of, in a reporting stage, with no report for `periodStart` of their zone. */
    async reportsDueOf(db: DbOrTx, caller: Caller, periodStartByKind: Record<PeriodKind, string>) {
      const userId = caller.user.id;
      const result = await db.execute(sql`
        select p.id, p.name, p.zone_id, z.report_period
        from projects p join zones z on z.id = p.zone_id
        where p.officer_user_id = ${userId} and ${zoneScope(caller, sql`p.zone_id`)}
          and p.stage in (${sql.join(
            reportingStages.map((s) => sql`${s}`),
            sql`, `,
          )})
          and not exists (select 1 from progress_reports r where r.project_id = p.id and r.zone_id = p.zone_id and r.period_start = (case z.report_period
            when 'week' then ${periodStartByKind.week}::date when 'xun' then ${periodStartByKind.xun}::date else ${periodStartByKind.month}::date end))
        order by p.name limit 50`);
      return rowsOf<{ id: string; name: string; zone_id: string; report_period: PeriodKind }>(result);
    },
  };
}

/** pg returns `date` as a string; PGlite may return a Date at UTC midnight. */
export function dateText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/**
 * Recomputes the derived state of projects (investment since start, YTD, annual plan, latest
 * percent, last period reported) and the red/yellow/green flag with its reasons, in one statement.
 * The rule (docs/projects.md): an open node overdue ≥ yellow/red days; YTD behind the year's time
 * progress by ≥ yellow/red points of the annual plan; no report for the last period that ended more
 * than the grace days ago; a 省/市重点 project without its 包联领导, 责任单位 or 责任人 (at least yellow).
 * The worst reason sets the flag. A flag that changes (or is computed for the first time) is
 * written to project_flag_events in the same statement.
 */
async function refreshDerived(db: DbOrTx, target: DerivedTarget, today: string): Promise<void> {
  let where: SQL;
  if ('projectIds' in target) {
    if (target.projectIds.length === 0) return;
    where = sql`p.id = ${anyUuid(target.projectIds)}`;
  } else if ('scope' in target) where = zoneScope(target.scope, sql`p.zone_id`, target.zoneId);
  else if ('everyZone' in target) where = sql`true`;
  else where = sql`(p.flag_on is null or p.flag_on < ${today} or p.flag_on > ${today})`;
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const daysInYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
  const dayOfYear = Math.round((Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const timePct = (dayOfYear / daysInYear) * 100;

  // The period each (kind, grace days) pair is due for: few pairs, computed here rather than in SQL.
  const rules = await db.select({ grace: projectFlagRules.reportGraceDays }).from(projectFlagRules);
  const graces = [...new Set([defaultFlagRule.reportGraceDays, ...rules.map((r) => r.grace)])];
  const due = graces.flatMap((grace) =>
    (['week', 'xun', 'month'] as const).map((kind) => {
      const p = lastDuePeriod(kind, today, grace);
      return sql`(${kind}, ${grace}::int, ${p.start}::date, ${p.end}::date)`;
    }),
  );
  const d = defaultFlagRule;
  const levels = sql.join(
    responsibilityLevels.map((l) => sql`${l}`),
    sql`, `,
  );
  const stages = sql.join(
    reportingStages.map((s) => sql`${s}`),
    sql`, `,
  );

  await db.execute(sql`
    with target as (
      select p.id, p.zone_id, p.stage, p.created_at, z.report_period, p.level, p.leader_user_id, p.department_id, p.officer_user_id,
        p.flag as old_flag, p.flag_on as old_flag_on,
        coalesce(zr.milestone_yellow_days, g.milestone_yellow_days, ${d.milestoneYellowDays}::int) as my,
        coalesce(zr.milestone_red_days, g.milestone_red_days, ${d.milestoneRedDays}::int) as mr,
        coalesce(zr.investment_yellow_points, g.investment_yellow_points, ${d.investmentYellowPoints}::int) as iy,
        coalesce(zr.investment_red_points, g.investment_red_points, ${d.investmentRedPoints}::int) as ir,
        coalesce(zr.missing_report_flag, g.missing_report_flag, ${d.missingReportFlag}) as mf,
        coalesce(zr.report_grace_days, g.report_grace_days, ${d.reportGraceDays}::int) as grace
      from projects p
      join zones z on z.id = p.zone_id
      left join project_flag_rules zr on zr.zone_id = p.zone_id
      left join project_flag_rules g on g.zone_id is null
      where ${where}
    ),
    due(kind, grace, start_on, end_on) as (values ${sql.join(due, sql`, `)}),
    calc as (
      select t.id,
        coalesce(rep.total, 0) as total,
        coalesce(rep.ytd, 0) as ytd,
        rep.last_start, rep.pct,
        ap.plan_yuan,
        case when ms.planned_on is not null and (${today}::date - ms.planned_on) >= t.my then jsonb_build_object(
          'code', 'milestone_overdue',
          'level', case when (${today}::date - ms.planned_on) >= t.mr then 'red' else 'yellow' end,
          'milestone', ms.name, 'days', ${today}::date - ms.planned_on) end as r_ms,
        case when ap.plan_yuan > 0 and t.stage in (${stages})
          and ${timePct}::float8 - coalesce(rep.ytd, 0)::float8 * 100 / ap.plan_yuan >= t.iy then jsonb_build_object(
          'code', 'investment_behind',
          'level', case when ${timePct}::float8 - coalesce(rep.ytd, 0)::float8 * 100 / ap.plan_yuan >= t.ir then 'red' else 'yellow' end,
          'points', round((${timePct}::float8 - coalesce(rep.ytd, 0)::float8 * 100 / ap.plan_yuan)::numeric, 1)) end as r_inv,
        case when t.mf <> 'off' and t.stage in (${stages}) and t.created_at::date <= due.end_on
          and not exists (select 1 from progress_reports r where r.project_id = t.id and r.zone_id = t.zone_id and r.period_start = due.start_on)
          then jsonb_build_object('code', 'report_missing', 'level', t.mf, 'periodStart', due.start_on) end as r_rep,
        case when t.level in (${levels}) and (t.leader_user_id is null or t.department_id is null or t.officer_user_id is null)
          then jsonb_build_object('code', 'responsibility_missing', 'level', 'yellow', 'missing', to_jsonb(array_remove(array[
            case when t.leader_user_id is null then 'leaderUserId' end,
            case when t.department_id is null then 'departmentId' end,
            case when t.officer_user_id is null then 'officerUserId' end], null))) end as r_resp,
        t.zone_id, t.old_flag, t.old_flag_on
      from target t
      -- Per project, through its own indexes: a plan that stays the same for 1 or 20,000 projects.
      left join lateral (
        select sum(r.invested_yuan) as total,
          coalesce(sum(r.invested_yuan) filter (where r.period_start >= ${yearStart}::date and r.period_start <= ${today}::date), 0) as ytd,
          max(r.period_start) as last_start,
          (array_agg(r.percent_complete order by r.period_start desc) filter (where r.percent_complete is not null))[1] as pct
        from progress_reports r where r.project_id = t.id and r.zone_id = t.zone_id
      ) rep on true
      left join lateral (
        select m.name, m.planned_on from project_milestones m
        where m.project_id = t.id and m.zone_id = t.zone_id and m.actual_on is null and m.planned_on < ${today}::date
        order by m.planned_on, m.sort_order limit 1
      ) ms on true
      left join project_annual_plans ap on ap.project_id = t.id and ap.zone_id = t.zone_id and ap.year = ${year}
      left join due on due.kind = t.report_period and due.grace = t.grace
    ),
    -- Materialized: the reasons are computed once per project (inlined, the update's three uses of
    -- them would each run the report sub-query again); an array, not a sub-select per row.
    flagged as materialized (
      select c.*, to_jsonb(array_remove(array[c.r_ms, c.r_inv, c.r_rep, c.r_resp], null)) as reasons
      from calc c
    ),
    updated as (
    update projects p set
      invested_total_yuan = f.total,
      ytd_year = ${year},
      ytd_yuan = f.ytd,
      annual_plan_yuan = f.plan_yuan,
      percent_complete = f.pct,
      last_report_period_start = f.last_start,
      flag_reasons = f.reasons,
      flag = case when f.reasons @> '[{"level":"red"}]' then 'red' when jsonb_array_length(f.reasons) > 0 then 'yellow' else 'green' end,
      flag_on = ${today}
    from flagged f
    where p.id = f.id and p.zone_id = f.zone_id
    returning p.id, f.zone_id, f.old_flag, f.old_flag_on, p.flag, p.flag_reasons
    )
    -- The history: a flag first computed (never computed before) or changed; the same statement, so no change goes unrecorded.
    insert into project_flag_events (zone_id, project_id, from_flag, to_flag, reasons, "on")
    select u.zone_id, u.id, case when u.old_flag_on is null then null else u.old_flag end, u.flag, u.flag_reasons, ${today}::date
    from updated u
    where u.old_flag_on is null or u.old_flag is distinct from u.flag`);
}
