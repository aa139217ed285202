/**
 * The funnel's read model (decision 028): `lead_stage_counts`, signed deltas per zone, stage and
 * status that statement triggers on `leads` append in the writer's transaction. Readers sum them;
 * the job leads.compact-stage-counts folds each zone's rows into one per key.
 */
import { and, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { leadStageCounts } from '../../db/schema.ts';
import type { LeadStage, LeadStatus } from '../../../contract/pipeline-enums.ts';
import type { LeadFilter, ZoneFilter } from './leads.repository.ts';

/**
 * A filter the read model can total: zones, stages and statuses (and any order), nothing else.
 * Typed over every key of LeadFilter, so a new filter must say here whether it may.
 */
const totalledByStage: Record<keyof LeadFilter, boolean> = {
  stage: true,
  status: true,
  sort: true,
  order: true,
  method: false,
  sector: false,
  ownerId: false,
  enterpriseId: false,
  overdue: false,
  q: false,
};
const absent = (v: unknown) => v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);
export const countableByStage = (f: LeadFilter) => (Object.keys(totalledByStage) as (keyof LeadFilter)[]).every((k) => totalledByStage[k] || absent(f[k]));

export const stageCounts = {
  /** The leads of the zones, stages and statuses asked for (a filter `countableByStage` accepts). */
  total: (db: DbOrTx, inZones: ZoneFilter, f: Pick<LeadFilter, 'stage' | 'status'>) =>
    db
      .select({ total: sql<number>`coalesce(sum(${leadStageCounts.leads}), 0)::int` })
      .from(leadStageCounts)
      .where(
        and(
          inZones(leadStageCounts.zoneId),
          f.stage?.length ? inArray(leadStageCounts.stage, f.stage) : undefined,
          f.status?.length ? inArray(leadStageCounts.status, f.status) : undefined,
        ),
      ),

  /** Lead counts and planned investment per stage and status (the funnel). */
  async funnel(db: DbOrTx, inZones: ZoneFilter) {
    const rows = rowsOf<{ stage: LeadStage; status: LeadStatus; n: number; planned: string | number | null }>(
      await db.execute(sql`select stage, status, sum(leads)::int as n, sum(planned_yuan)::bigint as planned
        from lead_stage_counts where ${inZones(sql`zone_id`)} group by stage, status having sum(leads) <> 0`),
    );
    return rows.map((r) => ({ stage: r.stage, status: r.status, n: Number(r.n), planned: Number(r.planned) }));
  },

  /** The zones whose keys hold more than one delta row (the job folds those; across zones by design). */
  async zonesWithDeltas(db: DbOrTx): Promise<string[]> {
    const rows = rowsOf<{ zone_id: string }>(
      await db.execute(sql`select distinct zone_id from (select zone_id from lead_stage_counts group by zone_id, stage, status having count(*) > 1) k`),
    );
    return rows.map((r) => r.zone_id);
  },

  /**
   * Folds a zone's delta rows into one per stage and status (one statement, routed to the zone):
   * the rows it deletes are those committed before it began, summed back in, so a writer's delta
   * that commits meanwhile is kept as it is and nothing is counted twice. Answers the rows folded.
   */
  async compact(db: DbOrTx, zoneId: string): Promise<number> {
    const rows = rowsOf<{ folded: number }>(
      await db.execute(sql`with gone as (
          delete from lead_stage_counts where zone_id = ${zoneId}::uuid
          returning zone_id, stage, status, leads, planned_yuan
        ), kept as (
          insert into lead_stage_counts (zone_id, stage, status, leads, planned_yuan)
          select zone_id, stage, status, sum(leads), sum(planned_yuan) from gone group by 1, 2, 3
          having sum(leads) <> 0 or sum(planned_yuan) <> 0
          returning 1
        )
        select (select count(*) from gone)::int as folded`),
    );
    return Number(rows[0]?.folded ?? 0);
  },
};
