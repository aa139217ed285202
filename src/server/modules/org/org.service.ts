import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { createDepartmentBody, createParkBody, createZoneBody, updateDepartmentBody, updateParkBody, updateZoneBody } from '../../../contract/org.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { actionsFor, can, inScope } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { DepartmentRow, OrgRepository, ParkRow, ZoneWithParks } from './org.repository.ts';
import { allRegions } from './org.seed.ts';

/**
 * What org needs of the auth module: cached sessions dropped once zones changed, since admins' and
 * region viewers' scopes are derived from the zones (decision 026). Stated here, not imported: auth
 * reads zones through this service (no import cycle).
 */
export interface SessionForgetter {
  forgetAllSessions(): void;
}

export function createOrgService(deps: { db: Db; org: OrgRepository; audit: AuditWriter; sessions: SessionForgetter }) {
  const { db, org, audit, sessions } = deps;

  const presentPark = (s: SessionContext, p: ParkRow) => ({
    id: p.id,
    zoneId: p.zoneId,
    name: p.name,
    version: p.version,
    actions: actionsFor(s, 'park', p.zoneId),
  });
  const presentZone = (s: SessionContext, z: ZoneWithParks) => ({
    id: z.id,
    code: z.code,
    name: z.name,
    shortName: z.shortName,
    kind: z.kind,
    regionCode: z.regionCode,
    regionName: z.regionName,
    reportPeriod: z.reportPeriod,
    parks: z.parks.map((p) => presentPark(s, p)),
    version: z.version,
    actions: actionsFor(s, 'zone', z.id),
  });
  const presentDepartment = (s: SessionContext, d: DepartmentRow) => ({
    id: d.id,
    zoneId: d.zoneId,
    name: d.name,
    kind: d.kind,
    version: d.version,
    actions: actionsFor(s, 'department', d.zoneId),
  });

  /** A record outside the caller's zones is reported as missing, so ids cannot be probed. */
  async function zoneInScope(s: SessionContext, id: string) {
    const zone = inScope(s, id) ? await org.findZone(db, id) : undefined;
    if (!zone) throw notFound();
    return zone;
  }

  function requireZoneAction(s: SessionContext, permission: Parameters<typeof can>[1], zoneId: string) {
    if (!can(s, permission, zoneId)) throw new AppError('FORBIDDEN');
  }

  return {
    listRegions: () => org.listRegions(db),

    /** For the router's record checks (operations with `record: { kind: 'zone' | 'park' | 'department' }`). */
    inCallerScope: (s: SessionContext, kind: 'zone' | 'park' | 'department', id: string) => org.inScope(db, s, kind, id),

    /** The caller's zones by name (the session's zone switcher). */
    zoneRefs: (s: SessionContext) => org.zoneRefs(db, s),

    /** Which of these zone ids exist (for assigning users to zones). */
    existingZoneIds: (ids: string[]) => org.existingZoneIds(db, ids),

    regionByCode: (code: string) => org.regionByCode(db, code),

    /**
     * Loads every GB/T 2260 code into an existing database (one insert, codes already there kept),
     * so a database seeded with the old 26 codes accepts every county and city.
     */
    ensureRegions: () => org.insertRegions(db, allRegions()),

    /** Is the department one of these zones'? */
    departmentInZones: (id: string, zoneIds: string[]) => org.departmentInZones(db, id, zoneIds),

    async listZones(s: SessionContext) {
      return (await org.listZones(db, s)).map((z) => presentZone(s, z));
    },

    async getZone(s: SessionContext, id: string) {
      return presentZone(s, await zoneInScope(s, id));
    },

    async createZone(s: SessionContext, body: z.infer<typeof createZoneBody>, requestId: string) {
      if (!(await org.regionByCode(db, body.regionCode))) throw fieldError('regionCode', 'unknown_region');
      const created = await db.transaction(async (tx) => {
        const zone = await org.insertZone(tx, body);
        await audit(tx, actorOf(s, requestId), { zoneId: zone.id, action: 'zone.create', entityType: 'zone', entityId: zone.id, after: zone });
        return zone;
      });
      sessions.forgetAllSessions();
      // The creator is an admin, whose scope is every zone, including this new one.
      return presentZone({ ...s, scope: { ...s.scope, all: true, zoneIds: [...s.scope.zoneIds, created.id] } }, (await org.findZone(db, created.id))!);
    },

    async updateZone(s: SessionContext, id: string, body: z.infer<typeof updateZoneBody>, requestId: string) {
      const before = await zoneInScope(s, id);
      requireZoneAction(s, 'zone.update', id);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      await db.transaction(async (tx) => {
        const after = await org.updateZone(tx, id, version, patch);
        const { parks: _parks, regionName: _region, ...plainBefore } = before;
        await audit(tx, actorOf(s, requestId), { zoneId: id, action: 'zone.update', entityType: 'zone', entityId: id, before: plainBefore, after });
      });
      // Its region is fixed today; should it become editable, region viewers' scopes follow at once.
      sessions.forgetAllSessions();
      return presentZone(s, (await org.findZone(db, id))!);
    },

    async createPark(s: SessionContext, zoneId: string, body: z.infer<typeof createParkBody>, requestId: string) {
      await zoneInScope(s, zoneId);
      requireZoneAction(s, 'park.manage', zoneId);
      const park = await db.transaction(async (tx) => {
        const row = await org.insertPark(tx, { zoneId, name: body.name });
        await audit(tx, actorOf(s, requestId), { zoneId, action: 'park.create', entityType: 'park', entityId: row.id, after: row });
        return row;
      });
      return presentPark(s, park);
    },

    async updatePark(s: SessionContext, id: string, body: z.infer<typeof updateParkBody>, requestId: string) {
      const before = await org.findPark(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requireZoneAction(s, 'park.manage', before.zoneId);
      assertVersion(before, body.version);
      const after = await db.transaction(async (tx) => {
        const row = await org.updatePark(tx, id, body.version, { name: body.name });
        await audit(tx, actorOf(s, requestId), { zoneId: before.zoneId, action: 'park.update', entityType: 'park', entityId: id, before, after: row });
        return row;
      });
      return presentPark(s, after);
    },

    async listDepartments(s: SessionContext, zoneId?: string) {
      return (await org.listDepartments(db, s, zoneId)).map((d) => presentDepartment(s, d));
    },

    async getDepartment(s: SessionContext, id: string) {
      const d = await org.findDepartment(db, id);
      if (!d || !inScope(s, d.zoneId)) throw notFound();
      return presentDepartment(s, d);
    },

    async createDepartment(s: SessionContext, body: z.infer<typeof createDepartmentBody>, requestId: string) {
      if (!inScope(s, body.zoneId)) throw fieldError('zoneId', 'zone_out_of_scope');
      requireZoneAction(s, 'department.manage', body.zoneId);
      const row = await db.transaction(async (tx) => {
        const d = await org.insertDepartment(tx, body);
        await audit(tx, actorOf(s, requestId), { zoneId: d.zoneId, action: 'department.create', entityType: 'department', entityId: d.id, after: d });
        return d;
      });
      return presentDepartment(s, row);
    },

    async updateDepartment(s: SessionContext, id: string, body: z.infer<typeof updateDepartmentBody>, requestId: string) {
      const before = await org.findDepartment(db, id);
      if (!before || !inScope(s, before.zoneId)) throw notFound();
      requireZoneAction(s, 'department.manage', before.zoneId);
      assertVersion(before, body.version);
      const { version, ...patch } = body;
      const after = await db.transaction(async (tx) => {
        const row = await org.updateDepartment(tx, id, version, patch);
        await audit(tx, actorOf(s, requestId), {
          zoneId: before.zoneId,
          action: 'department.update',
          entityType: 'department',
          entityId: id,
          before,
          after: row,
        });
        return row;
      });
      return presentDepartment(s, after);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
