/** SQL for meetings (周调度会), their agenda, and the figures the agenda and the brief draw on. */
import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agendaItems, meetings } from '../../db/schema.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { FlagReason } from '../../../contract/projects.ts';
import type { CallerScope } from './refs.repository.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;

export function createMeetingsRepository() {
  return {
    listMeetings: (db: DbOrTx, scope: CallerScope) =>
      db
        .select({
          m: meetings,
          // Qualified by hand: in a one-table select drizzle renders ${meetings.id} as a bare "id", which
          // inside the subquery meant the agenda item's own id and counted 0 for every meeting.
          agendaCount: sql<number>`(select count(*)::int from agenda_items a where a.meeting_id = "meetings"."id" and a.zone_id = "meetings"."zone_id")`,
          decisionCount: sql<number>`(select count(*)::int from decisions d where d.meeting_id = "meetings"."id" and d.zone_id = "meetings"."zone_id")`,
        })
        .from(meetings)
        .where(zoneScope(scope.session, meetings.zoneId, scope.zoneId))
        .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
        .limit(200),
    async findMeeting(db: DbOrTx, id: string): Promise<MeetingRow | undefined> {
      const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
      return row;
    },
    /** The meeting held before `heldOn` in the zone (the one whose decisions and agenda this one follows up). */
    async previousMeeting(db: DbOrTx, zoneId: string, heldOn: string, excludeId?: string): Promise<MeetingRow | undefined> {
      const [row] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.zoneId, zoneId), lt(meetings.heldOn, heldOn), excludeId ? ne(meetings.id, excludeId) : undefined))
        .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
        .limit(1);
      return row;
    },
    async insertMeeting(db: DbOrTx, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
      const [row] = await db.insert(meetings).values(values).returning();
      return row;
    },
    updateMeeting: (db: DbOrTx, id: string, version: number, patch: Partial<typeof meetings.$inferInsert>) => updateVersioned(db, meetings, id, version, patch),
    /** Bumps the meeting's version: agenda and decision edits are edits of the meeting record. */
    touchMeeting: (db: DbOrTx, id: string, version: number) => updateVersioned(db, meetings, id, version, {}),

    agenda: (db: DbOrTx, meetingId: string) =>
      db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.sortOrder), asc(agendaItems.id)),
    async insertAgenda(db: DbOrTx, rows: (typeof agendaItems.$inferInsert)[]) {
      if (rows.length) await db.insert(agendaItems).values(rows);
    },
    async deleteAgendaItems(db: DbOrTx, ids: string[]) {
      if (ids.length) await db.delete(agendaItems).where(inArray(agendaItems.id, ids));
    },
    async setAgendaItem(db: DbOrTx, id: string, sortOrder: number, annotation: string | null) {
      await db.update(agendaItems).set({ sortOrder, annotation }).where(eq(agendaItems.id, id));
    },

    // ---------- agenda sources and brief figures
    /**
     * The zone's red and yellow projects with the flag history's word on each (project_flag_events):
     * the day the project turned to its present flag (the latest change to it) and the reasons then.
     * `turnedOn` is null for a flag set before the history was kept.
     */
    async flaggedProjects(db: DbOrTx, zoneId: string) {
      const result = await db.execute(sql`
        select p.id, p.name, p.flag, p.flag_reasons, e.on::text as turned_on, e.from_flag, e.reasons as turn_reasons
        from projects p
        left join lateral (
          select fe.on, fe.from_flag, fe.reasons from project_flag_events fe
          where fe.project_id = p.id and fe.zone_id = p.zone_id and fe.to_flag = p.flag and fe.from_flag is distinct from fe.to_flag
          order by fe.at desc, fe.on desc limit 1
        ) e on true
        where p.zone_id = ${zoneId}::uuid and p.flag in ('red', 'yellow')
        order by p.name`);
      return rowsOf<{
        id: string;
        name: string;
        flag: 'red' | 'yellow';
        flag_reasons: FlagReason[] | null;
        turned_on: string | null;
        from_flag: string | null;
        turn_reasons: FlagReason[] | null;
      }>(result).map((r) => ({
        id: r.id,
        name: r.name,
        flag: r.flag,
        flagReasons: r.flag_reasons ?? [],
        turnedOn: r.turned_on,
        fromFlag: r.from_flag,
        turnReasons: r.turn_reasons ?? [],
      }));
    },
    /**
     * Milestones that slipped in (since, until]: planned in that window and not done by its planned
     * date (still open, or done late). One row per milestone, with its project.
     */
    async slippedMilestones(db: DbOrTx, zoneId: string, since: string | null, until: string) {
      const result = await db.execute(sql`
        select m.project_id, p.name as project_name, p.flag, m.name, m.planned_on::text as planned_on, m.actual_on::text as actual_on
        from project_milestones m join projects p on p.id = m.project_id and p.zone_id = m.zone_id
        where m.zone_id = ${zoneId}::uuid and m.planned_on is not null and m.planned_on < ${until}::date
          and (${since}::date is null or m.planned_on >= ${since}::date)
          and (m.actual_on is null or m.actual_on > m.planned_on)
        order by p.name, m.planned_on`);
      return rowsOf<{ project_id: string; project_name: string; flag: string; name: string; planned_on: string; actual_on: string | null }>(result);
    },
    /** Headline numbers of a zone for the brief: investment, starts and production, signings. */
    async headline(db: DbOrTx, zoneId: string, year: number, weekStart: string, weekEnd: string) {
      const result = await db.execute(sql`
        select
          (select count(*)::int from projects where zone_id = ${zoneId}::uuid) as projects,
          (select coalesce(sum(ytd_yuan), 0)::bigint from projects where zone_id = ${zoneId}::uuid and ytd_year = ${year}) as ytd_yuan,
          (select coalesce(sum(plan_yuan), 0)::bigint from project_annual_plans where zone_id = ${zoneId}::uuid and year = ${year}) as plan_yuan,
          (select coalesce(sum(invested_yuan), 0)::bigint from progress_reports where zone_id = ${zoneId}::uuid and period_end between ${weekStart}::date and ${weekEnd}::date) as week_yuan,
          (select count(*)::int from projects where zone_id = ${zoneId}::uuid and start_on >= ${`${year}-01-01`}::date and start_on <= ${weekEnd}::date) as started,
          (select count(*)::int from projects where zone_id = ${zoneId}::uuid and production_on >= ${`${year}-01-01`}::date and production_on <= ${weekEnd}::date) as in_production,
          (select count(*)::int from projects where zone_id = ${zoneId}::uuid and flag = 'red') as red,
          (select count(*)::int from projects where zone_id = ${zoneId}::uuid and flag = 'yellow') as yellow`);
      const r = rowsOf<Record<string, string | number>>(result)[0];
      return {
        projects: Number(r.projects),
        ytdYuan: Number(r.ytd_yuan),
        planYuan: Number(r.plan_yuan),
        weekYuan: Number(r.week_yuan),
        started: Number(r.started),
        inProduction: Number(r.in_production),
        red: Number(r.red),
        yellow: Number(r.yellow),
      };
    },
    /** Signings of the year by the pipeline's counting rule: a lead once at its first investment agreement, plus capital increases. */
    async signings(db: DbOrTx, zoneId: string, year: number, until: string) {
      const result = await db.execute(sql`
        with firsts as (
          select distinct on (a.lead_id) a.lead_id, a.signed_on, a.amount_yuan
          from agreements a where a.zone_id = ${zoneId}::uuid and a.kind = 'investment'
          order by a.lead_id, a.signed_on, a.created_at, a.id
        )
        select
          (select count(*)::int from firsts where signed_on between ${`${year}-01-01`}::date and ${until}::date) as n,
          ((select coalesce(sum(amount_yuan), 0) from firsts where signed_on between ${`${year}-01-01`}::date and ${until}::date)
           + (select coalesce(sum(a.amount_yuan), 0) from agreements a join firsts f on f.lead_id = a.lead_id
              where a.zone_id = ${zoneId}::uuid and a.kind = 'capital_increase' and a.signed_on >= f.signed_on
                and a.signed_on between ${`${year}-01-01`}::date and ${until}::date))::bigint as yuan`);
      const r = rowsOf<{ n: number; yuan: string | number }>(result)[0];
      return { count: Number(r.n), amountYuan: Number(r.yuan) };
    },
  };
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;
