import type { Db } from '../../db/client.ts';
import type { IntakeCommitBody, IntakeMatchResponse, IntakeZoneFigure, ReviewedLead, ReviewedProject } from '../../../contract/intake.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import type { Clock } from '../../platform/clock.ts';
import { fieldError } from '../../platform/errors.ts';
import { inScope } from '../../platform/policies.ts';
import type { EnterprisesService } from '../enterprises/index.ts';
import type { LeadsService } from '../leads/index.ts';
import type { ProjectsService } from '../projects/index.ts';
import { createIntakeCommitter } from './intake.commit.ts';
import { createIntakeMatcher } from './intake.match.ts';
import { createIntakeReader } from './intake.read.ts';
import type { IntakeRepository } from './intake.repository.ts';

/**
 * 智能录入: read (intake.read.ts) and match (intake.match.ts) save nothing; commit (intake.commit.ts)
 * saves through the projects, leads and enterprises services in one transaction.
 */
export function createIntakeService(deps: {
  db: Db;
  repo: IntakeRepository;
  projects: Pick<ProjectsService, 'createInTx' | 'updateInTx' | 'changeStageInTx' | 'setPhaseInTx' | 'createReportInTx' | 'reportPeriodInTx'>;
  leads: Pick<LeadsService, 'createInTx' | 'updateInTx' | 'createTripInTx'>;
  enterprises: Pick<EnterprisesService, 'findOrCreateInTx'>;
  audit: AuditWriter;
  clock: Clock;
}) {
  const { db, repo, clock } = deps;
  const reader = createIntakeReader({ clock });
  const matcher = createIntakeMatcher({ repo, clock, projects: deps.projects });
  const committer = createIntakeCommitter({ ...deps, matcher });

  return {
    readText: reader.readText,
    readFile: reader.readFile,

    /** Proposes, per accepted fact, a new draft or an update (with its diff) of a record in the zone. Nothing is stored. */
    async match(s: SessionContext, body: { zoneId: string; referenceDate?: string; projects: ReviewedProject[]; leads: ReviewedLead[] }): Promise<IntakeMatchResponse> {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      const proposals = [];
      for (const [i, p] of body.projects.entries()) proposals.push((await matcher.matchProject(db, s, body.zoneId, p, `projects.${i}`, body.referenceDate)).proposal);
      for (const [i, l] of body.leads.entries()) proposals.push((await matcher.matchLead(db, s, body.zoneId, l, `leads.${i}`)).proposal);
      return { zoneId: body.zoneId, proposals };
    },

    commit: (s: SessionContext, body: IntakeCommitBody, requestId: string) => committer.commit(s, body, requestId),

    /** The reviewed figures of a zone of the caller's (an empty list for a zone outside the scope). */
    async figures(s: SessionContext, q: { zoneId: string; label?: string }): Promise<IntakeZoneFigure[]> {
      if (!inScope(s, q.zoneId)) return [];
      const rows = await repo.figuresOfZone(db, s, q.zoneId, q.label);
      return rows.map((r) => ({
        id: r.id,
        zoneId: r.zoneId,
        sourceId: r.sourceId,
        what: r.label,
        value: Number(r.value),
        unit: r.unit,
        ...(r.fromValue !== null ? { from: Number(r.fromValue) } : {}),
        ...(r.period ? { period: r.period } : {}),
        ...(r.fromPeriod ? { from_period: r.fromPeriod } : {}),
        ...(r.qualifier ? { qualifier: r.qualifier } : {}),
        quote: r.quote,
        reviewedByName: r.reviewedByName,
        reviewedAt: r.reviewedAt.toISOString(),
      }));
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
