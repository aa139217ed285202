/**
 * The 三个一批 活动项目清单 as an importer of the staged-import engine (docs/imports.md): one sheet with
 * three blocks (签约一批 / 开工一批 / 投产一批), each under its section row and with its own header and
 * columns. The quarter comes from the title ("2026年第三季度"); each row becomes a nomination of the
 * quarter's campaign (made if the zone has none), linked to the zone's project or lead of that name.
 * Whether a nomination was achieved is never typed (docs/dispatch.md): the dates the sheet reports
 * (签约/开工/投产时间, 未开工) are read, checked and kept in the import's audit entry, not written as results.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CampaignBatch } from '../../../contract/dispatch-enums.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { fieldError } from '../../platform/errors.ts';
import { defineImporter, undoConflict, type ImportRow } from '../../platform/imports/index.ts';
import type { SheetColumn } from '../../platform/xlsx.ts';

export type CampaignListKey =
  | 'seq'
  | 'batch'
  | 'name'
  | 'investor'
  | 'agreement'
  | 'signedAmount'
  | 'total'
  | 'annualPlan'
  | 'content'
  | 'signedOn'
  | 'plannedStart'
  | 'startedOn'
  | 'productionOn'
  | 'outputValue'
  | 'tax'
  | 'jobs'
  | 'leader'
  | 'owner'
  | 'remark';

export const campaignListColumns: SheetColumn<CampaignListKey>[] = [
  { key: 'seq', header: '序号', aliases: ['编号'], width: 6, exportOnly: true },
  { key: 'batch', header: '批次', aliases: ['类别', '活动类别', '所属批次'], width: 10 },
  { key: 'name', header: '项目名称', aliases: ['项目', '名称'], width: 30 },
  { key: 'investor', header: '投资方', aliases: ['建设单位', '业主单位', '投资主体', '签约企业', '企业名称'], width: 28 },
  { key: 'agreement', header: '签约类型', aliases: ['协议类型', '签约形式'], width: 10 },
  { key: 'signedAmount', header: '签约金额', aliases: ['协议金额', '签约额', '协议投资额'], width: 12, kind: 'money' },
  { key: 'total', header: '总投资', aliases: ['计划总投资', '项目总投资'], width: 12, kind: 'money' },
  { key: 'annualPlan', header: '年度计划投资', aliases: ['年度计划', '本年计划投资'], width: 12, kind: 'money' },
  { key: 'content', header: '建设内容', aliases: ['主要建设内容', '建设内容及规模', '建设规模及内容'], width: 36 },
  { key: 'signedOn', header: '签约时间', aliases: ['签约日期'], width: 12, kind: 'date' },
  { key: 'plannedStart', header: '计划开工时间', aliases: ['计划开工', '计划开工日期'], width: 12, kind: 'date' },
  { key: 'startedOn', header: '实际开工时间', aliases: ['开工时间', '实际开工', '开工日期'], width: 12, kind: 'date' },
  { key: 'productionOn', header: '投产时间', aliases: ['投产日期', '实际投产时间'], width: 12, kind: 'date' },
  { key: 'outputValue', header: '达产后年产值', aliases: ['达产产值', '年产值', '预计年产值'], width: 12, kind: 'money' },
  { key: 'tax', header: '达产后年税收', aliases: ['年税收', '预计年税收', '达产税收'], width: 12, kind: 'money' },
  { key: 'jobs', header: '新增就业', aliases: ['就业人数', '带动就业', '新增就业人数'], width: 8, kind: 'number' },
  { key: 'leader', header: '包联领导', aliases: ['分管领导', '联系领导'], width: 9 },
  { key: 'owner', header: '责任人', aliases: ['负责人', '联系人'], width: 9 },
  { key: 'remark', header: '备注', aliases: ['说明'], width: 20 },
];

/** The batch a block or a cell names. */
export function batchOf(text: string | null): CampaignBatch | null {
  if (!text) return null;
  if (/签约/.test(text)) return 'sign';
  if (/开工/.test(text)) return 'start';
  if (/投产|达产/.test(text)) return 'production';
  return null;
}

export interface CampaignListRow {
  batch: CampaignBatch;
  name: string;
  plannedAmountYuan: number | null;
  projectId: string | null;
  leadId: string | null;
  reason: string | null;
  /** What the sheet reports, kept in the audit entry (never a completion mark). */
  reported: Record<string, string | number | null>;
}

interface Resolved {
  [key: string]: string | number;
  year: number;
  quarter: number;
}

export function campaignListsImporter(deps: { audit: AuditWriter }) {
  const { audit } = deps;
  return defineImporter({
    kind: 'campaign-lists',
    permission: 'campaign.manage',
    columns: campaignListColumns,
    required: ['name'],
    maxRows: 5000,
    batchSize: 5000,

    async resolve({ sheet, options }) {
      const quarter = (options.period as string | undefined) ?? sheet.period?.quarter ?? null;
      const m = quarter ? /^(\d{4})-Q([1-4])$/.exec(quarter) : null;
      if (m) return { year: Number(m[1]), quarter: Number(m[2]) } as Resolved;
      // A day or month: its quarter.
      const day = (options.period as string | undefined) ?? sheet.period?.asOf ?? null;
      if (!day) throw fieldError('period', 'sheet_period_required');
      return { year: Number(day.slice(0, 4)), quarter: Math.ceil(Number(day.slice(5, 7)) / 3) } as Resolved;
    },
    details: (r: Resolved) => ({ quarter: `${r.year}-Q${r.quarter}` }),

    async begin() {
      return { seen: new Set<string>(), plan: { entriesCreated: 0, sign: 0, start: 0, production: 0 } as Record<string, number> };
    },

    async prepare({ db, zoneId, resolved }, _run, rows: ImportRow<CampaignListKey>[]) {
      const names = [...new Set(rows.map((r) => r.get('name')).filter((x) => x != null).map(String))];
      const { year, quarter } = resolved as Resolved;
      const [projects, leads, listed] = await Promise.all([
        namesOf(db, 'projects', zoneId, names),
        namesOf(db, 'leads', zoneId, names),
        rowsOf<{ batch: string; name: string }>(
          await db.execute(sql`select e.batch, e.name from campaign_entries e join campaigns c on c.id = e.campaign_id
            where c.zone_id = ${zoneId}::uuid and c.year = ${year} and c.quarter = ${quarter}`),
        ),
      ]);
      return { projects, leads, listed: new Set(listed.map((l) => `${l.batch}:${l.name}`)) };
    },

    parseRow(row, run, { projects, leads, listed }): CampaignListRow {
      const name = row.text('name', 200);
      if (!name) row.fail('name', 'required');
      const batch = batchOf(row.text('batch', 20)) ?? batchOf(row.block) ?? batchOf(row.section);
      if (!batch) row.fail('batch', 'unknown_value');
      const key = `${batch}:${name}`;
      if (name && run.seen.has(key)) row.fail('name', 'duplicate_in_file');
      else if (name && listed.has(key)) row.fail('name', 'already_in_list');
      run.seen.add(key);
      const signedAmount = row.money('signedAmount', false);
      const total = row.money('total', false);
      const date = (k: CampaignListKey) => row.dayOrMonth(k);
      const signed = date('signedOn');
      const planned = date('plannedStart');
      const started = date('startedOn');
      const production = date('productionOn');
      const reported: Record<string, string | number | null> = {
        agreement: row.text('agreement', 20),
        signedAmountYuan: signedAmount,
        totalYuan: total,
        annualPlanYuan: row.money('annualPlan', false),
        signedOn: signed ? (signed.day ?? signed.month) : null,
        plannedStart: planned ? (planned.day ?? planned.month) : null,
        startedOn: started ? (started.day ?? started.month) : null,
        productionOn: production ? (production.day ?? production.month) : null,
        outputValueYuan: row.money('outputValue', false),
        taxYuan: row.money('tax', false),
        jobs: row.number('jobs'),
        investor: row.text('investor', 100),
        content: row.text('content', 2000),
        leader: row.text('leader', 60),
        owner: row.text('owner', 60),
      };
      return {
        batch: batch ?? 'sign',
        name: name ?? '',
        plannedAmountYuan: batch === 'sign' ? (signedAmount ?? total) : (total ?? signedAmount),
        projectId: batch !== 'sign' && name ? (projects.get(name) ?? null) : null,
        leadId: batch === 'sign' && name ? (leads.get(name) ?? null) : null,
        reason: row.text('remark', 500),
        reported,
      };
    },
    accept(run, data) {
      run.plan.entriesCreated++;
      run.plan[data.batch]++;
    },
    plan: (run) => ({ ...run.plan }),

    async commit(tx, rows, { zoneId, resolved, actor, record }) {
      const { year, quarter } = resolved as Resolved;
      const staged = (await rows.all()).map((r) => r.data as CampaignListRow);
      const names = ['一', '二', '三', '四'];
      let [campaign] = rowsOf<{ id: string }>(await tx.execute(sql`select id from campaigns where zone_id = ${zoneId}::uuid and year = ${year} and quarter = ${quarter}`));
      let campaignsCreated = 0;
      if (!campaign) {
        campaign = { id: randomUUID() };
        await tx.execute(sql`insert into campaigns (id, zone_id, year, quarter, name) values (${campaign.id}::uuid, ${zoneId}::uuid, ${year}, ${quarter},
          ${`${year}年第${names[quarter - 1]}季度“三个一批”活动`})`);
        campaignsCreated = 1;
        await audit(tx, actor, { zoneId, action: 'campaign.create', entityType: 'campaign', entityId: campaign.id, after: { year, quarter, importId: rows.importId } });
      }
      const existing = rowsOf<{ batch: string; n: number }>(
        await tx.execute(sql`select batch, count(*)::int as n from campaign_entries where campaign_id = ${campaign.id}::uuid group by batch`),
      );
      const order = new Map(existing.map((e) => [e.batch, Number(e.n)]));
      const entries = staged.map((e) => ({ ...e, id: randomUUID(), sortOrder: (order.set(e.batch, (order.get(e.batch) ?? 0) + 1), order.get(e.batch)!) }));
      if (entries.length)
        await tx.execute(sql`insert into campaign_entries (id, zone_id, campaign_id, batch, project_id, lead_id, name, planned_amount_yuan, reason, sort_order)
          select (e->>'id')::uuid, ${zoneId}::uuid, ${campaign.id}::uuid, e->>'batch', (e->>'projectId')::uuid, (e->>'leadId')::uuid, e->>'name',
            (e->>'plannedAmountYuan')::bigint, e->>'reason', (e->>'sortOrder')::int
          from jsonb_array_elements(${JSON.stringify(entries)}::jsonb) e`);
      // For undo: the campaign if this import made it, and every nomination it listed.
      await record([
        ...(campaignsCreated ? [{ entityType: 'campaign', entityId: campaign.id, action: 'created' as const, version: 1 }] : []),
        ...entries.map((e) => ({ entityType: 'campaign_entry', entityId: e.id, action: 'created' as const, version: 1 })),
      ]);
      await audit(tx, actor, {
        zoneId,
        action: 'campaign.import',
        entityType: 'campaign',
        entityId: campaign.id,
        after: { importId: rows.importId, entries: entries.map((e) => ({ id: e.id, batch: e.batch, name: e.name, plannedAmountYuan: e.plannedAmountYuan, reported: e.reported })) },
      });
      return { campaignsCreated, entriesCreated: entries.length };
    },

    /**
     * The lists undone: the nominations the import listed removed, and the quarter's campaign if the
     * import made it — unless any changed since (edited, referred to, or the campaign given other
     * nominations or a signing event): then nothing is undone and they are listed.
     */
    async undo(tx, { records, actor, zoneId, referred, importId }) {
      const entryIds = records.filter((r) => r.entityType === 'campaign_entry').map((r) => r.entityId);
      const campaignIds = records.filter((r) => r.entityType === 'campaign').map((r) => r.entityId);
      const [entries, campaigns, entryRefs] = await Promise.all([current(tx, 'campaign_entries', entryIds), current(tx, 'campaigns', campaignIds), referred('campaign_entries', entryIds)]);
      const changed: { entity: string; id: string; label: string }[] = [];
      for (const id of entryIds) if ((entries.get(id)?.version ?? 1) !== 1 || entryRefs.has(id)) changed.push({ entity: 'campaign_entry', id, label: entries.get(id)?.label ?? id });
      for (const id of campaignIds) if ((campaigns.get(id)?.version ?? 1) !== 1) changed.push({ entity: 'campaign', id, label: campaigns.get(id)?.label ?? id });
      if (changed.length) throw undoConflict(changed);
      const [removed] = rowsOf<{ n: number; campaign_id: string | null }>(
        await tx.execute(sql`with d as (delete from campaign_entries where id = any(${sql.param(entryIds)}::uuid[]) returning campaign_id)
          select count(*)::int as n, min(campaign_id::text) as campaign_id from d`),
      );
      // A campaign the import made goes only when nothing else is on it now (the undo's transaction rolls back otherwise).
      const campaignRefs = await referred('campaigns', campaignIds);
      for (const id of campaignIds) if (campaignRefs.has(id)) changed.push({ entity: 'campaign', id, label: campaigns.get(id)?.label ?? id });
      if (changed.length) throw undoConflict(changed);
      if (campaignIds.length) await tx.execute(sql`delete from campaigns where id = any(${sql.param(campaignIds)}::uuid[])`);
      const campaignId = campaignIds[0] ?? removed.campaign_id;
      if (campaignId)
        await audit(tx, actor, { zoneId, action: 'campaign.import_undo', entityType: 'campaign', entityId: campaignId, before: { importId, entries: entryIds }, after: { campaignDeleted: campaignIds.length > 0 } });
      return { entriesDeleted: Number(removed.n), campaignsDeleted: campaignIds.length };
    },
  });
}

/** Current version and name of records (undo compares the version with the one the import left). */
async function current(db: DbOrTx, table: 'campaigns' | 'campaign_entries', ids: string[]): Promise<Map<string, { version: number; label: string }>> {
  if (!ids.length) return new Map();
  const rows = rowsOf<{ id: string; version: number; name: string }>(await db.execute(sql`select id, version, name from ${sql.identifier(table)} where id = any(${sql.param(ids)}::uuid[])`));
  return new Map(rows.map((r) => [r.id, { version: Number(r.version), label: r.name }]));
}

/** The zone's projects or leads by exact name (one id per name). */
async function namesOf(db: DbOrTx, table: 'projects' | 'leads', zoneId: string, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const rows = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select distinct on (name) id, name from ${sql.raw(table)} where zone_id = ${zoneId}::uuid and name = any(${sql.param(names)}::text[]) order by name, created_at`),
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}
