import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  blockerEvents,
  blockers,
  campaignEntries,
  campaigns,
  decisions,
  departments,
  dispatchSettings,
  leads,
  meetings,
  notifications,
  projects,
  users,
  userZones,
  zones,
} from '../../db/schema.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import type { BlockerCategory, BlockerLevel, BlockerStatus, DecisionStatus } from '../../../contract/dispatch-enums.ts';

export type BlockerRow = typeof blockers.$inferSelect;
export type BlockerWithNames = BlockerRow & {
  projectName: string | null;
  leadName: string | null;
  departmentName: string | null;
  responsibleName: string | null;
  ownerName: string | null;
};
export type BlockerEventRow = typeof blockerEvents.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionWithNames = DecisionRow & {
  ownerName: string;
  departmentName: string | null;
  projectName: string | null;
  blockerTitle: string | null;
  meetingTitle: string;
};
export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignEntryRow = typeof campaignEntries.$inferSelect;

export interface BlockerFilter {
  status?: BlockerStatus | 'unresolved';
  level?: BlockerLevel;
  category?: BlockerCategory;
  projectId?: string;
  overdueOn?: string;
  notOverdueOn?: string;
  userId?: string;
  q?: string;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

export function createDispatchRepository() {
  const responsible = alias(users, 'responsible');
  const owner = alias(users, 'owner');
  const blockerColumns = {
    b: blockers,
    projectName: projects.name,
    leadName: leads.name,
    departmentName: departments.name,
    responsibleName: responsible.displayName,
    ownerName: owner.displayName,
  };
  const blockerQuery = (db: DbOrTx) =>
    db
      .select(blockerColumns)
      .from(blockers)
      .leftJoin(projects, eq(projects.id, blockers.projectId))
      .leftJoin(leads, eq(leads.id, blockers.leadId))
      .leftJoin(departments, eq(departments.id, blockers.departmentId))
      .leftJoin(responsible, eq(responsible.id, blockers.responsibleUserId))
      .leftJoin(owner, eq(owner.id, blockers.ownerUserId));
  type BlockerJoin = {
    b: BlockerRow;
    projectName: string | null;
    leadName: string | null;
    departmentName: string | null;
    responsibleName: string | null;
    ownerName: string | null;
  };
  const flatBlocker = (r: BlockerJoin): BlockerWithNames => ({
    ...r.b,
    projectName: r.projectName,
    leadName: r.leadName,
    departmentName: r.departmentName,
    responsibleName: r.responsibleName,
    ownerName: r.ownerName,
  });

  function blockerWhere(zoneIds: string[], f: BlockerFilter): SQL | undefined {
    const c: (SQL | undefined)[] = [inArray(blockers.zoneId, zoneIds)];
    if (f.status === 'unresolved') c.push(ne(blockers.status, 'resolved'));
    else if (f.status) c.push(eq(blockers.status, f.status));
    if (f.level) c.push(eq(blockers.level, f.level));
    if (f.category) c.push(eq(blockers.category, f.category));
    if (f.projectId) c.push(eq(blockers.projectId, f.projectId));
    if (f.overdueOn) c.push(and(ne(blockers.status, 'resolved'), lt(blockers.deadlineOn, f.overdueOn)));
    if (f.notOverdueOn) c.push(or(eq(blockers.status, 'resolved'), sql`${blockers.deadlineOn} >= ${f.notOverdueOn}`));
    if (f.userId) c.push(or(eq(blockers.ownerUserId, f.userId), eq(blockers.responsibleUserId, f.userId)));
    if (f.q) c.push(sql`${blockers.title} ilike ${like(f.q)}`);
    return and(...c);
  }

  const decisionOwner = alias(users, 'decision_owner');
  const decisionQuery = (db: DbOrTx) =>
    db
      .select({
        d: decisions,
        ownerName: decisionOwner.displayName,
        departmentName: departments.name,
        projectName: projects.name,
        blockerTitle: blockers.title,
        meetingTitle: meetings.title,
      })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .innerJoin(decisionOwner, eq(decisionOwner.id, decisions.ownerUserId))
      .leftJoin(departments, eq(departments.id, decisions.departmentId))
      .leftJoin(projects, eq(projects.id, decisions.projectId))
      .leftJoin(blockers, eq(blockers.id, decisions.blockerId));
  const flatDecision = (r: {
    d: DecisionRow;
    ownerName: string;
    departmentName: string | null;
    projectName: string | null;
    blockerTitle: string | null;
    meetingTitle: string;
  }): DecisionWithNames => ({
    ...r.d,
    ownerName: r.ownerName,
    departmentName: r.departmentName,
    projectName: r.projectName,
    blockerTitle: r.blockerTitle,
    meetingTitle: r.meetingTitle,
  });

  return {
    // ---------- blockers ----------
    async countBlockers(db: DbOrTx, zoneIds: string[], f: BlockerFilter): Promise<number> {
      if (zoneIds.length === 0) return 0;
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(blockers)
        .where(blockerWhere(zoneIds, f));
      return Number(row.n);
    },

    async listBlockers(db: DbOrTx, zoneIds: string[], f: BlockerFilter, today: string, page = { limit: 5000, offset: 0 }): Promise<BlockerWithNames[]> {
      if (zoneIds.length === 0) return [];
      const rows = await blockerQuery(db)
        .where(blockerWhere(zoneIds, f))
        .orderBy(
          sql`case when ${blockers.status} <> 'resolved' and ${blockers.deadlineOn} < ${today} then 0 when ${blockers.status} <> 'resolved' then 1 else 2 end`,
          asc(blockers.deadlineOn),
          desc(blockers.updatedAt),
          asc(blockers.id),
        )
        .limit(page.limit)
        .offset(page.offset);
      return rows.map(flatBlocker);
    },

    async blockerCounts(db: DbOrTx, zoneIds: string[], today: string) {
      if (zoneIds.length === 0) return [];
      return db
        .select({
          level: blockers.level,
          status: blockers.status,
          n: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) filter (where ${blockers.status} <> 'resolved' and ${blockers.deadlineOn} < ${today})::int`,
        })
        .from(blockers)
        .where(inArray(blockers.zoneId, zoneIds))
        .groupBy(blockers.level, blockers.status);
    },

    async findBlocker(db: DbOrTx, id: string): Promise<BlockerWithNames | undefined> {
      const [row] = await blockerQuery(db).where(eq(blockers.id, id));
      return row ? flatBlocker(row) : undefined;
    },

    async insertBlocker(db: DbOrTx, values: typeof blockers.$inferInsert): Promise<BlockerRow> {
      const [row] = await db.insert(blockers).values(values).returning();
      return row;
    },

    updateBlocker: (db: DbOrTx, id: string, version: number, patch: Partial<typeof blockers.$inferInsert>) => updateVersioned(db, blockers, id, version, patch),

    /** Like updateBlocker, but answers undefined instead of throwing when someone else saved first (the sweeper skips it). */
    async updateBlockerIfVersion(db: DbOrTx, id: string, version: number, patch: Partial<typeof blockers.$inferInsert>): Promise<BlockerRow | undefined> {
      const [row] = await db
        .update(blockers)
        .set({ ...patch, version: sql`${blockers.version} + 1`, updatedAt: new Date() })
        .where(and(eq(blockers.id, id), eq(blockers.version, version)))
        .returning();
      return row;
    },

    async insertEvents(db: DbOrTx, rows: (typeof blockerEvents.$inferInsert)[]) {
      if (rows.length) await db.insert(blockerEvents).values(rows);
    },

    events: (db: DbOrTx, blockerId: string) =>
      db.select().from(blockerEvents).where(eq(blockerEvents.blockerId, blockerId)).orderBy(asc(blockerEvents.at), asc(blockerEvents.id)),

    /** Unresolved, past their deadline and below the top level: the only blockers that may escalate. */
    async escalationCandidates(db: DbOrTx, zoneIds: string[] | 'all', today: string): Promise<BlockerRow[]> {
      if (zoneIds !== 'all' && zoneIds.length === 0) return [];
      return db
        .select()
        .from(blockers)
        .where(
          and(
            zoneIds === 'all' ? undefined : inArray(blockers.zoneId, zoneIds),
            ne(blockers.status, 'resolved'),
            lt(blockers.deadlineOn, today),
            ne(blockers.level, 'main_leader'),
          ),
        );
    },

    async settings(db: DbOrTx, zoneIds: string[]) {
      if (zoneIds.length === 0) return [];
      return db.select().from(dispatchSettings).where(inArray(dispatchSettings.zoneId, zoneIds));
    },
    async insertSettings(db: DbOrTx, values: typeof dispatchSettings.$inferInsert) {
      const [row] = await db.insert(dispatchSettings).values(values).returning();
      return row;
    },
    async updateSettings(db: DbOrTx, zoneId: string, version: number, escalationWorkdays: number) {
      const [row] = await db
        .update(dispatchSettings)
        .set({ escalationWorkdays, version: sql`${dispatchSettings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(dispatchSettings.zoneId, zoneId), eq(dispatchSettings.version, version)))
        .returning();
      return row;
    },

    // ---------- people and references ----------
    async zoneUsers(db: DbOrTx, zoneId: string) {
      return db
        .select({ id: users.id, displayName: users.displayName, role: users.role, username: users.username })
        .from(users)
        .innerJoin(userZones, eq(userZones.userId, users.id))
        .where(and(eq(userZones.zoneId, zoneId), eq(users.active, true)))
        .orderBy(asc(users.username));
    },
    async userInZone(db: DbOrTx, userId: string, zoneId: string): Promise<{ id: string; displayName: string } | undefined> {
      const [row] = await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .innerJoin(userZones, eq(userZones.userId, users.id))
        .where(and(eq(users.id, userId), eq(userZones.zoneId, zoneId)));
      return row;
    },
    async departmentZone(db: DbOrTx, id: string) {
      const [row] = await db.select({ zoneId: departments.zoneId }).from(departments).where(eq(departments.id, id));
      return row?.zoneId;
    },
    async project(db: DbOrTx, id: string) {
      const [row] = await db
        .select({
          id: projects.id,
          zoneId: projects.zoneId,
          name: projects.name,
          leaderUserId: projects.leaderUserId,
          totalInvestmentYuan: projects.totalInvestmentYuan,
        })
        .from(projects)
        .where(eq(projects.id, id));
      return row;
    },
    async lead(db: DbOrTx, id: string) {
      const [row] = await db
        .select({ id: leads.id, zoneId: leads.zoneId, name: leads.name, plannedInvestmentYuan: leads.plannedInvestmentYuan })
        .from(leads)
        .where(eq(leads.id, id));
      return row;
    },
    async projectDates(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: projects.id, signedOn: projects.signedOn, startOn: projects.startOn, productionOn: projects.productionOn })
        .from(projects)
        .where(inArray(projects.id, ids));
    },
    async zoneName(db: DbOrTx, id: string) {
      const [row] = await db.select({ name: zones.name, shortName: zones.shortName }).from(zones).where(eq(zones.id, id));
      return row;
    },
    async zoneNames(db: DbOrTx, ids: string[]) {
      if (ids.length === 0) return [];
      return db.select({ id: zones.id, name: zones.name, shortName: zones.shortName }).from(zones).where(inArray(zones.id, ids)).orderBy(asc(zones.code));
    },

    // ---------- notifications ----------
    async insertNotifications(db: DbOrTx, rows: (typeof notifications.$inferInsert)[]) {
      if (rows.length) await db.insert(notifications).values(rows);
    },
    async listNotifications(db: DbOrTx, userId: string, unreadOnly: boolean, limit: number) {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },
    async unreadCount(db: DbOrTx, userId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return Number(row.n);
    },
    async findNotification(db: DbOrTx, id: string) {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
      return row;
    },
    async markRead(db: DbOrTx, userId: string, at: Date, id?: string) {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
        .returning({ id: notifications.id });
      return rows.length;
    },

    // ---------- meetings ----------
    async listMeetings(db: DbOrTx, zoneIds: string[]) {
      if (zoneIds.length === 0) return [];
      return db
        .select({
          m: meetings,
          agendaCount: sql<number>`(select count(*)::int from agenda_items a where a.meeting_id = ${meetings.id})`,
          decisionCount: sql<number>`(select count(*)::int from decisions d where d.meeting_id = ${meetings.id})`,
        })
        .from(meetings)
        .where(inArray(meetings.zoneId, zoneIds))
        .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
        .limit(200);
    },
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

    // ---------- decisions ----------
    async decisionsOfMeeting(db: DbOrTx, meetingId: string): Promise<DecisionWithNames[]> {
      return (await decisionQuery(db).where(eq(decisions.meetingId, meetingId)).orderBy(asc(decisions.createdAt), asc(decisions.id))).map(flatDecision);
    },
    async listDecisions(db: DbOrTx, zoneIds: string[], f: { status?: DecisionStatus; ownerUserId?: string }): Promise<DecisionWithNames[]> {
      if (zoneIds.length === 0) return [];
      return (
        await decisionQuery(db)
          .where(
            and(
              inArray(decisions.zoneId, zoneIds),
              f.status ? eq(decisions.status, f.status) : undefined,
              f.ownerUserId ? eq(decisions.ownerUserId, f.ownerUserId) : undefined,
            ),
          )
          .orderBy(asc(decisions.deadlineOn), asc(decisions.id))
          .limit(500)
      ).map(flatDecision);
    },
    async findDecision(db: DbOrTx, id: string): Promise<DecisionWithNames | undefined> {
      const [row] = await decisionQuery(db).where(eq(decisions.id, id));
      return row ? flatDecision(row) : undefined;
    },
    async insertDecision(db: DbOrTx, values: typeof decisions.$inferInsert): Promise<DecisionRow> {
      const [row] = await db.insert(decisions).values(values).returning();
      return row;
    },
    updateDecision: (db: DbOrTx, id: string, version: number, patch: Partial<typeof decisions.$inferInsert>) =>
      updateVersioned(db, decisions, id, version, patch),

    // ---------- agenda sources ----------
    /** Red-flag projects of the zone. */
    async redProjects(db: DbOrTx, zoneId: string) {
      return db
        .select({ id: projects.id, name: projects.name, flagReasons: projects.flagReasons })
        .from(projects)
        .where(and(eq(projects.zoneId, zoneId), eq(projects.flag, 'red')))
        .orderBy(asc(projects.name));
    },
    /**
     * Milestones that slipped in (since, until]: planned in that window and not done by its planned
     * date (still open, or done late). One row per milestone, with its project.
     */
    async slippedMilestones(db: DbOrTx, zoneId: string, since: string | null, until: string) {
      const result = await db.execute(sql`
        select m.project_id, p.name as project_name, p.flag, m.name, m.planned_on::text as planned_on, m.actual_on::text as actual_on
        from project_milestones m join projects p on p.id = m.project_id
        where m.zone_id = ${zoneId}::uuid and m.planned_on is not null and m.planned_on < ${until}::date
          and (${since}::date is null or m.planned_on >= ${since}::date)
          and (m.actual_on is null or m.actual_on > m.planned_on)
        order by p.name, m.planned_on`);
      return rowsOf<{ project_id: string; project_name: string; flag: string; name: string; planned_on: string; actual_on: string | null }>(result);
    },
    /** Unresolved blockers that are overdue on `on` or escalated to the meeting level or above. */
    async agendaBlockers(db: DbOrTx, zoneId: string, on: string): Promise<BlockerWithNames[]> {
      const rows = await blockerQuery(db)
        .where(
          and(
            eq(blockers.zoneId, zoneId),
            ne(blockers.status, 'resolved'),
            or(lt(blockers.deadlineOn, on), inArray(blockers.level, ['meeting', 'main_leader'])),
          ),
        )
        .orderBy(desc(sql`array_position(array['task_force','leader','meeting','main_leader']::text[], ${blockers.level})`), asc(blockers.deadlineOn));
      return rows.map(flatBlocker);
    },

    // ---------- brief figures ----------
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

    // ---------- campaigns ----------
    async listCampaigns(db: DbOrTx, zoneIds: string[], year?: number) {
      if (zoneIds.length === 0) return [];
      return db
        .select()
        .from(campaigns)
        .where(and(inArray(campaigns.zoneId, zoneIds), year ? eq(campaigns.year, year) : undefined))
        .orderBy(desc(campaigns.year), desc(campaigns.quarter), asc(campaigns.zoneId));
    },
    async findCampaign(db: DbOrTx, id: string): Promise<CampaignRow | undefined> {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row;
    },
    async campaignOfQuarter(db: DbOrTx, zoneId: string, year: number, quarter: number) {
      const [row] = await db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.zoneId, zoneId), eq(campaigns.year, year), eq(campaigns.quarter, quarter)));
      return row;
    },
    async insertCampaign(db: DbOrTx, values: typeof campaigns.$inferInsert): Promise<CampaignRow> {
      const [row] = await db.insert(campaigns).values(values).returning();
      return row;
    },
    updateCampaign: (db: DbOrTx, id: string, version: number, patch: Partial<typeof campaigns.$inferInsert>) =>
      updateVersioned(db, campaigns, id, version, patch),
    async entries(db: DbOrTx, campaignIds: string[]): Promise<CampaignEntryRow[]> {
      if (campaignIds.length === 0) return [];
      return db
        .select()
        .from(campaignEntries)
        .where(inArray(campaignEntries.campaignId, campaignIds))
        .orderBy(asc(campaignEntries.batch), asc(campaignEntries.sortOrder), asc(campaignEntries.createdAt));
    },
    async findEntry(db: DbOrTx, id: string): Promise<CampaignEntryRow | undefined> {
      const [row] = await db.select().from(campaignEntries).where(eq(campaignEntries.id, id));
      return row;
    },
    /** Another entry of the same batch kind, in any campaign, that already counted this project or lead. */
    async countedElsewhere(db: DbOrTx, batch: CampaignEntryRow['batch'], target: { projectId?: string | null; leadId?: string | null }, exceptId?: string) {
      if (!target.projectId && !target.leadId) return undefined;
      const [row] = await db
        .select({ id: campaignEntries.id, campaignId: campaignEntries.campaignId, name: campaigns.name })
        .from(campaignEntries)
        .innerJoin(campaigns, eq(campaigns.id, campaignEntries.campaignId))
        .where(
          and(
            eq(campaignEntries.batch, batch),
            eq(campaignEntries.confirmed, true),
            target.projectId ? eq(campaignEntries.projectId, target.projectId) : eq(campaignEntries.leadId, target.leadId!),
            exceptId ? ne(campaignEntries.id, exceptId) : undefined,
          ),
        )
        .limit(1);
      return row;
    },
    async insertEntry(db: DbOrTx, values: typeof campaignEntries.$inferInsert): Promise<CampaignEntryRow> {
      const [row] = await db.insert(campaignEntries).values(values).returning();
      return row;
    },
    updateEntry: (db: DbOrTx, id: string, version: number, patch: Partial<typeof campaignEntries.$inferInsert>) =>
      updateVersioned(db, campaignEntries, id, version, patch),

    // ---------- my tasks ----------
    async myBlockers(db: DbOrTx, userId: string, zoneIds: string[]) {
      if (zoneIds.length === 0) return [];
      return db
        .select({
          id: blockers.id,
          zoneId: blockers.zoneId,
          title: blockers.title,
          deadlineOn: blockers.deadlineOn,
          level: blockers.level,
          projectName: projects.name,
        })
        .from(blockers)
        .leftJoin(projects, eq(projects.id, blockers.projectId))
        .where(
          and(inArray(blockers.zoneId, zoneIds), ne(blockers.status, 'resolved'), or(eq(blockers.ownerUserId, userId), eq(blockers.responsibleUserId, userId))),
        )
        .orderBy(asc(blockers.deadlineOn))
        .limit(100);
    },
    async myDecisions(db: DbOrTx, userId: string, zoneIds: string[]) {
      if (zoneIds.length === 0) return [];
      return db
        .select({
          id: decisions.id,
          zoneId: decisions.zoneId,
          task: decisions.task,
          deadlineOn: decisions.deadlineOn,
          meetingId: decisions.meetingId,
          meetingTitle: meetings.title,
        })
        .from(decisions)
        .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
        .where(and(inArray(decisions.zoneId, zoneIds), eq(decisions.status, 'open'), eq(decisions.ownerUserId, userId)))
        .orderBy(asc(decisions.deadlineOn))
        .limit(100);
    },
  };
}

export type DispatchRepository = ReturnType<typeof createDispatchRepository>;
