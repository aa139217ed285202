/** SQL of a project's plan: milestones, approvals, 标准地 indicators and annual plans. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { anyUuid } from '../../db/sql-helpers.ts';
import type { EnterpriseYearFigures } from './projects.rules.ts';
import { projectAnnualPlans, projectApprovals, projectLandStandards, projectMilestones, projects, users, zones } from '../../db/schema.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';
import { updateVersioned } from '../../platform/versioned.ts';

export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type ApprovalRow = typeof projectApprovals.$inferSelect;
export type LandStandardRow = typeof projectLandStandards.$inferSelect;

const agentUser = alias(users, 'agent_user');

export function createProjectPlanRepository() {
  return {
    /**
     * Takes a project's pending plan for writing: clears `plan_pending` and answers the project, or
     * nothing when its plan is already written. The update's row lock makes one of two concurrent
     * first uses the writer; the other waits, then finds the flag cleared and reads the plan.
     * Neither version nor updated_at moves: writing the template is not an edit.
     */
    async claimPendingPlan(db: DbOrTx, projectId: string) {
      const [row] = await db
        .update(projects)
        .set({ planPending: false })
        .where(and(eq(projects.id, projectId), eq(projects.planPending, true)))
        .returning();
      return row;
    },
    milestones: (db: DbOrTx, projectId: string) =>
      db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId)).orderBy(asc(projectMilestones.sortOrder)),
    async insertMilestones(db: DbOrTx, rows: (typeof projectMilestones.$inferInsert)[]) {
      if (rows.length) await db.insert(projectMilestones).values(rows);
    },
    updateMilestone: (db: DbOrTx, id: string, version: number, patch: Partial<typeof projectMilestones.$inferInsert>) =>
      updateVersioned(db, projectMilestones, id, version, patch),
    async deleteMilestones(db: DbOrTx, idsToDelete: string[]) {
      if (idsToDelete.length) await db.delete(projectMilestones).where(inArray(projectMilestones.id, idsToDelete));
    },
    /** Entering a stage fills the actual date of the node that marks it, if still open. */
    async fillStageMilestone(db: DbOrTx, projectId: string, stage: string, on: string) {
      await db
        .update(projectMilestones)
        .set({ actualOn: on, version: sql`${projectMilestones.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.stage, stage as never), isNull(projectMilestones.actualOn)));
    },

    approvals: (db: DbOrTx, projectId: string) =>
      db
        .select({ approval: projectApprovals, agentName: agentUser.displayName })
        .from(projectApprovals)
        .leftJoin(agentUser, eq(agentUser.id, projectApprovals.agentUserId))
        .where(eq(projectApprovals.projectId, projectId))
        .orderBy(asc(projectApprovals.sortOrder)),
    async insertApprovals(db: DbOrTx, rows: (typeof projectApprovals.$inferInsert)[]) {
      if (rows.length) await db.insert(projectApprovals).values(rows);
    },
    updateApproval: (db: DbOrTx, id: string, version: number, patch: Partial<typeof projectApprovals.$inferInsert>) =>
      updateVersioned(db, projectApprovals, id, version, patch),
    async deleteApprovals(db: DbOrTx, idsToDelete: string[]) {
      if (idsToDelete.length) await db.delete(projectApprovals).where(inArray(projectApprovals.id, idsToDelete));
    },

    async landStandard(db: DbOrTx, projectId: string): Promise<LandStandardRow | undefined> {
      const [row] = await db.select().from(projectLandStandards).where(eq(projectLandStandards.projectId, projectId));
      return row;
    },
    async insertLandStandard(db: DbOrTx, values: typeof projectLandStandards.$inferInsert) {
      const [row] = await db.insert(projectLandStandards).values(values).returning();
      return row;
    },
    // Keyed by project (one row each, no id column), so not updateVersioned: zero rows is a conflict.
    async updateLandStandard(db: DbOrTx, projectId: string, version: number, patch: Partial<typeof projectLandStandards.$inferInsert>) {
      const rows = await db
        .update(projectLandStandards)
        .set({ ...patch, version: sql`${projectLandStandards.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectLandStandards.projectId, projectId), eq(projectLandStandards.version, version)))
        .returning();
      return rows[0];
    },
    /** 标准地 indicators of the caller's zones (or one of them), by project name. */
    landCompliance: (db: DbOrTx, caller: Pick<SessionContext, 'scope'>, zoneId?: string | null) =>
      db
        .select({
          land: projectLandStandards,
          projectName: projects.name,
          zoneName: zones.shortName,
          // What the achieved figures are derived from (docs/projects.md, 标准地).
          landMu: projects.landMu,
          stage: projects.stage,
          investedTotalYuan: projects.investedTotalYuan,
          expectedTaxYuan: projects.expectedTaxYuan,
          expectedOutputYuan: projects.expectedOutputYuan,
          floorAreaM2: projects.floorAreaM2,
          investorEnterpriseId: projects.investorEnterpriseId,
        })
        .from(projectLandStandards)
        .innerJoin(projects, and(eq(projects.id, projectLandStandards.projectId), eq(projects.zoneId, projectLandStandards.zoneId)))
        .innerJoin(zones, eq(zones.id, projectLandStandards.zoneId))
        .where(zoneScope(caller, projectLandStandards.zoneId, zoneId))
        .orderBy(asc(projects.name))
        .limit(2000),

    /**
     * Each enterprise's latest year of operating figures (年度经营数据, the table
     * `enterprise_yearly_figures` the chains module keeps, docs/chains.md) that has a tax or an
     * output: the 标准地 read's yearly source. Raw SQL on purpose: a read of another module's table
     * by its documented columns, not an import of its schema.
     */
    async latestYearlyFigures(db: DbOrTx, enterpriseIds: string[]): Promise<Map<string, EnterpriseYearFigures>> {
      if (!enterpriseIds.length) return new Map();
      const rows = rowsOf<{
        enterprise_id: string;
        year: number;
        tax_yuan: string | null;
        output_yuan: string | null;
        energy_tce: string | null;
        land_mu: string | null;
      }>(
        await db.execute(sql`select distinct on (f.enterprise_id) f.enterprise_id, f.year, f.tax_yuan, f.output_yuan, f.energy_tce, f.land_mu
          from enterprise_yearly_figures f
          where f.enterprise_id = ${anyUuid(enterpriseIds)} and (f.tax_yuan is not null or f.output_yuan is not null)
          order by f.enterprise_id, f.year desc`),
      );
      const num = (v: string | null) => (v == null ? null : Number(v));
      return new Map(
        rows.map((r) => [
          r.enterprise_id,
          {
            enterpriseId: r.enterprise_id,
            year: Number(r.year),
            taxYuan: num(r.tax_yuan),
            outputYuan: num(r.output_yuan),
            energyTce: num(r.energy_tce),
            landMu: num(r.land_mu),
          },
        ]),
      );
    },

    async findAnnualPlan(db: DbOrTx, projectId: string, year: number) {
      const [row] = await db
        .select()
        .from(projectAnnualPlans)
        .where(and(eq(projectAnnualPlans.projectId, projectId), eq(projectAnnualPlans.year, year)));
      return row;
    },
    async insertAnnualPlan(db: DbOrTx, values: typeof projectAnnualPlans.$inferInsert) {
      const [row] = await db.insert(projectAnnualPlans).values(values).returning();
      return row;
    },
    // Keyed by project and year (no id column), so not updateVersioned: zero rows is a conflict.
    async updateAnnualPlan(db: DbOrTx, projectId: string, year: number, version: number, planYuan: number) {
      const rows = await db
        .update(projectAnnualPlans)
        .set({ planYuan, version: sql`${projectAnnualPlans.version} + 1`, updatedAt: new Date() })
        .where(and(eq(projectAnnualPlans.projectId, projectId), eq(projectAnnualPlans.year, year), eq(projectAnnualPlans.version, version)))
        .returning();
      return rows[0];
    },
  };
}
