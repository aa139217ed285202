/**
 * Imports of the funding module through the staged-import engine (platform/imports, docs/imports.md):
 * the programme list (资金项目清单: created, or updated by year and name) and the project reserve
 * (项目储备库), whose 适合的资金项目 column must name programmes the zone has (an unknown one is a
 * field-level row error). Both commit in the engine's one transaction, record what they wrote
 * (created, or updated with the fields before) and are undone as a whole (docs/imports.md Undo).
 */
import { programmeKinds, programmeLevels, type ProgrammeKind, type ProgrammeLevel } from '../../../contract/services/enums.ts';
import { programmeKindLabels, programmeLevelLabels } from '../../../contract/services/labels.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { chinaToday } from '../../platform/clock.ts';
import { defineImporter, undoVersionedRecords, type ImportRecord, type ImportRow, type Json } from '../../platform/imports/index.ts';
import { cellDate, cellMoney, cellText, type SheetColumn } from '../../platform/xlsx.ts';
import type { FundingRepository } from './funding.repository.ts';
import type { fundingProgrammes, fundingReserve } from './funding.schema.ts';

type ProgrammeKey = 'year' | 'level' | 'kind' | 'department' | 'name' | 'policyDocument' | 'opensOn' | 'deadlineOn' | 'conditions' | 'typicalAmount';
export const programmeColumns: SheetColumn<ProgrammeKey>[] = [
  { key: 'year', header: '年度', aliases: ['年份', 'year'], width: 8, kind: 'number' },
  { key: 'level', header: '层级', aliases: ['级别', '项目层级', 'level'], width: 8 },
  { key: 'kind', header: '类别', aliases: ['资金类别', '项目类别', 'kind'], width: 12 },
  { key: 'department', header: '主管部门', aliases: ['部门', '上级部门', 'department'], width: 20 },
  { key: 'name', header: '资金项目名称', aliases: ['资金项目', '项目名称', '名称', 'programme', 'name'], width: 36 },
  { key: 'policyDocument', header: '政策文件', aliases: ['依据文件', '文件'], width: 30 },
  { key: 'opensOn', header: '申报开始', aliases: ['窗口开启', '开始日期', '申报开始日期'], width: 12, kind: 'date' },
  { key: 'deadlineOn', header: '申报截止', aliases: ['截止日期', '截止时间', '申报截止日期'], width: 12, kind: 'date' },
  { key: 'conditions', header: '申报条件', aliases: ['条件', '支持条件'], width: 36 },
  { key: 'typicalAmount', header: '一般支持额度（万元）', aliases: ['支持额度', '额度', '支持金额'], width: 14, kind: 'money' },
];

type ReserveKey = 'name' | 'totalInvestment' | 'preliminary' | 'feasibility' | 'report' | 'programmes' | 'note';
export const reserveColumns: SheetColumn<ReserveKey>[] = [
  { key: 'name', header: '项目名称', aliases: ['储备项目', '项目', 'name'], width: 32 },
  { key: 'totalInvestment', header: '总投资（万元）', aliases: ['总投资', '投资额'], width: 14, kind: 'money' },
  { key: 'preliminary', header: '前期手续', aliases: ['前期手续是否完成'], width: 10 },
  { key: 'feasibility', header: '可研', aliases: ['可行性研究报告', '可研报告'], width: 8 },
  { key: 'report', header: '资金申请报告', aliases: ['申请报告'], width: 12 },
  { key: 'programmes', header: '适合的资金项目', aliases: ['拟申报资金项目', '拟申报项目', '适合资金项目', '资金项目'], width: 40 },
  { key: 'note', header: '备注', aliases: ['说明'], width: 24 },
];

const byLabel = <T extends string>(values: readonly T[], labels: Record<T, readonly [string, string]>) => {
  const map = new Map<string, T>();
  for (const v of values) for (const l of [v, ...labels[v]]) map.set(l.replace(/（.*?）|\(.*?\)/g, '').toLowerCase(), v);
  return (text: string) =>
    map.get(
      text
        .replace(/（.*?）|\(.*?\)/g, '')
        .trim()
        .toLowerCase(),
    ) ?? map.get(`${text.trim()}级`);
};
const levelOf = byLabel<ProgrammeLevel>(programmeLevels, programmeLevelLabels);
const kindOf = byLabel<ProgrammeKind>(programmeKinds, programmeKindLabels);
const yes = (v: string | null) => (v == null ? false : /^(是|已完成|完成|已编制|有|√|y|yes|true|1)$/i.test(v.trim()));

function dateOf<K extends string>(row: ImportRow<K>, key: K): string | null {
  const v = cellDate(row.get(key));
  if (v === 'bad') {
    row.fail(key, 'date_format');
    return null;
  }
  return v;
}
function moneyOf<K extends string>(row: ImportRow<K>, key: K): number | null {
  const v = cellMoney(row.get(key), row.unit(key));
  if (v === 'bad') row.fail(key, 'number_format');
  else if (v === 'negative') row.fail(key, 'money_negative');
  else return v;
  return null;
}
/** "A；B、C" → names. */
const splitNames = (text: string | null) =>
  text
    ? text
        .split(/[；;、，,\n]+/)
        .map((t) => t.trim())
        .filter(Boolean)
    : [];

export function fundingImporters({ repo }: { db: Db; repo: FundingRepository }) {
  const programmes = defineImporter({
    kind: 'funding-programmes',
    permission: 'funding.manage',
    columns: programmeColumns,
    required: ['name', 'year', 'department'],
    maxRows: 5_000,
    async begin() {
      return { seen: new Set<string>() };
    },
    parseRow(row: ImportRow<ProgrammeKey>, run) {
      const name = cellText(row.get('name'), 200);
      if (!name || name.length < 2) row.fail('name', 'required');
      const yearText = cellText(row.get('year'), 10);
      const year = yearText ? Number(yearText.replace(/年$/, '')) : NaN;
      if (!Number.isInteger(year) || year < 2000 || year > 2100) row.fail('year', 'number_format');
      const levelText = cellText(row.get('level'), 20);
      const level = levelText ? levelOf(levelText) : 'province';
      if (!level) row.fail('level', 'unknown_value');
      const kindText = cellText(row.get('kind'), 30);
      const kind = kindText ? (kindOf(kindText) ?? 'other') : 'other';
      const department = cellText(row.get('department'), 100);
      if (!department || department.length < 2) row.fail('department', 'required');
      const opensOn = dateOf(row, 'opensOn');
      const deadlineOn = dateOf(row, 'deadlineOn');
      if (opensOn && deadlineOn && deadlineOn < opensOn) row.fail('deadlineOn', 'deadline_before_window');
      const key = `${year}|${name}`;
      if (name && run.seen.has(key)) row.fail('name', 'duplicate_in_file');
      run.seen.add(key);
      return {
        year,
        level: level ?? 'province',
        kind,
        department: department ?? '',
        name: name ?? '',
        policyDocument: cellText(row.get('policyDocument'), 300),
        opensOn,
        deadlineOn,
        conditions: cellText(row.get('conditions'), 2000),
        typicalAmountYuan: moneyOf(row, 'typicalAmount'),
      };
    },
    async commit(tx, rows, { zoneId, actor, record }) {
      let created = 0;
      let updated = 0;
      const records: ImportRecord[] = [];
      for (const { data } of await rows.all()) {
        const existingId = await repo.programmeByName(tx, zoneId, data.year, data.name);
        if (existingId) {
          const before = (await repo.programme(tx, existingId))!;
          const after = await repo.updateProgramme(tx, existingId, before.version, data);
          await recordAudit(tx, actor, { zoneId, action: 'funding.programme.update', entityType: 'funding_programme', entityId: existingId, before, after });
          records.push({ entityType: 'funding_programme', entityId: existingId, action: 'updated', version: after.version, before: pick(before, programmeFields) });
          updated++;
        } else {
          const p = await repo.insertProgramme(tx, { zoneId, ...data });
          await recordAudit(tx, actor, { zoneId, action: 'funding.programme.create', entityType: 'funding_programme', entityId: p.id, after: p });
          records.push({ entityType: 'funding_programme', entityId: p.id, action: 'created', version: p.version, before: { name: p.name } });
          created++;
        }
      }
      await record(records);
      return { programmesCreated: created, programmesUpdated: updated };
    },

    /**
     * The programmes it created removed, the ones it updated given their fields back — unless any was
     * edited since, or a created one is referred to (fitted by a reserve entry, applied to, named by a
     * contact): then nothing is undone and each is listed.
     */
    async undo(tx, input) {
      const done = await undoVersionedRecords(tx, input, {
        entity: 'funding_programme',
        table: 'funding_programmes',
        action: 'funding.programme.import_undo',
        label: 'name',
        versions: (tx, ids) => repo.versionsOf(tx, 'funding_programmes', ids),
        remove: (tx, ids) => repo.deleteRecords(tx, 'funding_programmes', ids),
        restore: (tx, id, version, before) => repo.updateProgramme(tx, id, version, before as Partial<typeof fundingProgrammes.$inferInsert>),
      });
      return { programmesDeleted: done.deleted, programmesRestored: done.restored };
    },
  });

  const reserve = defineImporter({
    kind: 'funding-reserve',
    permission: 'funding.manage',
    columns: reserveColumns,
    required: ['name'],
    maxRows: 5_000,
    async begin(scope) {
      return { seen: new Set<string>(), zoneId: scope.zoneId };
    },
    async prepare(scope, _run, rows) {
      const names = new Set<string>();
      for (const r of rows) for (const n of splitNames(cellText(r.get('programmes'), 2000))) names.add(n);
      return { programmes: await repo.programmesByNames(scope.db, scope.zoneId, [...names]) };
    },
    parseRow(row: ImportRow<ReserveKey>, run, batch) {
      const name = cellText(row.get('name'), 200);
      if (!name || name.length < 2) row.fail('name', 'required');
      if (name && run.seen.has(name)) row.fail('name', 'duplicate_in_file');
      if (name) run.seen.add(name);
      const programmeIds: string[] = [];
      for (const p of splitNames(cellText(row.get('programmes'), 2000))) {
        const id = batch.programmes.get(p);
        if (id) programmeIds.push(id);
        else row.fail('programmes', 'unknown_programme', `：${p}`);
      }
      return {
        name: name ?? '',
        totalInvestmentYuan: moneyOf(row, 'totalInvestment'),
        preliminaryDone: yes(cellText(row.get('preliminary'), 20)),
        feasibilityDone: yes(cellText(row.get('feasibility'), 20)),
        reportDone: yes(cellText(row.get('report'), 20)),
        programmeIds,
        note: cellText(row.get('note'), 1000),
      };
    },
    async commit(tx, rows, { zoneId, actor, session, clock, record }) {
      let created = 0;
      let updated = 0;
      const records: ImportRecord[] = [];
      const today = chinaToday(clock);
      for (const { data } of await rows.all()) {
        const { programmeIds, ...values } = data;
        const existingId = await repo.reserveByName(tx, zoneId, data.name);
        if (existingId) {
          const before = (await repo.reserve(tx, existingId))!;
          const fits = await repo.reserveProgrammeIds(tx, existingId);
          const after = await repo.updateReserve(tx, existingId, before.version, values);
          await repo.setReserveProgrammes(tx, zoneId, existingId, [...new Set([...fits, ...programmeIds])]);
          await recordAudit(tx, actor, { zoneId, action: 'funding.reserve.update', entityType: 'funding_reserve', entityId: existingId, before, after });
          records.push({ entityType: 'funding_reserve', entityId: existingId, action: 'updated', version: after.version, before: { ...pick(before, reserveFields), programmeIds: fits } });
          updated++;
        } else {
          const projectId = await repo.projectByName(tx, zoneId, data.name);
          const r = await repo.insertReserve(tx, { zoneId, ...values, projectId, ownerUserId: session.user.id, addedOn: today });
          await repo.setReserveProgrammes(tx, zoneId, r.id, [...new Set(programmeIds)]);
          await recordAudit(tx, actor, {
            zoneId,
            action: 'funding.reserve.create',
            entityType: 'funding_reserve',
            entityId: r.id,
            after: { ...r, programmeIds },
          });
          records.push({ entityType: 'funding_reserve', entityId: r.id, action: 'created', version: r.version, before: { name: r.name } });
          created++;
        }
      }
      await record(records);
      return { reserveCreated: created, reserveUpdated: updated };
    },

    /**
     * The entries it added removed (with the programmes they fit), the ones it updated given their
     * fields and programmes back — unless any was edited since, or an added one is applied with or
     * named by a contact: then nothing is undone and each is listed.
     */
    async undo(tx, input) {
      const done = await undoVersionedRecords(tx, input, {
        entity: 'funding_reserve',
        table: 'funding_reserve',
        except: ['funding_reserve_programmes'],
        action: 'funding.reserve.import_undo',
        label: 'name',
        versions: (tx, ids) => repo.versionsOf(tx, 'funding_reserve', ids),
        remove: (tx, ids) => repo.deleteRecords(tx, 'funding_reserve', ids),
        async restore(tx, id, version, before) {
          const { programmeIds, ...fields } = before as Record<string, unknown> & { programmeIds: string[] };
          const after = await repo.updateReserve(tx, id, version, fields as Partial<typeof fundingReserve.$inferInsert>);
          await repo.setReserveProgrammes(tx, input.zoneId, id, programmeIds);
          return after;
        },
      });
      return { reserveDeleted: done.deleted, reserveRestored: done.restored };
    },
  });
  return [programmes, reserve];
}

/** The fields an import writes, kept as they were for undo. */
const programmeFields = ['year', 'level', 'kind', 'department', 'name', 'policyDocument', 'opensOn', 'deadlineOn', 'conditions', 'typicalAmountYuan'] as const;
const reserveFields = ['name', 'totalInvestmentYuan', 'preliminaryDone', 'feasibilityDone', 'reportDone', 'note'] as const;
const pick = (row: Record<string, unknown>, fields: readonly string[]): { [key: string]: Json } =>
  Object.fromEntries(fields.map((f) => [f, (row[f] ?? null) as Json]));

