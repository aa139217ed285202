import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises, intakeSources, leads, projectPhases, projects, zones, type IntakeSavedRecord } from '../../db/schema.ts';
import { intakeZoneFigures, type IntakeZoneFigureRow } from './intake.schema.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { zoneScope } from '../../platform/scope.ts';

export type IntakeSourceRow = typeof intakeSources.$inferSelect;

/** What matching compares of a project: the fields a text can propose, and what the diff shows. */
const projectColumns = {
  id: projects.id,
  zoneId: projects.zoneId,
  name: projects.name,
  version: projects.version,
  stage: projects.stage,
  investorEnterpriseId: projects.investorEnterpriseId,
  totalInvestmentYuan: projects.totalInvestmentYuan,
  landMu: projects.landMu,
  floorAreaM2: projects.floorAreaM2,
  capacityAmount: projects.capacityAmount,
  capacityUnit: projects.capacityUnit,
  expectedOutputYuan: projects.expectedOutputYuan,
  expectedTaxYuan: projects.expectedTaxYuan,
  startOn: projects.startOn,
  plannedStartYear: projects.plannedStartYear,
};
export type ProjectForMatch = { [K in keyof typeof projectColumns]: (typeof projects.$inferSelect)[K] };

const leadColumns = {
  id: leads.id,
  zoneId: leads.zoneId,
  name: leads.name,
  version: leads.version,
  stage: leads.stage,
  enterpriseId: leads.enterpriseId,
  plannedInvestmentYuan: leads.plannedInvestmentYuan,
  nextStep: leads.nextStep,
  nextStepOn: leads.nextStepOn,
};
export type LeadForMatch = { [K in keyof typeof leadColumns]: (typeof leads.$inferSelect)[K] };

/**
 * The SQL of intake: its own table, and the read-only look-ups matching needs. The projects, leads
 * and enterprises modules offer no "by name in a zone" query, so those reads are here; every write
 * goes through the owning module's service (createInTx, updateInTx, findOrCreateInTx).
 */
export function createIntakeRepository() {
  return {
    async insertSource(db: DbOrTx, values: typeof intakeSources.$inferInsert): Promise<IntakeSourceRow> {
      const [row] = await db.insert(intakeSources).values(values).returning();
      return row;
    },

    /** The records a source produced, set once in the transaction that inserted it (no one else edits it). */
    async setSourceRecords(db: DbOrTx, id: string, records: IntakeSavedRecord[]): Promise<void> {
      await db.update(intakeSources).set({ records }).where(eq(intakeSources.id, id));
    },

    /** The names a zone goes by (full and short), to compare with the zone a text names. */
    async zoneNames(db: DbOrTx, zoneId: string): Promise<{ name: string; shortName: string } | undefined> {
      const [row] = await db.select({ name: zones.name, shortName: zones.shortName }).from(zones).where(eq(zones.id, zoneId));
      return row;
    },

    async insertFigures(db: DbOrTx, rows: (typeof intakeZoneFigures.$inferInsert)[]): Promise<void> {
      if (rows.length) await db.insert(intakeZoneFigures).values(rows);
    },

    /** Reviewed figures of one zone of the caller's, newest first. */
    figuresOfZone: (db: DbOrTx, s: SessionContext, zoneId: string, label?: string): Promise<IntakeZoneFigureRow[]> =>
      db
        .select()
        .from(intakeZoneFigures)
        .where(and(zoneScope(s, intakeZoneFigures.zoneId, zoneId), label ? eq(intakeZoneFigures.label, label) : undefined))
        .orderBy(desc(intakeZoneFigures.reviewedAt), intakeZoneFigures.label)
        .limit(2000),

    /** Every project name of one zone of the caller's, for matching by normalised name. */
    projectNamesInZone: (db: DbOrTx, s: SessionContext, zoneId: string) =>
      db
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(zoneScope(s, projects.zoneId, zoneId)),

    async projectById(db: DbOrTx, id: string): Promise<ProjectForMatch | undefined> {
      const [row] = await db.select(projectColumns).from(projects).where(eq(projects.id, id));
      return row;
    },

    /** The investment (yuan) of a project's phase by name (一期), for the diff; undefined when it has no such phase. */
    async phaseInvestment(db: DbOrTx, projectId: string, name: string): Promise<number | null | undefined> {
      const [row] = await db
        .select({ yuan: projectPhases.investmentYuan })
        .from(projectPhases)
        .where(and(eq(projectPhases.projectId, projectId), eq(projectPhases.name, name)));
      return row ? row.yuan : undefined;
    },

    /** The zone's open leads (not lost or terminated), newest first, for matching by enterprise or name. */
    openLeadsInZone: (db: DbOrTx, s: SessionContext, zoneId: string) =>
      db
        .select({ id: leads.id, name: leads.name, enterpriseId: leads.enterpriseId })
        .from(leads)
        .where(and(zoneScope(s, leads.zoneId, zoneId), notInArray(leads.status, ['lost', 'terminated'])))
        .orderBy(desc(leads.updatedAt), desc(leads.id)),

    async leadById(db: DbOrTx, id: string): Promise<LeadForMatch | undefined> {
      const [row] = await db.select(leadColumns).from(leads).where(eq(leads.id, id));
      return row;
    },

    /** Enterprises are shared by every zone: looked up by credit code or normalised name, never zone-filtered. */
    async enterpriseByCreditCode(db: DbOrTx, creditCode: string) {
      const [row] = await db
        .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(eq(enterprises.creditCode, creditCode));
      return row;
    },

    async enterpriseByNormalizedName(db: DbOrTx, normalizedName: string) {
      const [row] = await db
        .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(eq(enterprises.normalizedName, normalizedName))
        .limit(1);
      return row;
    },
  };
}

export type IntakeRepository = ReturnType<typeof createIntakeRepository>;
