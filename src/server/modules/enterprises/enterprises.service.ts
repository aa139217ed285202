import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { createEnterpriseBody, listEnterprisesQuery, updateEnterpriseBody } from '../../../contract/enterprises.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { actionsFor, can } from '../../platform/policies.ts';
import { assertVersion } from '../../db/versioned.ts';
import type { EnterpriseRow, EnterprisesRepository } from './enterprises.repository.ts';
import { normalizeEnterpriseName } from './normalize-name.ts';

/**
 * Enterprises are shared by every zone (one enterprise, one record), so reads are not
 * zone-filtered. Edits belong to the zone that registered the enterprise (and admins), so one
 * zone cannot rewrite another's master data.
 */
export function createEnterprisesService(deps: { db: Db; enterprises: EnterprisesRepository; audit: AuditWriter }) {
  const { db, enterprises, audit } = deps;

  const present = (s: SessionContext, e: EnterpriseRow) => ({
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
    actions: actionsFor(s, 'enterprise', e.createdInZoneId),
  });

  async function assertNoDuplicate(creditCode: string | null | undefined, name: string | undefined, allowSimilarName: boolean, exceptId?: string) {
    if (creditCode) {
      const existing = await enterprises.findByCreditCode(db, creditCode);
      if (existing && existing.id !== exceptId) throw new AppError('DUPLICATE', { fields: [{ field: 'creditCode', reason: 'credit_code_taken' }], existingId: existing.id });
    }
    if (name && !allowSimilarName) {
      const similar = (await enterprises.findByNormalizedName(db, normalizeEnterpriseName(name))).filter((e) => e.id !== exceptId);
      if (similar.length) throw new AppError('DUPLICATE', { fields: [{ field: 'name', reason: 'enterprise_name_similar' }], existingId: similar[0].id });
    }
  }

  return {
    async list(s: SessionContext, q: z.infer<typeof listEnterprisesQuery>) {
      const { items, total } = await enterprises.list(db, { q: q.q, normalizedQ: q.q ? normalizeEnterpriseName(q.q) : undefined }, q);
      return { items: items.map((e) => present(s, e)), total, page: q.page, pageSize: q.pageSize };
    },

    async get(s: SessionContext, id: string) {
      const e = await enterprises.findById(db, id);
      if (!e) throw notFound();
      return present(s, e);
    },

    async create(s: SessionContext, body: z.infer<typeof createEnterpriseBody>, requestId: string) {
      const creditCode = body.noCreditCode ? null : (body.creditCode ?? null);
      await assertNoDuplicate(creditCode, body.name, Boolean(body.allowSimilarName));
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
      return present(s, row);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateEnterpriseBody>, requestId: string) {
      const before = await enterprises.findById(db, id);
      if (!before) throw notFound();
      if (!can(s, 'enterprise.update', before.createdInZoneId)) throw new AppError('FORBIDDEN');
      assertVersion(before, body.version);
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
      return present(s, after);
    },
  };
}

export type EnterprisesService = ReturnType<typeof createEnterprisesService>;
