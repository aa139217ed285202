/**
 * 亩均效益评价: the zone's policy per year (data, validated by the contract), the evaluation run
 * (candidates read set-based, scored by land-efficiency.rules.ts, results replaced in one
 * transaction with the audit), results, an enterprise's class history, and the zone summaries the
 * province ranking reads (docs/land-efficiency.md).
 */
import type { z } from 'zod';
import {
  defaultLandEfficiencyPolicy,
  landEfficiencyPolicySchema,
  maxScore,
  type exportResultsQuery,
  type LandEfficiencyPolicy,
  type listResultsQuery,
  type runBody,
  type saveConfigBody,
} from '../../../contract/land-efficiency.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type Actor, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { actionsFor, can, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import { figuresOf, type LandEfficiencyRepository } from './land-efficiency.repository.ts';
import { evaluate } from './land-efficiency.rules.ts';

export interface LandEfficiencyDeps {
  db: Db;
  repo: LandEfficiencyRepository;
  audit: AuditWriter;
  clock: Clock;
}

const policyOf = (row: { indicators: unknown; classMethod: 'cutoffs' | 'shares'; cutoffs: unknown; shares: unknown; minLandMu: number }): LandEfficiencyPolicy =>
  ({ indicators: row.indicators, classMethod: row.classMethod, cutoffs: row.cutoffs, shares: row.shares, minLandMu: Number(row.minLandMu) }) as LandEfficiencyPolicy;

/**
 * One evaluation of a zone-year inside `tx`: candidates read set-based, scored, the year's results
 * replaced, the run stored and audited with what changed. Used by the run operation and the seed.
 */
export async function runInTx(
  tx: DbOrTx,
  { repo, audit }: Pick<LandEfficiencyDeps, 'repo' | 'audit'>,
  input: { zoneId: string; year: number; policy: LandEfficiencyPolicy; policyYear: number | null; runById: string | null; actor: Actor },
): Promise<string> {
  const { zoneId, year, policy: p } = input;
  const candidates = await repo.candidates(tx, zoneId, year, p.minLandMu);
  const { benchmarks, results, counts } = evaluate(
    p,
    candidates.map((c) => ({ enterpriseId: c.enterprise_id, name: c.name, creditCode: c.credit_code, figures: figuresOf(c) })),
  );
  const stored = await repo.storedOf(tx, zoneId, year);
  const previous = await repo.latestRun(tx, zoneId, year);
  const run = await repo.insertRun(tx, { zoneId, year, config: p, benchmarks, counts, enterpriseCount: results.length, runById: input.runById });
  const byId = new Map(candidates.map((c) => [c.enterprise_id, figuresOf(c)]));
  // The results are the zone-year's newest run's (no run key per row): only what changed is written.
  await repo.writeResults(
    tx,
    { zoneId, year },
    results.map((r) => {
      const f = byId.get(r.enterpriseId)!;
      return { ...r, landMu: f.landMu ?? null, taxYuan: f.taxYuan ?? null, valueAddedYuan: f.valueAddedYuan ?? null };
    }),
    stored,
  );
  const changed = results.filter((r) => stored.has(r.enterpriseId) && stored.get(r.enterpriseId)!.grade !== r.grade);
  const removed = [...stored.keys()].filter((id) => !byId.has(id));
  await audit(tx, input.actor, {
    zoneId,
    action: previous ? 'land_efficiency.rerun' : 'land_efficiency.run',
    entityType: 'land_efficiency_run',
    entityId: run.id,
    before: previous ? { runId: previous.run.id, counts: previous.run.counts, enterpriseCount: previous.run.enterpriseCount } : null,
    after: {
      year,
      counts,
      enterpriseCount: results.length,
      benchmarks,
      policyYear: input.policyYear,
      gradeChanges: changed.length,
      // The first changes, enough to read what moved; the full picture is in the two runs.
      changes: changed.slice(0, 50).map((r) => ({ enterpriseId: r.enterpriseId, from: stored.get(r.enterpriseId)?.grade ?? null, to: r.grade })),
      removed: removed.slice(0, 50),
    },
  });
  return run.id;
}

export function createLandEfficiencyService({ db, repo, audit, clock }: LandEfficiencyDeps) {
  const today = () => chinaToday(clock);
  const thisYear = () => Number(today().slice(0, 4));

  function readable(s: SessionContext, zoneId: string) {
    if (!inScope(s, zoneId)) throw notFound();
  }
  function writable(s: SessionContext, zoneId: string, permission: 'land_efficiency.configure' | 'land_efficiency.run') {
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  }

  async function config(s: SessionContext, zoneId: string, year: number) {
    const found = await repo.configFor(db, zoneId, year);
    const policy = found ? policyOf(found.config) : defaultLandEfficiencyPolicy;
    const saved = found?.config.year === year;
    return {
      zoneId,
      year,
      ...policy,
      source: saved ? ('saved' as const) : found ? ('earlier_year' as const) : ('default' as const),
      sourceYear: found ? found.config.year : null,
      version: saved ? found.config.version : 0,
      updatedAt: found ? found.config.updatedAt.toISOString() : null,
      updatedByName: found?.updatedByName ?? null,
      maxScore: maxScore(policy.indicators),
      actions: actionsFor(s, 'landEfficiencyConfig', zoneId),
    };
  }

  const presentRun = (r: NonNullable<Awaited<ReturnType<LandEfficiencyRepository['latestRun']>>>) => ({
    id: r.run.id,
    zoneId: r.run.zoneId,
    year: r.run.year,
    createdAt: r.run.createdAt.toISOString(),
    runByName: r.runByName,
    enterpriseCount: r.run.enterpriseCount,
    counts: r.run.counts as { A: number; B: number; C: number; D: number; incomplete: number },
    benchmarks: r.run.benchmarks as Record<string, number | null>,
    config: r.run.config as LandEfficiencyPolicy,
  });

  return {
    today,
    zoneName: async (zoneId: string) => (await repo.zoneName(db, zoneId))?.name ?? '',

    async getConfig(s: SessionContext, zoneId: string, year: number) {
      readable(s, zoneId);
      return config(s, zoneId, year);
    },

    async saveConfig(s: SessionContext, body: z.infer<typeof saveConfigBody>, requestId: string) {
      writable(s, body.zoneId, 'land_efficiency.configure');
      if (body.year > thisYear() + 1) throw fieldError('year', 'year_in_future');
      const { zoneId, year, version, ...policy } = body;
      // The contract validated it; parse again so nothing but the policy's own fields is stored.
      const p = landEfficiencyPolicySchema.parse(policy);
      const values = { indicators: p.indicators, classMethod: p.classMethod, cutoffs: p.cutoffs, shares: p.shares, minLandMu: p.minLandMu, updatedById: s.user.id };
      const found = await repo.configFor(db, zoneId, year);
      const existing = found?.config.year === year ? found.config : undefined;
      await db.transaction(async (tx) => {
        if (existing) {
          assertVersion(existing, version);
          const after = await repo.updateConfig(tx, existing.id, version, values);
          await audit(tx, actorOf(s, requestId), {
            zoneId,
            action: 'land_efficiency_config.update',
            entityType: 'land_efficiency_config',
            entityId: existing.id,
            before: { year, ...policyOf(existing) },
            after: { year, ...policyOf(after) },
          });
        } else {
          if (version !== 0) throw new AppError('VERSION_CONFLICT', { expectedVersion: version, currentVersion: 0 });
          const row = await repo.insertConfig(tx, { zoneId, year, ...values });
          await audit(tx, actorOf(s, requestId), {
            zoneId,
            action: 'land_efficiency_config.create',
            entityType: 'land_efficiency_config',
            entityId: row.id,
            after: { year, ...p },
          });
        }
      });
      return config(s, zoneId, year);
    },

    /** Evaluates the zone-year with its policy and replaces that year's results, audited with what changed. */
    async run(s: SessionContext, body: z.infer<typeof runBody>, requestId: string) {
      writable(s, body.zoneId, 'land_efficiency.run');
      if (body.year > thisYear()) throw fieldError('year', 'year_in_future');
      const { zoneId, year } = body;
      const policy = (await config(s, zoneId, year)) as LandEfficiencyPolicy & { source: string; sourceYear: number | null };
      const p: LandEfficiencyPolicy = {
        indicators: policy.indicators,
        classMethod: policy.classMethod,
        cutoffs: policy.cutoffs,
        shares: policy.shares,
        minLandMu: policy.minLandMu,
      };
      const runId = await db.transaction((tx) =>
        runInTx(tx, { repo, audit }, { zoneId, year, policy: p, policyYear: policy.source === 'saved' ? year : policy.sourceYear, runById: s.user.id, actor: actorOf(s, requestId) }),
      );
      const latest = await repo.latestRun(db, zoneId, year);
      if (latest?.run.id !== runId) throw new Error('run not found after writing');
      return presentRun(latest);
    },

    async listRuns(s: SessionContext, zoneId: string, year: number) {
      readable(s, zoneId);
      return (await repo.runs(db, zoneId, year)).map((r) => {
        const { config: _c, benchmarks: _b, ...rest } = presentRun(r);
        return rest;
      });
    },

    async listResults(s: SessionContext, q: z.infer<typeof listResultsQuery>) {
      readable(s, q.zoneId);
      const [latest, page] = await Promise.all([repo.latestRun(db, q.zoneId, q.year), repo.listResults(db, s, q)]);
      return { ...page, page: q.page, pageSize: q.pageSize, run: latest ? presentRun(latest) : null };
    },

    async exportData(s: SessionContext, q: z.infer<typeof exportResultsQuery>) {
      readable(s, q.zoneId);
      const latest = await repo.latestRun(db, q.zoneId, q.year);
      const { items } = await repo.listResults(db, s, { ...q, page: 1, pageSize: 200 }, false);
      return { run: latest ? presentRun(latest) : null, items };
    },

    async history(s: SessionContext, enterpriseId: string) {
      return (await repo.history(db, s, enterpriseId)).map((r) => ({
        zoneId: r.zone_id,
        zoneName: r.zone_name,
        year: Number(r.year),
        score: r.score == null ? null : Number(r.score),
        rank: r.rank,
        of: Number(r.of),
        grade: r.grade,
        missing: (r.missing ?? []) as never,
        runAt: new Date(r.run_at).toISOString(),
      }));
    },

    /**
     * For the province ranking (module kpis): per zone in the caller's scope (or `zoneIds`), the year's
     * 亩均税收 over the evaluated enterprises (Σ 税收 ÷ Σ 用地, yuan per 亩) and the class distribution.
     * Zones with no results are absent.
     */
    async zoneSummaries(s: Pick<SessionContext, 'scope'>, year: number, zoneIds?: readonly string[]) {
      return (await repo.zoneSummaries(db, s, year, zoneIds)).map((r) => {
        const land = r.land_mu == null ? 0 : Number(r.land_mu);
        const tax = r.tax_yuan == null ? 0 : Number(r.tax_yuan);
        return {
          zoneId: r.zone_id,
          year,
          taxPerMuYuan: land > 0 ? Math.round(tax / land) : null,
          landMu: land,
          taxYuan: tax,
          grades: { A: Number(r.a), B: Number(r.b), C: Number(r.c), D: Number(r.d) },
          incomplete: Number(r.incomplete),
        };
      });
    },
  };
}

export type LandEfficiencyService = ReturnType<typeof createLandEfficiencyService>;
