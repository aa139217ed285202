/**
 * Zone KPIs (docs/kpis.md): the refresh that rebuilds a zone's summaries from the records (the
 * job's work, and on demand), and the reads of the 驾驶舱 and the ranking from the summaries.
 * Figures owned by other modules come from their own derivations: the signed amount from the leads
 * module's counting rule (in the repository's SQL), 三个一批 from dispatch's zoneRates, chain
 * completeness from the chains module's chain stats, flags from projects (made fresh first).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../contract/errors.ts';
import { assessableKpis, lowerIsBetter, rankIndicators, type kpiDashboardQuery, type KpiDashboard, type KpiRanking, type kpiRankingQuery, type KpiServices, type RankIndicator } from '../../../contract/kpis.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { can } from '../../platform/policies.ts';
import { zoneScope } from '../../platform/scope.ts';
import { dashboardFigures, indicatorValue, monthKey, rankSources, type AggRow, type Reader, type Window, yearWindow } from './kpis.figures.ts';
import { zonesIn, type KpiRow, type KpisRepository, type ZoneSet } from './kpis.repository.ts';

/** What the KPIs read from other modules (their public services). */
export interface KpiSources {
  /** Recomputes flags computed on an earlier day (projects.ensureFresh). */
  ensureFlagsFresh?: () => Promise<void>;
  /** 三个一批 per zone and campaign (dispatch.campaigns.zoneRates). */
  campaignRates?: (s: SessionContext, year: number) => Promise<
    { zoneId: string; batches: { quarter: number; rates: Record<'signing' | 'start' | 'production' | 'output', { planned: number; done: number }> }[] }[]
  >;
  /** The chains of the zones with their link counts (chains.list). */
  chains?: (s: SessionContext, zoneId?: string) => Promise<{ zoneId: string; stats: { links: number; filled: number } }[]>;
  /** Stored 统计局 figures within the caller's scope (statistics.values). */
  statistics?: (
    s: SessionContext,
    q: { zoneIds: readonly string[]; indicators: readonly string[]; periods: readonly string[] },
  ) => Promise<{ zoneId: string; indicator: string; period: string; amountYuan: number | null; quantity: number | null }[]>;
  /** 向上争取资金 of the caller's zones (or one): the funding module's summary (funding.summaryFigures). */
  funding?: (
    s: SessionContext,
    q: { zoneId?: string; year?: number },
    locale: Locale,
  ) => Promise<{ text: string; reserve: number; applied: number; contacts: number; grantedYuan: number }>;
  /** 揽才 totals of the caller's zones (or one): the hiring module's summary (hiring.summary). */
  hiring?: (s: SessionContext, q: { zoneId?: string }, locale: Locale) => Promise<{ text: string; positions: number; posts: number; enterprises: number; filled: number }>;
  /** 银企对接 by quarter of the caller's zones (or one): the finance module's summary (finance.summary). */
  finance?: (
    s: SessionContext,
    q: { zoneId?: string; year?: number },
    locale: Locale,
  ) => Promise<{ text: string; quarters: { quarter: string; events: number; referrals: number; granted: number; grantedYuan: number }[] }>;
}

const statCodes = ['industrial_investment', 'industrial_output', 'above_scale_enterprises', 'tax_revenue', 'developed_area'] as const;

/** The server's own reader: every zone, as an administrator sees them. */
const systemSession: SessionContext = {
  tokenHash: '',
  csrfToken: '',
  user: { id: '00000000-0000-0000-0000-000000000000', username: 'system', displayName: 'system', role: 'system_admin', locale: 'zh-CN', mustChangePassword: false, regionCode: null },
  scope: { all: true, zoneIds: [], rule: { kind: 'all' } },
};

/** A window's figures summed as a reader reads them: by indicator, and by indicator and dimension. */
function addFigure(sums: Map<string, number>, indicator: string, dimension: string, value: number) {
  sums.set(indicator, (sums.get(indicator) ?? 0) + value);
  const key = `${indicator}|${dimension}`;
  sums.set(key, (sums.get(key) ?? 0) + value);
}
const readerOfSums =
  (sums: Map<string, number> | undefined): Reader =>
  (indicator, dimension) =>
    sums?.get(dimension === undefined ? indicator : `${indicator}|${dimension}`) ?? 0;

const monthOfDay = (day: string) => `${day.slice(0, 7)}-01`;
const shiftMonth = (month: string, by: number) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + by;
  return monthKey(y + Math.floor(m / 12), ((m % 12) + 12) % 12 + 1);
};

export function createKpisService(deps: { db: Db; repo: KpisRepository; clock: Clock; sources: KpiSources }) {
  const { db, repo, clock, sources } = deps;
  const today = () => chinaToday(clock);
  /** Flows are kept from January of last year (this year's growth needs last year's months). */
  const rangeOf = (day: string) => ({ fromMonth: monthKey(Number(day.slice(0, 4)) - 1, 1), currentMonth: monthOfDay(day), today: day });

  /** Every figure of the zones, computed now from the records. */
  async function fromScratch(zoneIds: readonly string[]): Promise<KpiRow[]> {
    if (zoneIds.length === 0) return [];
    await sources.ensureFlagsFresh?.();
    const range = rangeOf(today());
    const wanted = new Set(zoneIds);
    const rows = await repo.fromScratch(db, zonesIn(zoneIds), range);
    const one = zoneIds.length === 1 ? zoneIds[0] : undefined;
    const chains = (await sources.chains?.(systemSession, one)) ?? [];
    const links = new Map<string, { links: number; filled: number }>();
    for (const c of chains) {
      if (!wanted.has(c.zoneId)) continue;
      const cur = links.get(c.zoneId) ?? { links: 0, filled: 0 };
      links.set(c.zoneId, { links: cur.links + c.stats.links, filled: cur.filled + c.stats.filled });
    }
    for (const [zoneId, l] of links) {
      if (l.links) rows.push({ zoneId, month: range.currentMonth, indicator: 'chain_links', dimension: '', value: l.links });
      if (l.filled) rows.push({ zoneId, month: range.currentMonth, indicator: 'chain_links_filled', dimension: '', value: l.filled });
    }
    if (sources.campaignRates) {
      const year = Number(range.today.slice(0, 4));
      for (const y of [year - 1, year]) {
        for (const z of await sources.campaignRates(systemSession, y)) {
          if (!wanted.has(z.zoneId)) continue;
          for (const b of z.batches) {
            const month = monthKey(y, (b.quarter - 1) * 3 + 1);
            for (const key of ['signing', 'start', 'production', 'output'] as const) {
              const r = b.rates[key];
              if (r.planned) rows.push({ zoneId: z.zoneId, month, indicator: 'campaign_planned', dimension: key, value: r.planned });
              if (r.done) rows.push({ zoneId: z.zoneId, month, indicator: 'campaign_done', dimension: key, value: r.done });
            }
          }
        }
      }
    }
    return rows;
  }

  /** Rebuilds the zones' summaries from the records, in one transaction. */
  async function refresh(zoneIds: readonly string[]) {
    const auditId = await repo.lastAuditId(db);
    const rows = await fromScratch(zoneIds);
    const range = rangeOf(today());
    const at = clock();
    await db.transaction((tx) => repo.replace(tx, zoneIds, rows, { ...range, at, auditId }));
    return { rows: rows.length, at };
  }

  /** The caller's zones, or the one asked for (a zone outside them matches nothing, as lists do). */
  function zoneSetOf(s: SessionContext, zoneId?: string): ZoneSet {
    return (col) => zoneScope(s, col, zoneId);
  }

  /**
   * 企业服务 lines, live from their modules with the caller's session and the same zone (so a
   * province viewer gets the sum over their zones, as on those modules' pages). Without a year they
   * are the pages' defaults: funding over all years, finance's latest of the last four quarters.
   */
  async function servicesOf(s: SessionContext, q: { zoneId?: string; year?: number }, locale: Locale, auditId: number): Promise<KpiServices> {
    // The three summaries are read live, but the same caller's 驾驶舱 is opened far more often than
    // records change: kept while no audit entry was written since (every write is audited in its
    // transaction, decision 005) and for at most a minute (a transaction committing late with an
    // older entry id is seen within that minute), per scope, zone, year, language and day.
    const key = JSON.stringify([s.scope.all ? 'all' : s.scope.rule, q.zoneId ?? null, q.year ?? null, locale, today()]);
    const hit = servicesCache.get(key);
    if (hit && hit.auditId === auditId && clock().getTime() - hit.at < 60_000) return hit.value;
    const value = await readServices(s, q, locale);
    if (servicesCache.size >= 500) servicesCache.delete(servicesCache.keys().next().value!);
    servicesCache.set(key, { auditId, at: clock().getTime(), value });
    return value;
  }
  const servicesCache = new Map<string, { auditId: number; at: number; value: KpiServices }>();

  async function readServices(s: SessionContext, q: { zoneId?: string; year?: number }, locale: Locale): Promise<KpiServices> {
    const [funding, hiring, finance] = await Promise.all([
      sources.funding?.(s, { zoneId: q.zoneId, year: q.year }, locale),
      sources.hiring?.(s, { zoneId: q.zoneId }, locale),
      sources.finance?.(s, { zoneId: q.zoneId, year: q.year }, locale),
    ]);
    const latest = finance?.quarters.at(-1);
    return {
      funding: funding ? { text: funding.text, reserve: funding.reserve, applied: funding.applied, contacts: funding.contacts, grantedYuan: funding.grantedYuan } : null,
      hiring: hiring ? { text: hiring.text, positions: hiring.positions, posts: hiring.posts, enterprises: hiring.enterprises, filled: hiring.filled } : null,
      finance:
        finance && latest
          ? { text: finance.text, quarter: latest.quarter, events: latest.events, referrals: latest.referrals, granted: latest.granted, grantedYuan: latest.grantedYuan }
          : null,
    };
  }

  const yearOf = (y?: number) => y ?? Number(today().slice(0, 4));
  const throughOf = (year: number) => {
    const cur = monthOfDay(today());
    return year === Number(cur.slice(0, 4)) ? cur : monthKey(year, 12);
  };

  const dashboardCache = new Map<string, { auditId: number; at: number; value: KpiDashboard }>();
  async function readDashboard(
    s: SessionContext,
    q: z.infer<typeof kpiDashboardQuery>,
    locale: Locale,
    auditId: number,
    refreshes: { zoneId: string; refreshedAt: Date; asOf: string }[],
  ): Promise<KpiDashboard> {
    const zones = zoneSetOf(s, q.zoneId);
    const year = yearOf(q.year);
    const through = throughOf(year);
    const [rows, slipped, zoneRows, services] = await Promise.all([
      repo.aggregated(db, zones, monthKey(year, 1), through),
      repo.slipped(db, zones, 8),
      repo.zones(db, zones),
      servicesOf(s, q, locale, auditId),
    ]);
    return {
      year,
      asOf: refreshes.reduce((m, r) => (r.asOf < m ? r.asOf : m), today()),
      refreshedAt: refreshes.length ? new Date(Math.min(...refreshes.map((r) => r.refreshedAt.getTime()))).toISOString() : null,
      zones: zoneRows.map((z) => ({ id: z.id, shortName: z.short_name })),
      ...dashboardFigures(rows, year, through),
      slipped: slipped.map((p) => ({ id: p.id, zoneId: p.zone_id, name: p.name, flag: p.flag, reasons: Array.isArray(p.flag_reasons) ? (p.flag_reasons as KpiDashboard['slipped'][number]['reasons']) : [] })),
      services,
    };
  }


  return {
    fromScratch,
    refresh,

    /** The job: refresh the zones whose records changed since (or whose day moved on). */
    async refreshStale() {
      const stale = await repo.staleZones(db, today());
      if (stale.length > 0) await refresh(stale);
      return stale;
    },

    /** 刷新: one zone of the caller's, now. */
    async refreshZone(s: SessionContext, zoneId: string) {
      if (!can(s, 'kpis.refresh', zoneId)) throw can(s, 'kpis.read', zoneId) ? forbidden() : notFound();
      const { rows, at } = await refresh([zoneId]);
      return { zoneId, refreshedAt: at.toISOString(), rows };
    },

    /**
     * The year's KPIs of the zones for the 考核 (statistics' KpiReader): zone → code → value in the
     * unit `assessableKpis` gives (万元, %, count), the year to date for this year. Codes that are
     * not assessable read nothing.
     */
    async assessmentValues(dbx: DbOrTx, zoneIds: readonly string[], year: number, codes: readonly string[]) {
      const out = new Map<string, Map<string, number | null>>();
      const wanted = codes.filter((c): c is keyof typeof assessableKpis => Object.hasOwn(assessableKpis, c));
      if (!zoneIds.length || !wanted.length) return out;
      const sums = await repo.windowSums(dbx, zonesIn(zoneIds), [yearWindow(year, throughOf(year))], rankSources);
      const byZone = new Map<string, Map<string, number>>();
      for (const r of sums) {
        const m = byZone.get(r.zoneId) ?? new Map<string, number>();
        byZone.set(r.zoneId, m);
        addFigure(m, r.indicator, r.dimension, r.values[0]!);
      }
      for (const zoneId of zoneIds) {
        const get = readerOfSums(byZone.get(zoneId));
        const values = new Map<string, number | null>();
        for (const code of wanted) {
          const v = indicatorValue(code, get);
          const unit = assessableKpis[code];
          values.set(code, v === null ? null : unit === 'wan' ? v / 10_000 : unit === 'percent' ? Math.round(v * 10_000) / 100 : v);
        }
        out.set(zoneId, values);
      }
      return out;
    },

    /** The 驾驶舱 figures computed from given rows (the read path, and the from-scratch check). */
    figures(rows: readonly AggRow[], year: number) {
      return dashboardFigures(rows, year, throughOf(year));
    },

    /**
     * The 驾驶舱 of the caller's zones (or one). Kept in memory, like the 企业服务 lines, per scope,
     * zone, year, language and day while no audit entry was written since and the zones' refreshes
     * are the same (the summaries change only by a refresh; the slipped projects and the services
     * by audited writes), for at most a minute: a hit costs one statement (repo.freshness).
     */
    async dashboard(s: SessionContext, q: z.infer<typeof kpiDashboardQuery>, locale: Locale = s.user.locale): Promise<KpiDashboard> {
      const zones = zoneSetOf(s, q.zoneId);
      const { auditId, refreshes } = await repo.freshness(db, zones);
      const key = JSON.stringify([
        s.scope.all ? 'all' : s.scope.rule,
        q.zoneId ?? null,
        q.year ?? null,
        locale,
        today(),
        refreshes.map((r) => [r.zoneId, r.refreshedAt.getTime(), r.asOf, r.auditId]).sort(),
      ]);
      const hit = dashboardCache.get(key);
      if (hit && hit.auditId === auditId && clock().getTime() - hit.at < 60_000) return hit.value;
      const value = await readDashboard(s, q, locale, auditId, refreshes);
      if (dashboardCache.size >= 500) dashboardCache.delete(dashboardCache.keys().next().value!);
      dashboardCache.set(key, { auditId, at: clock().getTime(), value });
      return value;
    },


    /**
     * Zones (or cities) ranked on one indicator, with every rankable indicator beside it: the year
     * to date, the same months of last year and the growth; the rank it had a month earlier.
     */
    async ranking(s: SessionContext, q: z.infer<typeof kpiRankingQuery>): Promise<KpiRanking> {
      const scope: ZoneSet = (col) => zoneScope(s, col);
      const zonesOfPrefix: ZoneSet = q.regionCode ? (col) => underRegion(scope(col), col, q.regionCode!) : scope;
      const year = yearOf(q.year);
      const through = throughOf(year);
      const cur = yearWindow(year, through);
      const prev: Window = { from: monthKey(year - 1, 1), to: shiftMonth(cur.to, -12) };
      const hasLast = cur.to > cur.from;
      const last: Window = hasLast ? { from: cur.from, to: shiftMonth(cur.to, -1) } : cur;
      const prevLast: Window = hasLast ? { from: prev.from, to: shiftMonth(prev.to, -1) } : prev;
      const windows = [cur, prev, last, prevLast];
      const statYear = year === Number(today().slice(0, 4)) ? year - 1 : year;
      const [zoneRows, sums] = await Promise.all([repo.zones(db, zonesOfPrefix), repo.windowSums(db, zonesOfPrefix, windows, rankSources)]);
      const stats = sources.statistics
        ? await sources.statistics(s, {
            zoneIds: zoneRows.map((z) => z.id),
            indicators: statCodes,
            periods: [statYear, statYear - 1].flatMap((y) => [`${y}`, `${y}Q4`]),
          })
        : [];
      const groupOf = new Map(zoneRows.map((z) => [z.id, q.groupBy === 'city' ? z.city_code : z.id]));
      const groups = new Map<string, { key: string; name: string; regionCode: string; cityName: string | null; zones: number }>();
      for (const z of zoneRows) {
        const key = groupOf.get(z.id)!;
        const g = groups.get(key);
        if (g) g.zones += 1;
        else groups.set(key, q.groupBy === 'city' ? { key, name: z.city_name ?? key, regionCode: `${key}00`, cityName: z.city_name, zones: 1 } : { key, name: z.short_name, regionCode: z.region_code, cityName: z.city_name, zones: 1 });
      }
      // Per group and window, the figures summed over the group's zones, as a reader reads them:
      // by indicator, and by indicator and dimension (a window's rows are already that window's figure).
      const sumsOf = new Map<string, Map<string, number>[]>();
      const add = (group: string, i: number, indicator: string, dimension: string, value: number) => {
        let maps = sumsOf.get(group);
        if (!maps) sumsOf.set(group, (maps = windows.map(() => new Map<string, number>())));
        addFigure(maps[i]!, indicator, dimension, value);
      };
      for (const r of sums) {
        const key = groupOf.get(r.zoneId);
        if (key) r.values.forEach((value, i) => value !== 0 && add(key, i, r.indicator, r.dimension, value));
      }
      // 统计局 figures: the stat year in this year's windows, the year before in last year's.
      const statOf = new Map<string, number>();
      for (const v of stats) {
        const magnitude = v.amountYuan ?? v.quantity;
        if (magnitude === null) continue;
        const y = v.period.slice(0, 4);
        const key = `${v.zoneId}|${v.indicator}|${y}`;
        if (!v.period.includes('Q') || !statOf.has(key)) statOf.set(key, Number(magnitude));
      }
      for (const z of zoneRows) {
        const key = groupOf.get(z.id)!;
        windows.forEach((_, i) => {
          const y = i % 2 === 0 ? statYear : statYear - 1;
          const value = (code: string) => statOf.get(`${z.id}|${code}|${y}`);
          const push = (indicator: string, v: number) => add(key, i, indicator, '', v);
          for (const code of statCodes) {
            const v = value(code);
            if (v === undefined) continue;
            push(`stat:${code}`, v);
            push(`stat_n:${code}`, 1);
          }
          const area = value('developed_area');
          for (const code of ['tax_revenue', 'industrial_output']) {
            const v = value(code);
            if (v === undefined || !area) continue;
            push(`stat_with_area:${code}`, v);
            push(`stat_both:${code}:developed_area`, area);
          }
        });
      }
      const readers = (key: string): Reader[] => windows.map((_, i) => readerOfSums(sumsOf.get(key)?.[i]));
      const growth = (v: number | null, p: number | null) => (v === null || p === null || p === 0 ? null : Math.round((v / p - 1) * 10_000) / 10_000);
      const rows = [...groups.values()].map((g) => {
        const [rc, rp, rl, rpl] = readers(g.key);
        const values = Object.fromEntries(
          rankIndicators.map((ind) => {
            const value = indicatorValue(ind, rc!);
            const previous = indicatorValue(ind, rp!);
            return [ind, { value, previous, growth: growth(value, previous) }];
          }),
        ) as KpiRanking['rows'][number]['values'];
        const basisValue = (a: Reader, b: Reader) => (q.basis === 'growth' ? growth(indicatorValue(q.indicator, a), indicatorValue(q.indicator, b)) : indicatorValue(q.indicator, a));
        return { ...g, values, score: basisValue(rc!, rp!), lastScore: hasLast ? basisValue(rl!, rpl!) : null };
      });
      const rankBy = (score: (r: (typeof rows)[number]) => number | null) => {
        const lower = lowerIsBetter.includes(q.indicator as RankIndicator) && q.basis === 'absolute';
        const ranked = rows.filter((r) => score(r) !== null).sort((a, b) => (lower ? score(a)! - score(b)! : score(b)! - score(a)!));
        const out = new Map<string, number>();
        let rank = 0;
        ranked.forEach((r, i) => {
          if (i === 0 || score(r) !== score(ranked[i - 1]!)) rank = i + 1;
          out.set(r.key, rank);
        });
        return out;
      };
      const now = rankBy((r) => r.score);
      const before = rankBy((r) => r.lastScore);
      const result = rows
        .map(({ score: _s, lastScore: _l, ...r }) => ({ ...r, rank: now.get(r.key) ?? null, previousRank: before.get(r.key) ?? null }))
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name, 'zh-CN'));
      return { year, throughMonth: cur.to.slice(0, 7), statYear, indicator: q.indicator, basis: q.basis, rows: result };
    },
  };
}

/** The caller's zones that lie under a province or city code. */
function underRegion(scope: SQL, col: SQL, prefix: string): SQL {
  return sql`${scope} and ${col} = any(array(select z.id from zones z where z.region_code like ${`${prefix}%`}))`;
}

export type KpisService = ReturnType<typeof createKpisService>;
