/**
 * Count once, by construction (issue 10 item 1): the duplicate-lead check when a lead is written,
 * and the merge of a duplicate into the lead it duplicates, in one audited transaction.
 */
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { leadDuplicatesQuery, mergeLeadBody } from '../../../contract/leads.ts';
import { leadStages } from '../../../contract/pipeline-enums.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { countAgreements, signedTotal } from './counting.ts';
import { normalizeProjectName, projectNamesSimilar } from './project-name.ts';
import type { LeadRow } from './leads.repository.ts';
import type { LeadsShared } from './leads.shared.ts';

export interface DuplicateProbe {
  name: string;
  enterpriseId: string | null;
  excludeId?: string;
}

/** A unique index refused the moved rows (two entries of one 三个一批 batch): the merge would double count. */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export function createMergeService(shared: LeadsShared) {
  const { db, leads, audit, clock, targetZone, loadLead, event } = shared;

  /**
   * Leads of the zone that may be the same project: the same investor or one under the same
   * comparable name (字号) with a similar project name; or, when either lead has no investor, the
   * same project name (compared without spaces, punctuation and 项目/工程).
   */
  async function findDuplicates(d: DbOrTx, zoneId: string, probe: DuplicateProbe) {
    const core = normalizeProjectName(probe.name);
    if (!core) return [];
    const rows = await leads.duplicateCandidates(d, zoneId, { enterpriseId: probe.enterpriseId, nameCore: core, excludeId: probe.excludeId });
    type Match = 'same_enterprise' | 'similar_enterprise' | 'same_name';
    const hits: ((typeof rows)[number] & { match: Match })[] = [];
    for (const r of rows) {
      if (r.same_firm && projectNamesSimilar(r.name, probe.name))
        hits.push({ ...r, match: r.enterprise_id === probe.enterpriseId ? 'same_enterprise' : 'similar_enterprise' });
      else if ((!r.enterprise_id || !probe.enterpriseId) && normalizeProjectName(r.name) === core) hits.push({ ...r, match: 'same_name' });
    }
    return Promise.all(
      hits.map(async (r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        stage: r.stage,
        status: r.status,
        projectId: r.project_id,
        version: r.version,
        match: r.match,
        signedYuan: signedTotal(await leads.listAgreements(d, r.id)),
      })),
    );
  }

  /**
   * Refuses a write that duplicates an existing lead (DUPLICATE on the field `name`, the leads in
   * `details.duplicates`) unless the person overrides it with a reason. Answers what the write's
   * history keeps: the override, or nothing.
   */
  async function checkDuplicates(
    tx: Tx,
    zoneId: string,
    probe: DuplicateProbe,
    override: { allowDuplicate?: boolean; duplicateReason?: string | null },
  ): Promise<{ eventNote?: string; provenance?: Record<string, unknown> }> {
    const duplicates = await findDuplicates(tx, zoneId, probe);
    if (!duplicates.length) return {};
    if (!override.allowDuplicate) throw new AppError('DUPLICATE', { fields: [{ field: 'name', reason: 'lead_duplicate' }], duplicates });
    return {
      eventNote: `确认非重复线索（${duplicates.map((x) => x.code).join('、')}）：${override.duplicateReason}`,
      provenance: { notDuplicateOf: duplicates.map((x) => x.id), duplicateReason: override.duplicateReason },
    };
  }

  return {
    findDuplicates,
    checkDuplicates,

    /** For the lead form: the leads a create or an edit would duplicate (a warning, before saving). */
    async duplicates(s: SessionContext, q: z.infer<typeof leadDuplicatesQuery>) {
      const zoneId = targetZone(s, q.zoneId);
      return findDuplicates(db, zoneId, { name: q.name, enterpriseId: q.enterpriseId ?? null, excludeId: q.excludeId });
    },

    /**
     * Merges the duplicate into this lead: its agreements, activities (visits, trip meetings),
     * files, team, timeline and every other row that points at it (campaign entries, blockers) move
     * here, blank fields are filled from it, the further stage is kept, and the duplicate is removed,
     * in one transaction audited on both sides. Refused, writing nothing, when it would count a
     * project twice: both leads already projects, two first investment agreements (unless the later
     * is confirmed a re-signing), two entries of one 三个一批 batch.
     */
    async merge(s: SessionContext, id: string, body: z.infer<typeof mergeLeadBody>, requestId: string) {
      if (body.duplicateId === id) throw fieldError('duplicateId', 'lead_merge_same');
      const kept = await loadLead(s, id, 'lead.update');
      assertVersion(kept, body.version);
      const dup = await loadLead(s, body.duplicateId, 'lead.update').catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') throw fieldError('duplicateId', 'unknown_lead');
        throw err;
      });
      assertVersion(dup, body.duplicateVersion);
      if (dup.zoneId !== kept.zoneId) throw fieldError('duplicateId', 'merge_other_zone');
      if (dup.projectId && kept.projectId) throw fieldError('duplicateId', 'merge_both_converted');
      if (dup.projectId) throw fieldError('duplicateId', 'merge_into_converted');

      const moved = await db.transaction(async (tx) => {
        const [keptAgreements, dupAgreements] = await Promise.all([leads.listAgreements(tx, kept.id), leads.listAgreements(tx, dup.id)]);
        const firstOf = (rows: typeof keptAgreements) => {
          const c = countAgreements(rows);
          return rows.find((a) => c.get(a.id)?.countedAs === 'first_signing');
        };
        const firsts = [firstOf(keptAgreements), firstOf(dupAgreements)];
        if (firsts[0] && firsts[1] && !body.confirmReSigning) {
          throw new AppError('VALIDATION_FAILED', {
            fields: [{ field: 'confirmReSigning', reason: 'merge_two_first_signings' }],
            firstSignings: firsts.map((a, i) => ({ leadId: i ? dup.id : kept.id, agreementId: a!.id, signedOn: a!.signedOn, amountYuan: a!.amountYuan })),
          });
        }

        const moved: Record<string, number> = {};
        await leads.deleteSharedPartners(tx, dup.id, kept.id);
        try {
          for (const { table, column } of await leads.referencingColumns(tx)) {
            const n = await leads.moveLinks(tx, table, column, dup.id, kept.id);
            if (n) moved[`${table}.${column}`] = n;
          }
        } catch (err) {
          if (isUniqueViolation(err)) throw fieldError('duplicateId', 'merge_campaign_twice');
          throw err;
        }

        const patch: Partial<LeadRow> = {};
        const blanks = [
          'enterpriseId',
          'sector',
          'chainLink',
          'chainAction',
          'plannedInvestmentYuan',
          'plannedOutputYuan',
          'likelihood',
          'nextStep',
          'nextStepOn',
          'ownerId',
          'platformContact',
        ] as const;
        for (const k of blanks) if (kept[k] == null && dup[k] != null) (patch as Record<string, unknown>)[k] = dup[k];
        if (dup.firstContactOn && (!kept.firstContactOn || dup.firstContactOn < kept.firstContactOn)) patch.firstContactOn = dup.firstContactOn;
        if (dup.lastFollowUpOn && (!kept.lastFollowUpOn || dup.lastFollowUpOn > kept.lastFollowUpOn)) patch.lastFollowUpOn = dup.lastFollowUpOn;
        // The further stage: the duplicate's agreements (an investment one at 正式签约) come with it.
        if (leadStages.indexOf(dup.stage) > leadStages.indexOf(kept.stage)) patch.stage = dup.stage;

        await leads.deleteLead(tx, dup.id);
        const after = await leads.update(tx, kept.id, kept.version, patch);
        await event(
          tx,
          s,
          after,
          'merged',
          dup.code,
          kept.code,
          `并入重复线索 ${dup.code}「${dup.name}」${dup.enterpriseName ? `（${dup.enterpriseName}）` : ''}`,
        );
        if (patch.stage) await event(tx, s, after, 'stage', kept.stage, patch.stage, `随合并的线索 ${dup.code}`);
        const { enterpriseName: _e, enterpriseCreditCode: _c, ownerName: _o, ...keptPlain } = kept;
        const { enterpriseName: _de, enterpriseCreditCode: _dc, ownerName: _do, ...dupPlain } = dup;
        await audit(tx, actorOf(s, requestId), {
          zoneId: kept.zoneId,
          action: 'lead.merge',
          entityType: 'lead',
          entityId: kept.id,
          before: { kept: keptPlain, duplicate: dupPlain },
          after: { ...after, moved, mergedAt: clock().toISOString(), ...(body.confirmReSigning && firsts[1] ? { confirmedReSigning: true } : {}) },
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: kept.zoneId,
          action: 'lead.merged_into',
          entityType: 'lead',
          entityId: dup.id,
          before: dupPlain,
          after: { mergedInto: kept.id, agreements: dupAgreements.map((a) => a.id) },
        });
        return moved;
      });
      return { moved };
    },
  };
}
