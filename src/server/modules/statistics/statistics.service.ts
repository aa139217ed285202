/**
 * Statistics from outside (统计局 figures) and 开发区考核. Values are saved all or nothing, each cell
 * checked against the catalogue (unit, kind, periodicity), the version read and the land rule
 * (闲置 ≤ 已供地); every save appends a revision and an audit entry. Growth is derived year on year
 * from stored values; the 统计局's own growth figures are indicators of their own (docs/statistics.md).
 */
import type { z } from 'zod';
import type { FieldError } from '../../../contract/errors.ts';
import {
  acceptsPeriod,
  indicatorByCode,
  indicators,
  parsePeriod,
  periodRange,
  previousPeriodKey,
  samePeriodLastYear,
  type IndicatorDef,
  type StatPeriodKind,
} from '../../../contract/statistics-indicators.ts';
import type {
  AssessmentItem,
  Cutoffs,
  computeBody,
  gridQuery,
  historyQuery,
  resultsQuery,
  saveGridBody,
  saveSchemeBody,
  trendQuery,
} from '../../../contract/statistics.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type Actor, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { can, inScope } from '../../platform/policies.ts';
import { assessableKpis } from '../../../contract/kpis.ts';
import { gradeOf, itemKey, scoreZone } from './statistics.assessment.ts';
import type { StatisticsRepository, StoredValue, ValueRow } from './statistics.repository.ts';
import { growthPct, magnitude, parseStatValue, statNumber, statValueText, type ParsedValue } from './statistics.values.ts';

/** KPI figures for the assessment (the kpis module's, when the app has one): zone → code → value for the year. */
export type KpiReader = (db: DbOrTx, zoneIds: readonly string[], year: number, codes: readonly string[]) => Promise<Map<string, Map<string, number | null>>>;

export interface StatisticsDeps {
  db: Db;
  repo: StatisticsRepository;
  audit: AuditWriter;
  clock: Clock;
  kpis?: KpiReader;
  /** The province whose schemes the assessment reads (GB/T 2260, 6 digits). */
  provinceCode?: string;
}

export interface CellChange {
  indicator: string;
  period: string;
  value: string | number | null;
  version: number | null;
  source?: string | null;
}

const DEFAULT_SOURCE = '统计局';
const keyOf = (indicator: string, period: string) => `${indicator}|${period}`;

function currentPeriod(kind: StatPeriodKind, today: string): string {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  if (kind === 'year') return y;
  if (kind === 'quarter') return `${y}Q${Math.ceil(m / 3)}`;
  return today.slice(0, 7);
}

/** The periods of a grid or trend: as asked, else this year's months / the last 8 quarters / the last 6 years. */
export function periodsOf(kind: StatPeriodKind, today: string, from?: string, to?: string): string[] {
  const last = to ?? currentPeriod(kind, today);
  let first = from;
  if (!first) {
    if (kind === 'month') first = `${last.slice(0, 4)}-01`;
    else {
      first = last;
      for (let i = 1; i < (kind === 'quarter' ? 8 : 6); i++) first = previousPeriodKey(first);
    }
  }
  if (parsePeriod(first)?.kind !== kind || parsePeriod(last)?.kind !== kind || first > last) throw fieldError('from', 'stat_range_order');
  const periods = periodRange(first, last);
  if (periods.length > 60) throw fieldError('from', 'stat_range_too_long');
  return periods;
}

export function createStatisticsService({ db, repo, audit, clock, kpis, provinceCode = '140000' }: StatisticsDeps) {
  const today = () => chinaToday(clock);
  // A zone the caller does not cover is a field error of the request (as every list's zoneId), not a record's 404.
  const requireZone = (s: SessionContext, zoneId: string) => {
    if (!inScope(s, zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
  };

  const presentCell = (row: ValueRow & { revisions?: number }) => {
    const indicator = indicatorByCode.get(row.indicator)!;
    return {
      indicator: row.indicator as IndicatorDef['code'] as never,
      period: row.period,
      value: statValueText(indicator, row) ?? '',
      amountYuan: row.amountYuan == null ? null : Number(row.amountYuan),
      quantity: row.quantity == null ? null : Number(row.quantity),
      source: row.source,
      enteredByName: row.enteredByName,
      enteredAt: new Date(row.enteredAt).toISOString(),
      version: Number(row.version),
      revisions: Number(row.revisions ?? 1),
    };
  };

  /** Year-on-year growth of every non-ratio cell whose same period last year is stored. */
  function derivedGrowth(rows: readonly (ValueRow | StoredValue)[], periods: readonly string[]) {
    const byKey = new Map(rows.map((r) => [keyOf(r.indicator, r.period), r]));
    const out: { indicator: never; period: string; pct: number }[] = [];
    for (const ind of indicators) {
      if (ind.kind === 'ratio') continue;
      for (const p of periods) {
        const pct = growthPct(
          magnitude(byKey.get(keyOf(ind.code, p)) as StoredValue),
          magnitude(byKey.get(keyOf(ind.code, samePeriodLastYear(p))) as StoredValue),
        );
        if (pct != null) out.push({ indicator: ind.code as never, period: p, pct });
      }
    }
    return out;
  }

  /**
   * Checks and writes cells of one zone in `tx` (grid and import): all or nothing. Errors name the
   * cell (`cells.<i>.value`); a stale version alone answers VERSION_CONFLICT with the cells.
   */
  async function writeCellsInTx(
    tx: DbOrTx,
    actor: Actor & { userId: string | null; displayName: string },
    zoneId: string,
    changes: readonly CellChange[],
    via: 'grid' | 'import' | 'seed',
  ) {
    const fields: FieldError[] = [];
    const stale: FieldError[] = [];
    const day = today();
    const parsed: {
      i: number;
      ind: IndicatorDef;
      period: string;
      periodKind: StatPeriodKind;
      value: ParsedValue | null;
      version: number | null;
      source: string | null;
    }[] = [];
    changes.forEach((c, i) => {
      const ind = indicatorByCode.get(c.indicator);
      if (!ind) return void fields.push({ field: `cells.${i}.indicator`, reason: 'stat_unknown_indicator' });
      const p = parsePeriod(c.period);
      if (!p) return void fields.push({ field: `cells.${i}.period`, reason: 'stat_period' });
      if (!acceptsPeriod(ind, p.kind)) return void fields.push({ field: `cells.${i}.period`, reason: 'stat_period_not_reported' });
      if (p.start > day) return void fields.push({ field: `cells.${i}.period`, reason: 'stat_period_future' });
      let value: ParsedValue | null = null;
      if (c.value != null && String(c.value).trim() !== '') {
        const v = parseStatValue(ind, c.value);
        if ('reason' in v) return void fields.push({ field: `cells.${i}.value`, reason: v.reason });
        value = v;
      }
      parsed.push({ i, ind, period: p.key, periodKind: p.kind, value, version: c.version, source: c.source?.trim() || DEFAULT_SOURCE });
    });
    // The last of two changes of one cell wins.
    const byCell = new Map(parsed.map((p) => [keyOf(p.ind.code, p.period), p]));
    const current = new Map(
      (await repo.cells(tx, zoneId, [...new Set([...byCell.values()].map((p) => p.period))], [...new Set([...byCell.values()].map((p) => p.ind.code))])).map(
        (r) => [keyOf(r.indicator, r.period), r],
      ),
    );
    // 闲置 ≤ 已供地 for each period, on the figures as they will stand.
    const landPeriods = new Set([...byCell.values()].filter((p) => p.ind.code === 'idle_land' || p.ind.code === 'supplied_land').map((p) => p.period));
    if (landPeriods.size) {
      const land = new Map((await repo.cells(tx, zoneId, [...landPeriods], ['idle_land', 'supplied_land'])).map((r) => [keyOf(r.indicator, r.period), r]));
      for (const period of landPeriods) {
        const read = (code: string) => {
          const change = byCell.get(keyOf(code, period));
          if (change) return change.value?.quantity ?? null;
          const row = land.get(keyOf(code, period));
          return row?.quantity == null ? null : Number(row.quantity);
        };
        const idle = read('idle_land');
        const supplied = read('supplied_land');
        if (idle != null && supplied != null && idle > supplied) {
          const at = byCell.get(keyOf('idle_land', period)) ?? byCell.get(keyOf('supplied_land', period))!;
          fields.push({ field: `cells.${at.i}.value`, reason: 'stat_idle_above_supplied' });
        }
      }
    }
    const inserts: Parameters<StatisticsRepository['insertValues']>[1] = [];
    const updates: { row: ValueRow; change: (typeof parsed)[number] }[] = [];
    const clears: { row: ValueRow; change: (typeof parsed)[number] }[] = [];
    for (const change of byCell.values()) {
      const row = current.get(keyOf(change.ind.code, change.period));
      if (row) {
        if (change.version !== Number(row.version)) {
          stale.push({ field: `cells.${change.i}.value`, reason: 'stat_stale' });
          continue;
        }
        const same = (a: unknown, b: unknown) => (a == null ? b == null : b != null && Number(a) === Number(b));
        if (!change.value) clears.push({ row, change });
        else if (!same(row.amountYuan, change.value.amountYuan) || !same(row.quantity, change.value.quantity) || row.source !== change.source)
          updates.push({ row, change });
      } else if (change.value) {
        if (change.version != null) {
          stale.push({ field: `cells.${change.i}.value`, reason: 'stat_stale' });
          continue;
        }
        inserts.push({
          zoneId,
          indicator: change.ind.code,
          period: change.period,
          periodKind: change.periodKind,
          amountYuan: change.value.amountYuan,
          quantity: change.value.quantity == null ? null : String(change.value.quantity),
          source: change.source,
          enteredBy: actor.userId,
          enteredByName: actor.displayName,
          enteredAt: clock(),
        });
      }
    }
    if (fields.length) throw new AppError('VALIDATION_FAILED', { fields: [...fields, ...stale] });
    if (stale.length) throw new AppError('VERSION_CONFLICT', { fields: stale });

    const at = clock();
    // A value entered again after a clear continues its cell's numbering.
    const lastVersions = await repo.lastVersions(
      tx,
      zoneId,
      inserts.map((r) => ({ indicator: r.indicator, period: r.period })),
    );
    const inserted = await repo.insertValues(
      tx,
      inserts.map((r) => ({ ...r, version: (lastVersions.get(keyOf(r.indicator, r.period)) ?? 0) + 1 })),
    );
    const written: ValueRow[] = [...inserted];
    for (const { row, change } of updates) {
      written.push(
        await repo.updateValue(tx, row.id, Number(row.version), {
          amountYuan: change.value!.amountYuan,
          quantity: change.value!.quantity == null ? null : String(change.value!.quantity),
          source: change.source,
          enteredBy: actor.userId,
          enteredByName: actor.displayName,
          enteredAt: at,
        }),
      );
    }
    for (const { row } of clears) if (!(await repo.deleteValue(tx, row.id, Number(row.version)))) throw new AppError('VERSION_CONFLICT');
    await repo.insertRevisions(tx, [
      ...written.map((w) => ({
        zoneId,
        indicator: w.indicator,
        period: w.period,
        version: Number(w.version),
        amountYuan: w.amountYuan,
        quantity: w.quantity,
        source: w.source,
        via,
        enteredBy: actor.userId,
        enteredByName: actor.displayName,
        enteredAt: at,
      })),
      ...clears.map(({ row }) => ({
        zoneId,
        indicator: row.indicator,
        period: row.period,
        version: Number(row.version) + 1,
        amountYuan: null,
        quantity: null,
        source: row.source,
        via,
        enteredBy: actor.userId,
        enteredByName: actor.displayName,
        enteredAt: at,
      })),
    ]);
    if (via !== 'seed') {
      const before = new Map([...updates, ...clears].map(({ row }) => [row.id, row]));
      for (const w of written) {
        const b = before.get(w.id);
        await audit(tx, actor, {
          zoneId,
          action: b ? 'statistics.value.update' : 'statistics.value.create',
          entityType: 'statistic_value',
          entityId: w.id,
          before: b ? { indicator: b.indicator, period: b.period, value: statValueText(indicatorByCode.get(b.indicator)!, b), source: b.source } : undefined,
          after: { indicator: w.indicator, period: w.period, value: statValueText(indicatorByCode.get(w.indicator)!, w), source: w.source, via },
        });
      }
      for (const { row } of clears)
        await audit(tx, actor, {
          zoneId,
          action: 'statistics.value.clear',
          entityType: 'statistic_value',
          entityId: row.id,
          before: { indicator: row.indicator, period: row.period, value: statValueText(indicatorByCode.get(row.indicator)!, row), source: row.source },
        });
    }
    return { written, cleared: clears.length, unchanged: byCell.size - written.length - clears.length };
  }

  const actorFor = (s: SessionContext, requestId?: string) => ({ ...actorOf(s, requestId), userId: s.user.id, displayName: s.user.displayName });

  // ---- assessment helpers
  const sessionProvince = (s: SessionContext) => (s.user.regionCode ? `${s.user.regionCode.slice(0, 2)}0000` : provinceCode);
  const presentScheme = (s: SessionContext, r: Awaited<ReturnType<StatisticsRepository['listSchemes']>>[number]) => ({
    id: r.id,
    year: Number(r.year),
    name: r.name,
    items: r.items as AssessmentItem[],
    cutoffs: r.cutoffs as Cutoffs,
    version: Number(r.version),
    updatedAt: new Date(r.updatedAt).toISOString(),
    canEdit: can(s, 'assessment.manage'),
  });

  function checkScheme(body: z.output<typeof saveSchemeBody>) {
    const fields: FieldError[] = [];
    const total = Math.round(body.items.reduce((n, i) => n + i.weight, 0) * 100);
    if (total !== 10_000) fields.push({ field: 'items', reason: 'assessment_weights_sum' });
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (seen.has(itemKey(item))) fields.push({ field: `items.${i}.code`, reason: 'assessment_item_twice' });
      seen.add(itemKey(item));
      if (item.source === 'statistic') {
        const ind = indicatorByCode.get(item.code);
        if (!ind) fields.push({ field: `items.${i}.code`, reason: 'stat_unknown_indicator' });
        else if (ind.kind === 'ratio' && item.measure !== 'value') fields.push({ field: `items.${i}.measure`, reason: 'assessment_measure_ratio' });
      } else if (!kpis || !Object.hasOwn(assessableKpis, item.code)) fields.push({ field: `items.${i}.code`, reason: 'assessment_kpi_unavailable' });
      else if (item.measure !== 'value') fields.push({ field: `items.${i}.measure`, reason: 'assessment_measure_ratio' });
    });
    const c = body.cutoffs;
    if (!(c.excellent > c.good && c.good > c.pass && c.pass > c.basicPass)) fields.push({ field: 'cutoffs', reason: 'assessment_cutoffs_order' });
    if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  }

  /** The figures the items read for the year, per zone (statistics: the year, else December, else Q4). */
  async function readingsFor(dbx: DbOrTx, s: Pick<SessionContext, 'scope'>, zoneIds: readonly string[], year: number, items: readonly AssessmentItem[]) {
    const codes = new Set<string>();
    for (const item of items.filter((i) => i.source === 'statistic')) {
      codes.add(item.code);
      if (item.measure === 'per_mu') codes.add('supplied_land');
    }
    const periods = [String(year), `${year}-12`, `${year}Q4`, String(year - 1), `${year - 1}-12`, `${year - 1}Q4`];
    const values = await repo.values(dbx, s, { zoneIds, indicators: [...codes], periods });
    const map = new Map(values.map((v) => [`${v.zoneId}|${v.indicator}|${v.period}`, v]));
    const yearValue = (zoneId: string, code: string, y: number) =>
      map.get(`${zoneId}|${code}|${y}`) ?? map.get(`${zoneId}|${code}|${y}-12`) ?? map.get(`${zoneId}|${code}|${y}Q4`);
    const kpiCodes = items.filter((i) => i.source === 'kpi').map((i) => i.code);
    const kpiValues = kpis && kpiCodes.length ? await kpis(dbx, zoneIds, year, kpiCodes) : new Map<string, Map<string, number | null>>();
    return (zoneId: string, item: AssessmentItem): number | null => {
      if (item.source === 'kpi') return kpiValues.get(zoneId)?.get(item.code) ?? null;
      const ind = indicatorByCode.get(item.code);
      if (!ind) return null;
      const now = yearValue(zoneId, item.code, year);
      if (item.measure === 'value') return statNumber(now, ind);
      if (item.measure === 'growth') return growthPct(magnitude(now), magnitude(yearValue(zoneId, item.code, year - 1)));
      const land = statNumber(yearValue(zoneId, 'supplied_land', year), indicatorByCode.get('supplied_land')!);
      const v = statNumber(now, ind);
      return v == null || !land ? null : v / land;
    };
  }

  async function computeInTx(tx: DbOrTx, s: SessionContext, actor: Actor & { userId: string | null; displayName: string }, year: number, zoneId?: string) {
    const scheme = await repo.scheme(tx, sessionProvince(s), year);
    if (!scheme) throw fieldError('year', 'assessment_no_scheme');
    const zones = await repo.zones(tx, s, zoneId);
    if (!zones.length) return 0;
    const items = scheme.items as AssessmentItem[];
    const read = await readingsFor(
      tx,
      s,
      zones.map((z) => z.id),
      year,
      items,
    );
    const at = clock();
    const rows = zones.map((z) => {
      const { items: scored, scoreCenti } = scoreZone(items, (item) => read(z.id, item));
      return {
        zoneId: z.id,
        year,
        schemeId: scheme.id,
        schemeVersion: Number(scheme.version),
        scoreCenti,
        grade: gradeOf(scoreCenti, scheme.cutoffs as Cutoffs),
        details: scored,
        computedBy: actor.userId,
        computedByName: actor.displayName,
        computedAt: at,
      };
    });
    const inserted = await repo.replaceResults(tx, year, rows);
    await audit(tx, actor, {
      zoneId: zoneId ?? null,
      action: 'assessment.compute',
      entityType: 'assessment_scheme',
      entityId: scheme.id,
      after: { year, zones: inserted.length, schemeVersion: Number(scheme.version) },
    });
    return inserted.length;
  }

  return {
    today,
    zoneName: (zoneId: string) => repo.zoneName(db, zoneId),

    async grid(s: SessionContext, q: z.output<typeof gridQuery>) {
      requireZone(s, q.zoneId);
      const periods = periodsOf(q.kind, today(), q.from, q.to);
      const rows = await repo.cells(db, q.zoneId, [...periods, ...periods.map(samePeriodLastYear)]);
      const shown = new Set(periods);
      return {
        zoneId: q.zoneId,
        zoneName: (await repo.zoneName(db, q.zoneId)) ?? '',
        kind: q.kind,
        periods,
        cells: rows.filter((r) => shown.has(r.period)).map(presentCell),
        derivedGrowth: derivedGrowth(rows, periods),
        canEdit: can(s, 'statistics.enter', q.zoneId),
      };
    },

    async saveGrid(s: SessionContext, body: z.output<typeof saveGridBody>, requestId?: string) {
      requireZone(s, body.zoneId);
      if (!can(s, 'statistics.enter', body.zoneId)) throw new AppError('FORBIDDEN');
      const result = await db.transaction((tx) => writeCellsInTx(tx, actorFor(s, requestId), body.zoneId, body.cells, 'grid'));
      return { saved: result.written.length, cleared: result.cleared, unchanged: result.unchanged, cells: result.written.map(presentCell) };
    },

    /** For the importer (inside the engine's transaction). */
    writeCellsInTx,
    actorFor,

    async history(s: SessionContext, q: z.output<typeof historyQuery>) {
      requireZone(s, q.zoneId);
      const ind = indicatorByCode.get(q.indicator)!;
      return (await repo.history(db, q.zoneId, q.indicator, q.period)).map((r) => ({
        version: Number(r.version),
        value: statValueText(ind, r),
        source: r.source,
        via: r.via,
        enteredByName: r.enteredByName,
        enteredAt: new Date(r.enteredAt).toISOString(),
      }));
    },

    async trend(s: SessionContext, q: z.output<typeof trendQuery>) {
      requireZone(s, q.zoneId);
      const ind = indicatorByCode.get(q.indicator)!;
      const periods = periodsOf(q.kind, today(), q.from, q.to);
      const growthInd = indicators.find((i) => 'growthOf' in i && i.growthOf === q.indicator);
      const rows = await repo.cells(db, q.zoneId, [...periods, ...periods.map(samePeriodLastYear)], [q.indicator, ...(growthInd ? [growthInd.code] : [])]);
      const byKey = new Map(
        rows.map((r) => [
          keyOf(r.indicator, r.period),
          { ...r, amountYuan: r.amountYuan == null ? null : Number(r.amountYuan), quantity: r.quantity == null ? null : Number(r.quantity) },
        ]),
      );
      return {
        indicator: q.indicator,
        kind: q.kind,
        points: periods.map((p) => {
          const v = byKey.get(keyOf(q.indicator, p));
          const g = growthInd ? byKey.get(keyOf(growthInd.code, p)) : undefined;
          return {
            period: p,
            value: v ? statValueText(ind, v) : null,
            number: statNumber(v, ind),
            reportedGrowthPct: g?.quantity ?? null,
            derivedGrowthPct: ind.kind === 'ratio' ? null : growthPct(magnitude(v), magnitude(byKey.get(keyOf(q.indicator, samePeriodLastYear(p))))),
          };
        }),
      };
    },

    /** Values for zones × indicators × periods (the province ranking reads these). */
    values: (dbx: DbOrTx, s: Pick<SessionContext, 'scope'>, q: { zoneIds?: readonly string[]; indicators: readonly string[]; periods: readonly string[] }) =>
      repo.values(dbx, s, q),
    /** Per zone: the latest and the previous stored period of an indicator. */
    latestPerZone: (
      dbx: DbOrTx,
      s: Pick<SessionContext, 'scope'>,
      q: { indicator: string; kind: StatPeriodKind; zoneIds?: readonly string[]; upTo?: string },
    ) => repo.latestPerZone(dbx, s, q),

    // ---- 考核
    async listSchemes(s: SessionContext) {
      return (await repo.listSchemes(db, sessionProvince(s))).map((r) => presentScheme(s, r));
    },
    async saveScheme(s: SessionContext, year: number, body: z.output<typeof saveSchemeBody>, requestId?: string) {
      checkScheme(body);
      const region = sessionProvince(s);
      return db.transaction(async (tx) => {
        const existing = await repo.scheme(tx, region, year);
        const actor = actorOf(s, requestId);
        if (!existing) {
          if (body.version != null) throw new AppError('VERSION_CONFLICT');
          const row = await repo.insertScheme(tx, { regionCode: region, year, name: body.name, items: body.items, cutoffs: body.cutoffs });
          await audit(tx, actor, { zoneId: null, action: 'assessment.scheme.create', entityType: 'assessment_scheme', entityId: row.id, after: row });
          return presentScheme(s, row);
        }
        if (body.version == null) throw new AppError('VERSION_CONFLICT', { currentVersion: existing.version });
        const row = await repo.updateScheme(tx, existing.id, body.version, { name: body.name, items: body.items, cutoffs: body.cutoffs });
        await audit(tx, actor, {
          zoneId: null,
          action: 'assessment.scheme.update',
          entityType: 'assessment_scheme',
          entityId: row.id,
          before: existing,
          after: row,
        });
        return presentScheme(s, row);
      });
    },
    async compute(s: SessionContext, body: z.output<typeof computeBody>, requestId?: string) {
      if (body.zoneId) requireZone(s, body.zoneId);
      const computed = await db.transaction((tx) => computeInTx(tx, s, actorFor(s, requestId), body.year, body.zoneId));
      return { computed };
    },
    computeInTx,
    async results(s: SessionContext, q: z.output<typeof resultsQuery>) {
      if (q.zoneId) requireZone(s, q.zoneId);
      return (await repo.results(db, s, { year: q.year, zoneId: q.zoneId, history: q.history === 'true' })).map((r) => ({
        id: r.id,
        zoneId: r.zoneId,
        zoneName: r.zoneName,
        year: Number(r.year),
        score: Number(r.scoreCenti) / 100,
        grade: r.grade,
        items: r.details as never,
        schemeVersion: Number(r.schemeVersion),
        current: r.current,
        computedByName: r.computedByName,
        computedAt: new Date(r.computedAt).toISOString(),
      }));
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
