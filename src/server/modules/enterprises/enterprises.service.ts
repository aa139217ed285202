import type { z } from 'zod';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { creditCodeProblem, normalizeCreditCode } from '../../../contract/credit-code.ts';
import type { contactBody, updateContactBody, createEnterpriseBody, exportEnterprisesQuery, listEnterprisesQuery, mergeEnterpriseBody, updateEnterpriseBody } from '../../../contract/enterprises.ts';
import { fromYuan } from '../../../contract/money.ts';
import { chinaToday, systemClock, type Clock } from '../../platform/clock.ts';
import { listWorkbook } from '../../platform/list-export.ts';
import { industryLabel } from '../../../contract/industries.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { can, hasPermission, type Permission } from '../../platform/policies.ts';
import { zoneScope } from '../../platform/scope.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { EnterpriseRow, EnterprisesRepository } from './enterprises.repository.ts';
import { exactNameKey, normalizeEnterpriseName } from './normalize-name.ts';

/** What another module knows of an enterprise it meets (a visit, an intake text, a ledger row). */
export interface FindOrCreateEnterprise {
  name: string;
  /** As typed: normalised (full-width, case, spaces) and checked here. */
  creditCode?: string | null;
  /** Required when there is no credit code: a foreign or not-yet-registered investor. */
  noCreditCode?: boolean;
  /** The zone that registers it (may edit it later); default the caller's first zone. */
  zoneId?: string | null;
  /** A new record's id when the caller has already handed it out (the ledger's staged rows). */
  id?: string;
  legalPerson?: string | null;
  registeredCapitalYuan?: number | null;
  industryCode?: string | null;
  regionCode?: string | null;
  address?: string | null;
  /** Prefix of the error paths, e.g. `meetings.0.enterprise.`. */
  field?: string;
  /** Extra audit fields saying where the record came from (e.g. `{ intakeSourceId }`). */
  provenance?: Record<string, unknown>;
}

/**
 * Enterprises are shared by every zone (one enterprise, one record), so reads are not
 * zone-filtered. Edits belong to the zone that registered the enterprise, to the zones that work
 * it (a lead or project with it), and to admins, so an unrelated zone cannot rewrite master data.
 */
export function createEnterprisesService(deps: { db: Db; enterprises: EnterprisesRepository; audit: AuditWriter; clock?: Clock }) {
  const { db, enterprises, audit, clock = systemClock } = deps;
  const filterOf = (q: z.infer<typeof exportEnterprisesQuery>) => ({ q: q.q, normalizedQ: q.q ? normalizeEnterpriseName(q.q) : undefined, industry: q.industry });
  let projectsTable: Promise<boolean> | undefined;
  const hasProjects = () => (projectsTable ??= enterprises.tableExists(db, 'projects'));

  /** The caller's zones that work each enterprise (none for admins: they may edit anyway). */
  async function linked(s: SessionContext, ids: string[]): Promise<Set<string>> {
    if (s.scope.all || !hasPermission(s, 'enterprise.update')) return new Set();
    return enterprises.linkedToZones(db, ids, (column) => zoneScope(s, column), await hasProjects());
  }

  function mayEdit(s: SessionContext, e: EnterpriseRow, linkedIds: Set<string>, permission: Permission = 'enterprise.update') {
    if (!hasPermission(s, permission)) return false;
    if (s.scope.all) return true;
    return (e.createdInZoneId != null && can(s, permission, e.createdInZoneId)) || linkedIds.has(e.id);
  }

  async function requireEdit(s: SessionContext, e: EnterpriseRow, permission: Permission = 'enterprise.update') {
    if (!mayEdit(s, e, await linked(s, [e.id]), permission)) throw new AppError('FORBIDDEN');
  }

  const present = (s: SessionContext, e: EnterpriseRow, linkedIds: Set<string> = new Set()) => ({
    id: e.id,
    creditCode: e.creditCode,
    name: e.name,
    legalPerson: e.legalPerson,
    registeredCapitalYuan: e.registeredCapitalYuan,
    industryCode: e.industryCode,
    regionCode: e.regionCode,
    address: e.address,
    noCreditCode: e.creditCode == null,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
    actions: [
      ...(mayEdit(s, e, linkedIds) ? ['update', 'addContact'] : []),
      ...(mayEdit(s, e, linkedIds, 'enterprise.merge') ? ['merge'] : []),
      ...(hasPermission(s, 'zone.read') ? ['history'] : []),
    ],
  });

  /**
   * A contact's phone and e-mail are personal data: in full only for `reachable` callers (admins, and
   * the zones that registered or work the enterprise); masked for every other zone's users, who still
   * see that someone is there to ask for (docs/pipeline.md, "Enterprise contacts").
   */
  const presentContact = (c: Awaited<ReturnType<EnterprisesRepository['listContacts']>>[number], reachable = true) => ({
    id: c.id,
    enterpriseId: c.enterpriseId,
    name: c.name,
    title: c.title,
    phone: reachable ? c.phone : maskPhone(c.phone),
    email: reachable ? c.email : maskEmail(c.email),
    version: c.version,
  });

  async function checkRegion(code: string | null | undefined, d: DbOrTx = db, field = 'regionCode') {
    if (code && !(await enterprises.regionExists(d, code))) throw fieldError(field, 'unknown_region');
  }

  async function assertNoDuplicate(creditCode: string | null | undefined, name: string | undefined, allowSimilarName: boolean, exceptId?: string) {
    if (creditCode) {
      const existing = await enterprises.findByCreditCode(db, creditCode);
      if (existing && existing.id !== exceptId)
        throw new AppError('DUPLICATE', { fields: [{ field: 'creditCode', reason: 'credit_code_taken' }], existingId: existing.id });
    }
    if (name && !allowSimilarName) {
      const similar = (await enterprises.findByNormalizedName(db, normalizeEnterpriseName(name))).filter((e) => e.id !== exceptId);
      if (similar.length) throw new AppError('DUPLICATE', { fields: [{ field: 'name', reason: 'enterprise_name_similar' }], existingId: similar[0].id });
    }
  }

  return {
    /**
     * Recomputes the stored comparable names with today's rule (region prefix, suffix and industry
     * words stripped), so a database from before the rule suggests 铭诚微电子 for its full name.
     * Returns how many changed.
     */
    async renormalizeNames(): Promise<number> {
      const rows = await enterprises.namesAndForms(db);
      const changed = rows.map((r) => ({ id: r.id, form: normalizeEnterpriseName(r.name), old: r.normalizedName })).filter((r) => r.form !== r.old);
      if (changed.length)
        await db.transaction(async (tx) => {
          for (const r of changed) await enterprises.setNormalizedName(tx, r.id, r.form);
        });
      return changed.length;
    },

    /** Whether an enterprise exists (enterprises are shared, so any caller may link to one). */
    async exists(d: DbOrTx, id: string): Promise<boolean> {
      return Boolean(await enterprises.findById(d, id));
    },

    /**
     * Finds an enterprise by credit code, then by normalised name, or registers it, inside the
     * caller's transaction (trip meetings, intake, the ledger import). A typed code is normalised
     * and checked; without one the caller must say `noCreditCode` (a foreign or unregistered
     * investor). A name match with a different credit code is another enterprise. Errors name
     * `${field}creditCode` / `${field}name`, so a caller can point at its own input.
     */
    async findOrCreateInTx(
      tx: Tx,
      s: SessionContext,
      input: FindOrCreateEnterprise,
      requestId: string,
    ): Promise<{ id: string; created: boolean; name: string; creditCode: string | null }> {
      const field = input.field ?? '';
      const code = input.creditCode ? normalizeCreditCode(input.creditCode) : null;
      if (code) {
        const problem = creditCodeProblem(code);
        if (problem) throw fieldError(`${field}creditCode`, `credit_code_${problem}`);
        const found = await enterprises.findByCreditCode(tx, code);
        if (found) return { id: found.id, created: false, name: found.name, creditCode: found.creditCode };
      } else if (!input.noCreditCode) {
        throw fieldError(`${field}creditCode`, 'credit_code_required');
      }
      const normalizedName = normalizeEnterpriseName(input.name);
      // Reused silently only under the exact name: a merely similar one is a suggestion for a person.
      const same = (await enterprises.findByNormalizedName(tx, normalizedName)).find((e) => exactNameKey(e.name) === exactNameKey(input.name));
      if (same && (!code || !same.creditCode)) return { id: same.id, created: false, name: same.name, creditCode: same.creditCode };
      const zoneId = input.zoneId ?? (s.scope.all ? null : (s.scope.zoneIds[0] ?? null));
      if (!hasPermission(s, 'enterprise.create') || (zoneId && !can(s, 'enterprise.create', zoneId))) throw new AppError('FORBIDDEN');
      await checkRegion(input.regionCode, tx, `${field}regionCode`);
      const created = await enterprises.insert(tx, {
        ...(input.id ? { id: input.id } : {}),
        creditCode: code,
        name: input.name,
        normalizedName,
        legalPerson: input.legalPerson ?? null,
        registeredCapitalYuan: input.registeredCapitalYuan ?? null,
        industryCode: input.industryCode ?? null,
        regionCode: input.regionCode ?? null,
        address: input.address ?? null,
        createdInZoneId: zoneId,
      });
      await audit(tx, actorOf(s, requestId), {
        zoneId: null,
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: created.id,
        after: { ...created, ...input.provenance },
      });
      return { id: created.id, created: true, name: created.name, creditCode: created.creditCode };
    },

    async list(s: SessionContext, q: z.infer<typeof listEnterprisesQuery>) {
      const { items, total } = await enterprises.list(db, filterOf(q), q, q);
      const linkedIds = await linked(
        s,
        items.map((e) => e.id),
      );
      return { items: items.map((e) => present(s, e, linkedIds)), total, page: q.page, pageSize: q.pageSize };
    },

    /** 企业库 as filtered and sorted on screen, as an .xlsx people file (platform/list-export.ts). */
    async exportList(s: SessionContext, q: z.infer<typeof exportEnterprisesQuery>) {
      const { items } = await enterprises.list(db, filterOf(q), null, q);
      const wan = (yuan: number | null) => (yuan == null ? null : Number(fromYuan(yuan, 'wan')));
      return listWorkbook({
        title: '企业库',
        fileName: `企业库-${chinaToday(clock)}.xlsx`,
        clock,
        rows: items,
        note: [q.q && `搜索“${q.q}”`, q.industry && `行业 ${industryLabel(q.industry) ?? q.industry}`].filter(Boolean).join('，') || undefined,
        columns: [
          { header: '企业名称', width: 36, value: (e) => e.name },
          { header: '统一社会信用代码', width: 22, value: (e) => e.creditCode ?? '暂无代码' },
          { header: '法定代表人', width: 12, value: (e) => e.legalPerson },
          { header: '注册资本（万元）', width: 16, value: (e) => wan(e.registeredCapitalYuan), numFmt: '#,##0.####' },
          { header: '所属行业', width: 28, value: (e) => (e.industryCode ? (industryLabel(e.industryCode) ?? e.industryCode) : null) },
          { header: '行政区划代码', width: 14, value: (e) => e.regionCode },
          { header: '地址', width: 36, value: (e) => e.address },
        ],
      });
    },

    async get(s: SessionContext, id: string) {
      const e = await enterprises.findById(db, id);
      if (!e) throw notFound();
      return present(s, e, await linked(s, [id]));
    },

    /** For the routes' pre-validation check: 404 when missing, 403 when the caller may not edit it. */
    async assertEditable(s: SessionContext, kind: 'enterprise' | 'contact', id: string, permission: Permission = 'enterprise.update') {
      const enterpriseId = kind === 'contact' ? (await enterprises.findContact(db, id))?.enterpriseId : id;
      const e = enterpriseId ? await enterprises.findById(db, enterpriseId) : undefined;
      if (!e) throw notFound();
      await requireEdit(s, e, permission);
    },

    /** The enterprise page: contacts, and its leads and projects in the caller's zones. */
    async page(s: SessionContext, id: string) {
      const e = await enterprises.findById(db, id);
      if (!e) throw notFound();
      const [contacts, leadRows, projectRows, duplicates, regionName, linkedIds] = await Promise.all([
        enterprises.listContacts(db, id),
        enterprises.leadsOf(db, id, (column) => zoneScope(s, column)),
        hasProjects().then((has) => (has ? enterprises.projectsOf(db, id, (column) => zoneScope(s, column)) : [])),
        enterprises.similar(db, id, e.normalizedName),
        enterprises.regionName(db, e.regionCode),
        linked(s, [id]),
      ]);
      return {
        enterprise: present(s, e, linkedIds),
        industryLabel: industryLabel(e.industryCode) ?? null,
        regionName,
        contacts: contacts.map((c) =>
          presentContact(c, s.scope.all || (e.createdInZoneId != null && s.scope.zoneIds.includes(e.createdInZoneId)) || leadRows.length > 0 || projectRows.length > 0),
        ),
        leads: leadRows.map((l) => ({ ...l, amountYuan: l.amountYuan ?? null })),
        projects: projectRows,
        duplicates,
      };
    },

    async addContact(s: SessionContext, id: string, body: z.infer<typeof contactBody>, requestId: string) {
      const e = await enterprises.findById(db, id);
      if (!e) throw notFound();
      await requireEdit(s, e);
      const row = await db.transaction(async (tx) => {
        const c = await enterprises.insertContact(tx, {
          enterpriseId: id,
          name: body.name,
          title: body.title ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
        });
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'enterprise.contact.create', entityType: 'enterprise', entityId: id, after: c });
        return c;
      });
      return presentContact(row);
    },

    async updateContact(s: SessionContext, contactId: string, body: z.infer<typeof updateContactBody>, requestId: string) {
      const before = await enterprises.findContact(db, contactId);
      if (!before) throw notFound();
      const e = await enterprises.findById(db, before.enterpriseId);
      if (!e) throw notFound();
      await requireEdit(s, e);
      assertVersion(before, body.version);
      const row = await db.transaction(async (tx) => {
        const c = await enterprises.updateContact(tx, contactId, body.version, {
          name: body.name,
          title: body.title ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
        });
        if (!c) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version });
        await audit(tx, actorOf(s, requestId), {
          zoneId: null,
          action: 'enterprise.contact.update',
          entityType: 'enterprise',
          entityId: e.id,
          before,
          after: c,
        });
        return c;
      });
      return presentContact(row);
    },

    async deleteContact(s: SessionContext, contactId: string, requestId: string) {
      const before = await enterprises.findContact(db, contactId);
      if (!before) throw notFound();
      const e = await enterprises.findById(db, before.enterpriseId);
      if (!e) throw notFound();
      await requireEdit(s, e);
      await db.transaction(async (tx) => {
        await enterprises.deleteContact(tx, contactId);
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'enterprise.contact.delete', entityType: 'enterprise', entityId: e.id, before });
      });
      return { ok: true as const };
    },

    /**
     * Merges a duplicate into this enterprise: every column that references the duplicate (leads,
     * partners, activities, contacts, projects …) is moved, blank fields are filled from it, and it is
     * deleted, in one audited transaction.
     */
    async merge(s: SessionContext, id: string, body: z.infer<typeof mergeEnterpriseBody>, requestId: string) {
      if (body.duplicateId === id) throw fieldError('duplicateId', 'merge_same');
      const kept = await enterprises.findById(db, id);
      if (!kept) throw notFound();
      const dup = await enterprises.findById(db, body.duplicateId);
      if (!dup) throw fieldError('duplicateId', 'unknown_enterprise');
      await requireEdit(s, kept, 'enterprise.merge');
      await requireEdit(s, dup, 'enterprise.merge');
      assertVersion(kept, body.version);
      const result = await db.transaction(async (tx) => {
        const moved: Record<string, number> = {};
        for (const { table, column } of await enterprises.referencingColumns(tx)) {
          const n = await enterprises.moveLinks(tx, table, column, dup.id, kept.id);
          if (n) moved[`${table}.${column}`] = n;
        }
        const fill: Partial<EnterpriseRow> = {};
        for (const k of ['legalPerson', 'registeredCapitalYuan', 'industryCode', 'regionCode', 'address', 'createdInZoneId'] as const) {
          if (kept[k] == null && dup[k] != null) (fill as Record<string, unknown>)[k] = dup[k];
        }
        await enterprises.deleteEnterprise(tx, dup.id);
        if (!kept.creditCode && dup.creditCode) fill.creditCode = dup.creditCode;
        const after = await enterprises.update(tx, id, body.version, fill);
        await audit(tx, actorOf(s, requestId), {
          zoneId: null,
          action: 'enterprise.merge',
          entityType: 'enterprise',
          entityId: id,
          before: { kept, duplicate: dup },
          after: { ...after, moved },
        });
        await audit(tx, actorOf(s, requestId), {
          zoneId: null,
          action: 'enterprise.merged_into',
          entityType: 'enterprise',
          entityId: dup.id,
          before: dup,
          after: { mergedInto: id },
        });
        return { after, moved };
      });
      return { enterprise: present(s, result.after, await linked(s, [id])), moved: result.moved };
    },

    async create(s: SessionContext, body: z.infer<typeof createEnterpriseBody>, requestId: string) {
      const creditCode = body.noCreditCode ? null : (body.creditCode ?? null);
      await assertNoDuplicate(creditCode, body.name, Boolean(body.allowSimilarName));
      await checkRegion(body.regionCode);
      const row = await db.transaction(async (tx) => {
        const created = await enterprises.insert(tx, {
          creditCode,
          name: body.name,
          normalizedName: normalizeEnterpriseName(body.name),
          legalPerson: body.legalPerson ?? null,
          registeredCapitalYuan: body.registeredCapitalWan ?? null,
          industryCode: body.industryCode ?? null,
          regionCode: body.regionCode ?? null,
          address: body.address ?? null,
          createdInZoneId: s.scope.all ? null : (s.scope.zoneIds[0] ?? null),
        });
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'enterprise.create', entityType: 'enterprise', entityId: created.id, after: created });
        return created;
      });
      return present(s, row, await linked(s, [row.id]));
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateEnterpriseBody>, requestId: string) {
      const before = await enterprises.findById(db, id);
      if (!before) throw notFound();
      await requireEdit(s, before);
      assertVersion(before, body.version);
      await checkRegion(body.regionCode);
      await assertNoDuplicate(body.creditCode, body.name !== before.name ? body.name : undefined, false, id);
      const { version, registeredCapitalWan, ...rest } = body;
      const after = await db.transaction(async (tx) => {
        const row = await enterprises.update(tx, id, version, {
          ...rest,
          ...(registeredCapitalWan !== undefined ? { registeredCapitalYuan: registeredCapitalWan } : {}),
          ...(body.name ? { normalizedName: normalizeEnterpriseName(body.name) } : {}),
        });
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'enterprise.update', entityType: 'enterprise', entityId: id, before, after: row });
        return row;
      });
      return present(s, after, await linked(s, [id]));
    },
  };
}

export type EnterprisesService = ReturnType<typeof createEnterprisesService>;

/** 13812345678 → 138****5678; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : `****${digits.slice(-2)}`;
}

/** zhang.san@example.com → z***@example.com. */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.indexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
}
