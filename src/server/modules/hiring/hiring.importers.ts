/**
 * The 企业岗位需求表 import (`hiring-posts`) through the staged-import engine (platform/imports,
 * docs/imports.md): one row per post, in the columns the demand list exports (企业名称, 所属产业, 岗位名称,
 * 岗位类别, 招聘人数, 已招, 薪资待遇, 任职要求, 截止日期). The enterprise must be in the shared library (by its
 * name); a post is updated when its enterprise already posts the same position in the zone, else created.
 * The service's rules are row errors here: filled above the headcount, a reversed pay range, a deadline
 * before today's posting. Committed in the engine's one transaction, audited as the service does.
 */
import { postCategories, type PostCategory } from '../../../contract/services/enums.ts';
import { postCategoryLabels } from '../../../contract/services/labels.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { chinaToday } from '../../platform/clock.ts';
import { defineImporter, undoVersionedRecords, type ImportRecord, type ImportRow, type Json } from '../../platform/imports/index.ts';
import { cellDate, cellText, type SheetColumn } from '../../platform/xlsx.ts';
import type { HiringRepository } from './hiring.repository.ts';
import type { hiringPosts } from './hiring.schema.ts';

type PostKey = 'enterprise' | 'sector' | 'position' | 'category' | 'headcount' | 'filled' | 'pay' | 'requirements' | 'deadlineOn';
export const postColumns: SheetColumn<PostKey>[] = [
  { key: 'enterprise', header: '企业名称', aliases: ['企业', '用工企业', '单位名称', 'enterprise'], width: 30 },
  { key: 'sector', header: '所属产业', aliases: ['产业', '行业', 'sector'], width: 12 },
  { key: 'position', header: '岗位名称', aliases: ['岗位', '招聘岗位', 'position'], width: 20 },
  { key: 'category', header: '岗位类别', aliases: ['类别', 'category'], width: 12 },
  { key: 'headcount', header: '招聘人数', aliases: ['需求人数', '人数', 'headcount'], width: 10, kind: 'number' },
  { key: 'filled', header: '已招', aliases: ['已招人数', '已到岗'], width: 8, kind: 'number' },
  { key: 'pay', header: '薪资待遇', aliases: ['薪资', '月薪', '工资待遇', 'pay'], width: 16 },
  { key: 'requirements', header: '任职要求', aliases: ['岗位要求', '要求'], width: 40 },
  { key: 'deadlineOn', header: '截止日期', aliases: ['截止时间', '招聘截止'], width: 12, kind: 'date' },
];

const categoryByLabel = new Map<string, PostCategory>();
for (const c of postCategories) for (const l of [c, ...postCategoryLabels[c]]) categoryByLabel.set(l.toLowerCase(), c);

/** "6000-9000元/月", "6000～9000", "8000元/月起", "面议" → [min, max] yuan; 'bad' when unreadable. */
export function payOf(text: string | null): [number | null, number | null] | 'bad' {
  if (!text || /面议|协商/.test(text)) return [null, null];
  const t = text.replace(/[,，\s]/g, '');
  const k = (v: string) => Math.round(Number(v) * (/k|千/i.test(t) ? 1000 : 1));
  const range = /^(\d+(?:\.\d+)?)[kK千]?(?:元)?[-~～—至到](\d+(?:\.\d+)?)[kK千]?(?:元)?(?:\/月|每月)?$/.exec(t);
  if (range) return [k(range[1]), k(range[2])];
  const from = /^(\d+(?:\.\d+)?)[kK千]?元?(?:\/月)?(起|以上)?$/.exec(t);
  if (from) return from[2] || /起|以上/.test(t) ? [k(from[1]), null] : [k(from[1]), k(from[1])];
  const upTo = /^(\d+(?:\.\d+)?)[kK千]?元?(?:\/月)?以内$/.exec(t);
  if (upTo) return [null, k(upTo[1])];
  return 'bad';
}

function count<K extends string>(row: ImportRow<K>, key: K): number | null {
  const text = cellText(row.get(key), 20);
  if (!text) return null;
  const n = Number(text.replace(/人$/, ''));
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
    row.fail(key, 'number_format');
    return null;
  }
  return n;
}

/** The fields an import writes, kept as they were for undo. */
const postFields = ['sector', 'category', 'headcount', 'filled', 'payMinYuan', 'payMaxYuan', 'requirements', 'deadlineOn'] as const;

export function hiringImporters({ repo }: { db: Db; repo: HiringRepository }) {
  const posts = defineImporter({
    kind: 'hiring-posts',
    permission: 'hiring.manage',
    columns: postColumns,
    required: ['enterprise', 'position', 'headcount'],
    maxRows: 5_000,
    async begin(scope) {
      return { seen: new Set<string>(), today: chinaToday(scope.clock) };
    },
    async prepare(scope, _run, rows) {
      const names = new Set<string>();
      for (const r of rows) {
        const n = cellText(r.get('enterprise'), 200);
        if (n) names.add(n);
      }
      return { enterprises: await repo.enterprisesByNames(scope.db, [...names]) };
    },
    parseRow(row: ImportRow<PostKey>, run, batch) {
      const enterpriseName = cellText(row.get('enterprise'), 200);
      const enterpriseId = enterpriseName ? batch.enterprises.get(enterpriseName) : undefined;
      if (!enterpriseName) row.fail('enterprise', 'required');
      else if (!enterpriseId) row.fail('enterprise', 'unknown_enterprise', `：${enterpriseName}`);
      const position = cellText(row.get('position'), 100);
      if (!position) row.fail('position', 'required');
      const key = `${enterpriseName}|${position}`;
      if (position && enterpriseName && run.seen.has(key)) row.fail('position', 'duplicate_in_file');
      run.seen.add(key);
      const categoryText = cellText(row.get('category'), 20);
      const category = categoryText ? categoryByLabel.get(categoryText.toLowerCase()) : 'other';
      if (!category) row.fail('category', 'unknown_value');
      const headcount = count(row, 'headcount');
      if (headcount == null || headcount < 1) row.fail('headcount', 'required');
      const filled = count(row, 'filled') ?? 0;
      if (headcount != null && filled > headcount) row.fail('filled', 'filled_above_headcount');
      const pay = payOf(cellText(row.get('pay'), 50));
      if (pay === 'bad') row.fail('pay', 'number_format');
      else if (pay[0] != null && pay[1] != null && pay[0] > pay[1]) row.fail('pay', 'pay_range');
      const deadline = cellDate(row.get('deadlineOn'));
      if (deadline === 'bad') row.fail('deadlineOn', 'date_format');
      else if (deadline && deadline < run.today) row.fail('deadlineOn', 'deadline_before_posted');
      return {
        enterpriseId: enterpriseId ?? '',
        sector: cellText(row.get('sector'), 40) ?? '其他',
        position: position ?? '',
        category: category ?? 'other',
        headcount: headcount ?? 1,
        filled,
        payMinYuan: pay === 'bad' ? null : pay[0],
        payMaxYuan: pay === 'bad' ? null : pay[1],
        requirements: cellText(row.get('requirements'), 1000),
        deadlineOn: deadline === 'bad' ? null : deadline,
      };
    },
    async commit(tx, rows, { zoneId, actor, clock, record }) {
      let created = 0;
      let updated = 0;
      const today = chinaToday(clock);
      const records: ImportRecord[] = [];
      for (const { data } of await rows.all()) {
        const existing = await repo.postByPosition(tx, zoneId, data.enterpriseId, data.position);
        if (existing) {
          const after = await repo.updatePost(tx, existing.id, existing.version, data);
          await recordAudit(tx, actor, { zoneId, action: 'hiring.post.update', entityType: 'hiring_post', entityId: existing.id, before: existing, after });
          const before = Object.fromEntries(postFields.map((f) => [f, (existing[f] ?? null) as Json]));
          records.push({ entityType: 'hiring_post', entityId: existing.id, action: 'updated', version: after.version, before });
          updated++;
        } else {
          const p = await repo.insertPost(tx, { zoneId, ...data, postedOn: today });
          await recordAudit(tx, actor, { zoneId, action: 'hiring.post.create', entityType: 'hiring_post', entityId: p.id, after: p });
          records.push({ entityType: 'hiring_post', entityId: p.id, action: 'created', version: p.version, before: { position: p.position } });
          created++;
        }
      }
      await record(records);
      return { postsCreated: created, postsUpdated: updated };
    },

    /**
     * The posts it created removed, the ones it updated given their fields back — unless any was
     * edited since or a created one is referred to (listed for a job fair): then nothing is undone
     * and each is listed.
     */
    async undo(tx, input) {
      const done = await undoVersionedRecords(tx, input, {
        entity: 'hiring_post',
        table: 'hiring_posts',
        action: 'hiring.post.import_undo',
        label: 'position',
        versions: repo.postVersions,
        remove: repo.deletePosts,
        restore: (tx, id, version, before) => repo.updatePost(tx, id, version, before as Partial<typeof hiringPosts.$inferInsert>),
      });
      return { postsDeleted: done.deleted, postsRestored: done.restored };
    },
  });
  return [posts];
}
