/**
 * The yearly figures sheet (企业年度经营数据 / 统计报表) as an importer of the staged-import engine
 * (docs/imports.md): one row per enterprise and year, the enterprise matched by credit code, then by
 * normalised name (a statistics sheet never registers new enterprises), figures in the header's unit.
 * Only enterprises the zone may keep the profile of are accepted (registered by it, worked by it, or on
 * its chains). Committed set-based: a new year inserted, an existing one updated where the sheet has a
 * value, with who imported it and from which zone. Undone as a whole (docs/imports.md Undo): the years
 * it created removed, the ones it updated restored, unless any changed since.
 */
import { sql } from 'drizzle-orm';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import { rowsOf } from '../../db/client.ts';
import { chinaToday } from '../../platform/clock.ts';
import { defineImporter, undoConflict, type ImportRow, type Json } from '../../platform/imports/index.ts';
import { cellMoney, type Cell, type SheetColumn } from '../../platform/xlsx.ts';
import { normalizeEnterpriseName } from '../enterprises/index.ts';
import type { ChainsModuleService } from './chains.module-service.ts';

type FigureKey = 'name' | 'creditCode' | 'year' | 'output' | 'revenue' | 'tax' | 'landMu' | 'energyTce' | 'emissionsTonnes' | 'employees' | 'rnd' | 'valueAdded';

export const figureColumns: SheetColumn<FigureKey>[] = [
  { key: 'name', header: '企业名称', aliases: ['单位名称', '名称'], width: 30 },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], width: 22 },
  { key: 'year', header: '年份', aliases: ['年度', '统计年度', '报告期'], width: 8, kind: 'number' },
  { key: 'output', header: '工业总产值（万元）', aliases: ['产值', '总产值', '工业产值'], width: 14, kind: 'money' },
  { key: 'revenue', header: '营业收入（万元）', aliases: ['营业收入', '主营业务收入', '营收'], width: 14, kind: 'money' },
  { key: 'tax', header: '税收（万元）', aliases: ['税收', '实缴税金', '纳税额', '税收总额'], width: 12, kind: 'money' },
  { key: 'landMu', header: '用地面积（亩）', aliases: ['用地面积', '用地亩数', '占地面积', '用地'], width: 12, kind: 'number' },
  { key: 'energyTce', header: '综合能耗（吨标准煤）', aliases: ['综合能耗', '能耗', '用能'], width: 14, kind: 'number' },
  { key: 'emissionsTonnes', header: '排放量（吨）', aliases: ['排放量', '排放', '污染物排放量'], width: 12, kind: 'number' },
  { key: 'employees', header: '从业人员（人）', aliases: ['从业人员', '从业人数', '职工人数', '就业人数'], width: 10, kind: 'number' },
  { key: 'rnd', header: '研发投入（万元）', aliases: ['研发投入', 'R&D投入', '研发经费', 'R&D经费'], width: 12, kind: 'money' },
  { key: 'valueAdded', header: '工业增加值（万元）', aliases: ['工业增加值', '增加值'], width: 14, kind: 'money' },
];

interface FigureRow {
  enterpriseId: string;
  year: number;
  outputYuan: number | null;
  revenueYuan: number | null;
  taxYuan: number | null;
  landMu: number | null;
  energyTce: number | null;
  emissionsTonnes: number | null;
  employees: number | null;
  rndYuan: number | null;
  valueAddedYuan: number | null;
}

function numberOf(v: Cell): number | null | 'bad' {
  if (v == null) return null;
  if (v instanceof Date) return 'bad';
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : 'bad';
}

export function figuresImporter(service: ChainsModuleService) {
  const repo = service.profileRepository;
  return defineImporter({
    kind: 'enterprise-figures',
    permission: 'enterprise.profile.update',
    columns: figureColumns,
    required: ['name', 'year'],
    maxRows: 100_000,
    async begin(scope) {
      return { thisYear: Number(chinaToday(scope.clock).slice(0, 4)), seen: new Set<string>() };
    },
    /** The batch's enterprises, by credit code and by normalised name, with whether the zone may keep them. */
    async prepare(scope, _run, rows) {
      const codes = new Set<string>();
      const names = new Set<string>();
      for (const row of rows) {
        const c = row.get('creditCode');
        if (c != null) codes.add(normalizeCreditCode(String(c)));
        const n = row.get('name');
        if (n != null) names.add(normalizeEnterpriseName(String(n)));
      }
      const found = rowsOf<{ id: string; credit_code: string | null; normalized_name: string; editable: boolean }>(
        await scope.db.execute(sql`select e.id, e.credit_code, e.normalized_name,
            (e.created_in_zone_id = ${scope.zoneId}::uuid
              or exists (select 1 from chain_link_enterprises cle where cle.zone_id = ${scope.zoneId}::uuid and cle.enterprise_id = e.id)
              or exists (select 1 from leads l where l.zone_id = ${scope.zoneId}::uuid and l.enterprise_id = e.id)
              or exists (select 1 from projects p where p.zone_id = ${scope.zoneId}::uuid and p.investor_enterprise_id = e.id)) as editable
          from enterprises e where e.credit_code = any(${sql.param([...codes])}::text[]) or e.normalized_name = any(${sql.param([...names])}::text[])`),
      );
      const byCode = new Map(found.filter((f) => f.credit_code).map((f) => [f.credit_code!, f]));
      const byName = new Map<string, (typeof found)[number] | null>();
      for (const f of found) byName.set(f.normalized_name, byName.has(f.normalized_name) ? null : f);
      return { byCode, byName, all: scope.session.scope.all };
    },
    parseRow(row: ImportRow<FigureKey>, run, batch) {
      const rawCode = row.get('creditCode');
      const code = rawCode == null ? null : normalizeCreditCode(String(rawCode));
      if (code && creditCodeProblem(code)) row.fail('creditCode', `credit_code_${creditCodeProblem(code)}`);
      const name = row.get('name') == null ? null : String(row.get('name')).trim();
      const match = (code ? batch.byCode.get(code) : undefined) ?? (name ? batch.byName.get(normalizeEnterpriseName(name)) : undefined);
      if (!match) row.fail(code ? 'creditCode' : 'name', 'unknown_enterprise');
      else if (!match.editable && !batch.all) row.fail('name', 'enterprise_not_yours');
      const y = numberOf(row.get('year'));
      const year = y === 'bad' || y == null ? null : Math.trunc(y);
      if (year == null || year !== y || year < 1949) row.fail('year', 'number_format');
      else if (year > run.thisYear) row.fail('year', 'year_in_future');
      if (match && year != null) {
        const key = `${match.id}:${year}`;
        if (run.seen.has(key)) row.fail('year', 'duplicate_in_file');
        run.seen.add(key);
      }
      const money = (key: FigureKey) => {
        const v = cellMoney(row.get(key), row.unit(key));
        if (v === 'bad') row.fail(key, 'money_format');
        if (v === 'negative') row.fail(key, 'money_negative');
        return typeof v === 'number' ? v : null;
      };
      const quantity = (key: FigureKey, integer = false) => {
        const v = numberOf(row.get(key));
        if (v === 'bad' || (integer && v != null && !Number.isInteger(v))) row.fail(key, 'number_format');
        else if (v != null && v < 0) row.fail(key, 'number_negative');
        return typeof v === 'number' && v >= 0 ? v : null;
      };
      return {
        enterpriseId: match?.id ?? '',
        year: year ?? 0,
        outputYuan: money('output'),
        revenueYuan: money('revenue'),
        taxYuan: money('tax'),
        landMu: quantity('landMu'),
        energyTce: quantity('energyTce'),
        emissionsTonnes: quantity('emissionsTonnes'),
        employees: quantity('employees', true),
        rndYuan: money('rnd'),
        valueAddedYuan: money('valueAdded'),
      } satisfies FigureRow;
    },
    async commit(tx, rows, { session, zoneId, record }) {
      const { counts, written } = await repo.commitFigures(tx, rows.source, { importId: rows.importId, userId: session.user.id, zoneId });
      // For undo: each year written, the version it left, an existing year's columns before.
      await record(
        written.map((w) => ({ entityType: 'enterprise_figures', entityId: w.id, action: w.inserted ? ('created' as const) : ('updated' as const), version: w.version, before: (w.before ?? null) as Json })),
      );
      return counts;
    },

    /**
     * The years it created removed, the ones it updated given their figures (and who entered them) back
     * — unless any was edited or re-imported since (its version moved) or is gone: then nothing is
     * undone and each is listed (enterprise and year).
     */
    async undo(tx, { records, referred }) {
      const mine = records.filter((r) => r.entityType === 'enterprise_figures');
      const created = mine.filter((r) => r.action === 'created').map((r) => r.entityId);
      const [now, refs] = await Promise.all([repo.figureVersions(tx, mine.map((r) => r.entityId)), referred('enterprise_yearly_figures', created)]);
      const changed = mine
        .filter((r) => now.get(r.entityId)?.version !== r.version || refs.has(r.entityId))
        .map((r) => ({ entity: 'enterprise_figures', id: r.entityId, label: now.get(r.entityId)?.label ?? r.entityId }));
      if (changed.length) throw undoConflict(changed);
      const restores = mine.filter((r) => r.action === 'updated').map((r) => ({ id: r.entityId, before: r.before }));
      await repo.undoFigures(tx, created, restores);
      return { figuresDeleted: created.length, figuresRestored: restores.length };
    },
  });
}
