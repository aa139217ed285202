/**
 * 统计局 figures from a sheet, through the staged-import engine (platform/imports, docs/imports.md):
 * one row per indicator (指标名称, 单位, the figure, 同比增长%), the period from a 期间 column, else the
 * upload's `period`, else the sheet's title ("2026年1—10月" → 2026-10, "2026年第三季度" → 2026Q3).
 * A 同比增长 column fills the indicator's reported growth figure where the catalogue has one.
 * Committed through the same write as the grid: existing values are revised (their history kept).
 * Undone through the same write too: the values it created cleared, the ones it revised given their
 * value and source back (each a revision of its cell), unless any was revised or cleared since.
 */
import { z } from 'zod';
import { fromYuan, toYuan, type MoneyUnit } from '../../../contract/money.ts';
import { acceptsPeriod, indicatorByCode, indicators, moneyUnitOf, parsePeriod, periodKeyPattern, type IndicatorDef } from '../../../contract/statistics-indicators.ts';
import { chinaToday } from '../../platform/clock.ts';
import { defineImporter, undoConflict, type ImportRecord, type ImportRow } from '../../platform/imports/index.ts';
import type { SheetColumn } from '../../platform/xlsx.ts';
import type { StatisticsRepository } from './statistics.repository.ts';
import type { CellChange, StatisticsService } from './statistics.service.ts';
import { parseStatValue, statValueText } from './statistics.values.ts';

type Key = 'indicator' | 'unit' | 'value' | 'growth' | 'period' | 'source';
export const statisticsColumns: SheetColumn<Key>[] = [
  { key: 'indicator', header: '指标名称', aliases: ['指标', '统计指标', '项目', '主要指标', 'indicator'], width: 24 },
  { key: 'unit', header: '单位', aliases: ['计量单位', '计算单位', 'unit'], width: 8 },
  {
    key: 'value',
    header: '数值',
    aliases: [
      '本期',
      '本期数',
      '本期累计',
      '累计',
      '本年累计',
      '本月累计',
      '累计数',
      '完成',
      '完成数',
      '完成值',
      '绝对值',
      '绝对数',
      '总量',
      '本年',
      '年度',
      'value',
    ],
    width: 14,
  },
  {
    key: 'growth',
    header: '同比增长（%）',
    aliases: ['同比增长', '同比增长%', '同比±%', '增长', '增速', '增幅', '比上年同期增长', '比上年增长', '同比', 'growth'],
    width: 12,
  },
  { key: 'period', header: '期间', aliases: ['统计期间', '时间', '年月', '月份', '年份', 'period'], width: 12 },
  { key: 'source', header: '来源', aliases: ['数据来源', '提供单位', 'source'], width: 12 },
];

/** Names the 统计局 and the land bureau write for each indicator (besides the catalogue's own). */
const aliases: Record<string, string[]> = {
  industrial_output: ['规上工业总产值', '规模以上工业总产值', '工业产值'],
  industrial_output_growth: ['工业总产值增长', '工业总产值增长率'],
  industrial_value_added: ['规模以上工业增加值', '工业增加值'],
  industrial_investment: ['工业固定资产投资', '工业投资额'],
  fixed_asset_investment: ['全社会固定资产投资', '固定资产投资额', '固定资产投资不含农户'],
  fixed_asset_investment_growth: ['固定资产投资增长', '固定资产投资增长率'],
  operating_revenue: ['营业总收入', '主营业务收入', '企业营业收入'],
  tax_revenue: ['税收收入', '税收总额', '实现税收', '税收总收入'],
  foreign_capital: ['实际使用外资', '利用外资', '实际利用外资金额'],
  out_of_province_capital: ['到位省外资金', '引进省外资金', '省外到位资金'],
  above_scale_enterprises: ['四上企业', '四上企业数', '四上企业数量'],
  high_tech_enterprises: ['高新技术企业', '高企数量', '高新技术企业数量'],
  employees: ['从业人员数', '就业人数', '从业人数'],
  developed_area: ['已开发面积', '建成区面积', '开发面积'],
  supplied_land: ['已供地', '供地面积', '已供应土地面积'],
  idle_land: ['闲置土地', '闲置地', '闲置土地面积'],
};

/** "1、" "（一）" "一、" quotes, spaces and a bracketed unit dropped. */
export const indicatorNameKey = (text: string) =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]|[（(][一二三四五六七八九十\d]+[）)])+/, '')
    .replace(/[“”"‘’'「」]/g, '')
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[:：]$/, '');

const byName = new Map<string, IndicatorDef>();
for (const ind of indicators) for (const name of [ind.zh, ...(aliases[ind.code] ?? [])]) byName.set(indicatorNameKey(name), ind);

const cn: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const pad = (n: number) => String(n).padStart(2, '0');
/** "2025" "2025年" "2026年10月" "2026年1-10月" "2026-10" "2026Q3" "2026年第三季度" → a period key. */
export function periodFromText(raw: string): string | null {
  const t = raw.replace(/[\s\u3000]/g, '').replace(/[—–－~～至]/g, '-');
  if (periodKeyPattern.test(t)) return t;
  let m = /^(20\d{2})年?第?([一二三四1-4])季度$/.exec(t) ?? /^(20\d{2})-?Q([1-4])$/i.exec(t);
  if (m) return `${m[1]}Q${cn[m[2]] ?? Number(m[2])}`;
  m = /^(20\d{2})[年.\-/](?:1-)?(\d{1,2})月?(?:份)?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${pad(Number(m[2]))}`;
  m = /^(20\d{2})年(?:度)?(?:全年)?$/.exec(t);
  if (m) return m[1];
  return null;
}

/** A period the figure's own header names ("2025年", "2026年1-10月"), when nothing else states one. */
function headerPeriod(header: string): string | null {
  const m = /(20\d{2})年(?:(?:1[-—–~～至])?(\d{1,2})月)?/.exec(header.replace(/\s/g, ''));
  if (!m) return null;
  return m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : m[1];
}

const unitOfText = (text: string | null): MoneyUnit | null =>
  !text ? null : /亿/.test(text) ? 'yi' : /万/.test(text) ? 'wan' : /^元$/.test(text) ? 'yuan' : null;
const factor: Record<MoneyUnit, number> = { yuan: 1, wan: 10_000, yi: 100_000_000 };

/** The figure of an amount in the indicator's own unit, exactly, from a cell in `unit`. */
function amountText(cell: string | number, unit: MoneyUnit, ind: IndicatorDef): string | null {
  const yuan = typeof cell === 'number' ? Math.round(cell * factor[unit]) : toYuan(cell.replace(/[,，\s]/g, ''), unit);
  return yuan == null ? null : fromYuan(yuan, moneyUnitOf(ind));
}

export const statisticsImportOptions = z.object({ period: z.string().regex(periodKeyPattern, 'stat_period').optional() });

/** What an import recorded of a value it wrote: its cell, and the value and source before (null: the cell was empty). */
interface ValueBefore {
  [key: string]: string | null;
  indicator: string;
  period: string;
  value: string | null;
  source: string | null;
}

const cellLabel = (indicator: string, period: string) => `${indicatorByCode.get(indicator)?.zh ?? indicator} ${period}`;

interface RowData {
  changes: { indicator: string; period: string; value: string; source: string | null }[];
}

export function statisticsImporter({ service, repo }: { service: StatisticsService; repo: StatisticsRepository }) {
  return defineImporter({
    kind: 'statistics',
    permission: 'statistics.enter',
    columns: statisticsColumns,
    required: ['indicator', 'value'],
    maxRows: 5_000,
    options: statisticsImportOptions,
    async resolve({ options, sheet, clock }) {
      const asked = typeof options.period === 'string' ? options.period : null;
      const stated = sheet.period?.month ?? (sheet.period?.quarter ? sheet.period.quarter.replace('-', '') : null);
      return { period: asked ?? stated, today: chinaToday(clock) };
    },
    details: (resolved: { period: string | null; today: string }) => ({ period: resolved.period }),
    async begin(scope) {
      return { seen: new Set<string>(), resolved: scope.resolved };
    },
    parseRow(row: ImportRow<Key>, run): RowData {
      const name = row.text('indicator', 100);
      const ind = name ? byName.get(indicatorNameKey(name)) : undefined;
      if (!name) row.fail('indicator', 'required');
      else if (!ind) row.fail('indicator', 'stat_unknown_indicator', `：${name}`);
      const periodCell = row.text('period', 30);
      const period = periodCell ? periodFromText(periodCell) : (run.resolved.period ?? headerPeriod(row.header('value')));
      if (periodCell && !period) row.fail('period', 'stat_period');
      else if (!period) row.fail('value', 'stat_import_no_period');
      const p = period ? parsePeriod(period) : null;
      if (ind && p && !acceptsPeriod(ind, p.kind)) row.fail('period', 'stat_period_not_reported');
      if (p && p.start > run.resolved.today) row.fail('period', 'stat_period_future');
      const source = row.text('source', 100);
      const changes: RowData['changes'] = [];
      const cell = row.get('value');
      if (cell == null || cell instanceof Date) {
        if (cell instanceof Date) row.fail('value', 'stat_value_format');
        else if (!row.failed('value')) row.fail('value', 'required');
      } else if (ind && period) {
        const unitText = row.text('unit', 20);
        const text =
          ind.kind === 'amount'
            ? amountText(cell, unitOfText(unitText) ?? row.unit('value'), ind)
            : typeof cell === 'number'
              ? String(Math.round(cell * 100) / 100)
              : cell;
        const checked = text == null ? { reason: 'stat_value_format' } : parseStatValue(ind, text);
        if ('reason' in checked) row.fail('value', checked.reason);
        else changes.push({ indicator: ind.code, period, value: text!, source });
      }
      const growthCell = row.get('growth');
      const growthInd = ind && indicators.find((i) => 'growthOf' in i && i.growthOf === ind.code);
      if (growthCell != null && growthInd && period) {
        const text = typeof growthCell === 'number' ? String(Math.round(growthCell * 100) / 100) : String(growthCell).replace(/%$/, '');
        const checked = parseStatValue(growthInd, text);
        if ('reason' in checked) row.fail('growth', checked.reason);
        else changes.push({ indicator: growthInd.code, period, value: text, source });
      }
      if (ind && period) {
        const key = `${ind.code}|${period}`;
        if (run.seen.has(key)) row.fail('indicator', 'duplicate_in_file');
        run.seen.add(key);
      }
      return { changes };
    },
    async commit(tx, rows, { session, zoneId, requestId, record }) {
      const all = (await rows.all()).flatMap((r) => r.data.changes);
      const current = await repo.cells(tx, zoneId, [...new Set(all.map((c) => c.period))], [...new Set(all.map((c) => c.indicator))]);
      const before = new Map(current.map((c) => [`${c.indicator}|${c.period}`, c]));
      const changes: CellChange[] = all.map((c) => ({ ...c, version: before.has(`${c.indicator}|${c.period}`) ? Number(before.get(`${c.indicator}|${c.period}`)!.version) : null }));
      const result = await service.writeCellsInTx(tx, service.actorFor(session, requestId), zoneId, changes, 'import');
      // For undo: every value written, the version it left and the cell's value before.
      const records: ImportRecord[] = result.written.map((w) => {
        const b = before.get(`${w.indicator}|${w.period}`);
        const was: ValueBefore = { indicator: w.indicator, period: w.period, value: b ? statValueText(indicatorByCode.get(w.indicator)!, b) : null, source: b?.source ?? null };
        return { entityType: 'statistic_value', entityId: w.id, action: b ? 'updated' : 'created', version: Number(w.version), before: was };
      });
      await record(records);
      const revised = records.filter((r) => r.action === 'updated').length;
      return { valuesCreated: result.written.length - revised, valuesRevised: revised, valuesUnchanged: result.unchanged };
    },

    /**
     * The import undone through the grid's write (a revision of each cell, audited, 闲置 ≤ 已供地 checked):
     * a value it created is cleared, a value it revised gets its value and source back — unless any of
     * them was revised or cleared since (its version moved, or it is gone): then nothing is undone and
     * every such value is listed.
     */
    async undo(tx, { records, session, zoneId, requestId, referred }) {
      const written = records.filter((r) => r.entityType === 'statistic_value');
      const [now, refs] = await Promise.all([
        repo.valuesById(tx, written.map((r) => r.entityId)),
        referred('statistic_values', written.filter((r) => r.action === 'created').map((r) => r.entityId)),
      ]);
      const changed = written
        .filter((r) => now.get(r.entityId)?.version !== r.version || refs.has(r.entityId))
        .map((r) => {
          const b = r.before as ValueBefore;
          return { entity: 'statistic_value', id: r.entityId, label: cellLabel(b.indicator, b.period) };
        });
      if (changed.length) throw undoConflict(changed);
      const changes: CellChange[] = written.map((r) => {
        const b = r.before as ValueBefore;
        return { indicator: b.indicator, period: b.period, value: r.action === 'created' ? null : b.value, source: b.source, version: r.version };
      });
      const result = await service.writeCellsInTx(tx, service.actorFor(session, requestId), zoneId, changes, 'import');
      return { valuesCleared: result.cleared, valuesRestored: result.written.length };
    },
  });
}
