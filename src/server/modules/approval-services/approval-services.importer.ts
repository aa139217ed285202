/**
 * The 赋权事项 catalogue through the staged-import engine (docs/imports.md): a zone's list of delegated
 * powers (157 items in the worked case), matched by name (updated) or added; promised days above the
 * statutory ones, or a name twice in the file, are row errors. Committed in the engine's transaction,
 * recorded and undone as a whole (docs/imports.md Undo).
 */
import { recordAudit } from '../../platform/audit.ts';
import { defineImporter, undoVersionedRecords, type ImportRecord, type ImportRow, type Json } from '../../platform/imports/index.ts';
import { cellText, type SheetColumn } from '../../platform/xlsx.ts';
import type { ApprovalServicesRepository } from './approval-services.repository.ts';
import type { delegatedItems } from './approval-services.schema.ts';

/** The fields an import writes, kept as they were for undo. */
const itemFields = ['code', 'name', 'department', 'legalBasis', 'statutoryDays', 'promisedDays', 'materials'] as const;

type ItemKey = 'code' | 'name' | 'department' | 'legalBasis' | 'statutoryDays' | 'promisedDays' | 'materials';
export const itemColumns: SheetColumn<ItemKey>[] = [
  { key: 'code', header: '事项编码', aliases: ['编码', '序号编码', '事项代码'], width: 16 },
  { key: 'name', header: '事项名称', aliases: ['赋权事项', '权力事项名称', '事项', '名称'], width: 40 },
  { key: 'department', header: '下放部门', aliases: ['赋权部门', '实施部门', '原实施部门', '部门'], width: 18 },
  { key: 'legalBasis', header: '设定依据', aliases: ['法律依据', '依据'], width: 40 },
  { key: 'statutoryDays', header: '法定时限（工作日）', aliases: ['法定时限', '法定办结时限'], width: 12, kind: 'number' },
  { key: 'promisedDays', header: '承诺时限（工作日）', aliases: ['承诺时限', '承诺办结时限'], width: 12, kind: 'number' },
  { key: 'materials', header: '申请材料', aliases: ['材料', '申报材料'], width: 40 },
];

function daysOf(row: ImportRow<ItemKey>, key: ItemKey): number | null {
  const text = cellText(row.get(key), 20);
  if (!text) return null;
  const n = Number(text.replace(/个?工作日|天|日/g, '').trim());
  if (!Number.isInteger(n) || n < 0 || n > 365) {
    row.fail(key, 'number_format');
    return null;
  }
  return n;
}

export function delegatedItemsImporter({ repo }: { repo: ApprovalServicesRepository }) {
  return defineImporter({
    kind: 'delegated-items',
    permission: 'approval_service.catalogue',
    columns: itemColumns,
    required: ['name', 'department'],
    maxRows: 5_000,
    async begin() {
      return { seen: new Set<string>() };
    },
    parseRow(row: ImportRow<ItemKey>, run) {
      const name = cellText(row.get('name'), 200);
      if (!name || name.length < 2) row.fail('name', 'required');
      else if (run.seen.has(name)) row.fail('name', 'duplicate_in_file');
      if (name) run.seen.add(name);
      const department = cellText(row.get('department'), 100);
      if (!department || department.length < 2) row.fail('department', 'required');
      const statutoryDays = daysOf(row, 'statutoryDays');
      const promisedDays = daysOf(row, 'promisedDays');
      if (statutoryDays != null && promisedDays != null && promisedDays > statutoryDays) row.fail('promisedDays', 'promised_above_statutory');
      return {
        code: cellText(row.get('code'), 40),
        name: name ?? '',
        department: department ?? '',
        legalBasis: cellText(row.get('legalBasis'), 500),
        statutoryDays,
        promisedDays,
        materials: cellText(row.get('materials'), 2000),
      };
    },
    async commit(tx, rows, { zoneId, actor, record }) {
      const all = (await rows.all()).map((r) => r.data);
      const existing = await repo.itemsByNames(
        tx,
        zoneId,
        all.map((d) => d.name),
      );
      let updated = 0;
      const records: ImportRecord[] = [];
      for (const d of all.filter((d) => existing.has(d.name))) {
        const { id, version } = existing.get(d.name)!;
        const before = await repo.item(tx, id);
        const after = await repo.updateItem(tx, id, version, d);
        await recordAudit(tx, actor, { zoneId, action: 'approval_item.update', entityType: 'approval_item', entityId: id, before, after });
        const was = Object.fromEntries(itemFields.map((f) => [f, (before[f] ?? null) as Json]));
        records.push({ entityType: 'approval_item', entityId: id, action: 'updated', version: after.version, before: was });
        updated++;
      }
      const created = await repo.insertItems(
        tx,
        all.filter((d) => !existing.has(d.name)).map((d) => ({ zoneId, ...d })),
      );
      for (const i of created) await recordAudit(tx, actor, { zoneId, action: 'approval_item.create', entityType: 'approval_item', entityId: i.id, after: i });
      for (const i of created) records.push({ entityType: 'approval_item', entityId: i.id, action: 'created', version: i.version, before: { name: i.name } });
      await record(records);
      return { itemsCreated: created.length, itemsUpdated: updated };
    },

    /**
     * The items it added removed, the ones it updated given their fields back — unless any was edited
     * since or an added one is referred to (a case filed under it): then nothing is undone and each is
     * listed.
     */
    async undo(tx, input) {
      const done = await undoVersionedRecords(tx, input, {
        entity: 'approval_item',
        table: 'delegated_items',
        action: 'approval_item.import_undo',
        label: 'name',
        versions: repo.itemVersions,
        remove: repo.deleteItems,
        restore: (tx, id, version, before) => repo.updateItem(tx, id, version, before as Partial<typeof delegatedItems.$inferInsert>),
      });
      return { itemsDeleted: done.deleted, itemsRestored: done.restored };
    },
  });
}
