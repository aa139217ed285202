/**
 * The enterprise profile (企业画像): honours and statuses, yearly figures, production lines and
 * cooperation agreements. They are facts of the shared enterprise record, so they carry no zone;
 * each row records who entered it and from which zone. Whoever may edit the enterprise (the zone
 * that registered it or works it, admins) or has it on one of their zone's chains may keep them.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type {
  cooperationBody,
  figuresBody,
  honourBody,
  productionLineBody,
  updateCooperationBody,
  updateFiguresBody,
  updateHonourBody,
  updateProductionLineBody,
} from '../../../contract/chains.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { chinaToday, type Clock } from '../../platform/clock.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import { hasPermission } from '../../platform/policies.ts';
import { zoneScope } from '../../platform/scope.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { EnterprisesService } from '../enterprises/index.ts';
import type { ChainsRepository } from './chains.repository.ts';
import type { ProfileKind, ProfileRepository } from './profile.repository.ts';

export interface ProfileDeps {
  db: Db;
  profile: ProfileRepository;
  chains: Pick<ChainsRepository, 'placementsOfEnterprise' | 'placedInZones'>;
  enterprises: Pick<EnterprisesService, 'exists' | 'assertEditable'>;
  audit: AuditWriter;
  clock: Clock;
}

const n = (v: string | number | null | undefined) => (v == null ? null : Number(v));
const entityType: Record<ProfileKind, string> = {
  honour: 'enterprise_honour',
  figures: 'enterprise_figures',
  line: 'enterprise_production_line',
  cooperation: 'enterprise_cooperation',
};

export function createProfileService(deps: ProfileDeps) {
  const { db, profile, audit, clock } = deps;
  const thisYear = () => Number(chinaToday(clock).slice(0, 4));
  /** The caller's zones, on the placements' `cle.zone_id`. */
  const inZones = (s: SessionContext) => zoneScope(s, sql.raw('cle.zone_id'));

  async function mayEdit(s: SessionContext, enterpriseId: string): Promise<boolean> {
    if (!hasPermission(s, 'enterprise.profile.update')) return false;
    if (s.scope.all) return true;
    if (await deps.chains.placedInZones(db, enterpriseId, inZones(s))) return true;
    try {
      await deps.enterprises.assertEditable(s, 'enterprise', enterpriseId);
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'FORBIDDEN') return false;
      throw err;
    }
  }
  /** 404 for a missing enterprise, 403 for one the caller may not keep the profile of. */
  async function assertEditable(s: SessionContext, enterpriseId: string) {
    if (!(await deps.enterprises.exists(db, enterpriseId))) throw notFound();
    if (!(await mayEdit(s, enterpriseId))) throw new AppError('FORBIDDEN');
  }
  async function loadRow<K extends ProfileKind>(s: SessionContext, kind: K, id: string) {
    const row = await profile.find(db, kind, id);
    if (!row) throw notFound();
    await assertEditable(s, row.enterpriseId);
    return row;
  }

  function checkYear(year: number | undefined) {
    if (year !== undefined && year > thisYear()) throw fieldError('year', 'year_in_future');
  }
  function checkHonourDates(v: { year: number; grantedOn?: string | null; validUntil?: string | null }) {
    checkYear(v.year);
    if (v.grantedOn) {
      if (v.grantedOn > chinaToday(clock)) throw fieldError('grantedOn', 'date_in_future');
      if (Number(v.grantedOn.slice(0, 4)) !== v.year) throw fieldError('grantedOn', 'granted_outside_year');
    }
    if (v.validUntil && v.grantedOn && v.validUntil < v.grantedOn) throw fieldError('validUntil', 'valid_before_granted');
  }

  const entered = (r: { enteredByName: string | null; enteredInZoneName: string | null; row: { updatedAt: Date } }) => ({
    enteredByName: r.enteredByName,
    enteredInZoneName: r.enteredInZoneName,
    updatedAt: r.row.updatedAt.toISOString(),
  });
  const by = (s: SessionContext) => ({ enteredById: s.user.id, enteredInZoneId: s.scope.all ? null : (s.scope.zoneIds[0] ?? null) });

  type Rows<K extends ProfileKind> = Awaited<ReturnType<typeof profile.rowsOfEnterprise<K>>>[number];
  const present = {
    honour: (r: Rows<'honour'>) => ({
      id: r.row.id,
      enterpriseId: r.row.enterpriseId,
      kind: r.row.kind,
      year: r.row.year,
      grantedOn: r.row.grantedOn,
      validUntil: r.row.validUntil,
      issuer: r.row.issuer,
      certificateNo: r.row.certificateNo,
      note: r.row.note,
      version: r.row.version,
      ...entered(r),
    }),
    figures: (r: Rows<'figures'>) => {
      const f = r.row;
      const land = n(f.landMu);
      return {
        id: f.id,
        enterpriseId: f.enterpriseId,
        year: f.year,
        outputYuan: f.outputYuan,
        revenueYuan: f.revenueYuan,
        taxYuan: f.taxYuan,
        landMu: land,
        energyTce: n(f.energyTce),
        emissionsTonnes: n(f.emissionsTonnes),
        employees: f.employees,
        rndYuan: f.rndYuan,
        valueAddedYuan: f.valueAddedYuan,
        taxPerMuYuan: land && f.taxYuan != null ? Math.round(f.taxYuan / land) : null,
        outputPerMuYuan: land && f.outputYuan != null ? Math.round(f.outputYuan / land) : null,
        source: f.source,
        version: f.version,
        ...entered(r),
      };
    },
    line: (r: Rows<'line'>) => ({
      id: r.row.id,
      enterpriseId: r.row.enterpriseId,
      name: r.row.name,
      products: r.row.products,
      capacity: n(r.row.capacity),
      capacityUnit: r.row.capacityUnit,
      status: r.row.status,
      startedOn: r.row.startedOn,
      note: r.row.note,
      version: r.row.version,
      ...entered(r),
    }),
    cooperation: (r: Rows<'cooperation'>) => ({
      id: r.row.id,
      enterpriseId: r.row.enterpriseId,
      kind: r.row.kind,
      title: r.row.title,
      partnerName: r.row.partnerName,
      partnerKind: r.row.partnerKind,
      otherParties: r.row.otherParties,
      signedOn: r.row.signedOn,
      endsOn: r.row.endsOn,
      note: r.row.note,
      version: r.row.version,
      ...entered(r),
    }),
  };

  async function presentOne<K extends ProfileKind>(kind: K, id: string) {
    const row = (await profile.find(db, kind, id))!;
    const all = await profile.rowsOfEnterprise(db, kind, row.enterpriseId);
    return (present[kind] as (r: Rows<K>) => unknown)(all.find((r) => r.row.id === id)!) as ReturnType<(typeof present)[K]>;
  }

  async function create<K extends ProfileKind>(s: SessionContext, kind: K, enterpriseId: string, values: Record<string, unknown>, requestId: string) {
    await assertEditable(s, enterpriseId);
    const row = await db.transaction(async (tx) => {
      const r = await profile.insert(tx, kind, { ...values, enterpriseId, ...by(s) } as never);
      await audit(tx, actorOf(s, requestId), { zoneId: null, action: `${entityType[kind]}.create`, entityType: entityType[kind], entityId: r.id, after: r });
      return r;
    });
    return presentOne(kind, row.id);
  }
  async function update<K extends ProfileKind>(
    s: SessionContext,
    kind: K,
    id: string,
    version: number,
    patch: Record<string, unknown>,
    requestId: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    check?: (before: any) => Promise<void> | void,
  ) {
    const before = await loadRow(s, kind, id);
    assertVersion(before, version);
    if (check) await check(before);
    await db.transaction(async (tx) => {
      const after = await profile.update(tx, kind, id, version, { ...patch, ...by(s) } as never);
      await audit(tx, actorOf(s, requestId), { zoneId: null, action: `${entityType[kind]}.update`, entityType: entityType[kind], entityId: id, before, after });
    });
    return presentOne(kind, id);
  }

  const figureValues = (b: Partial<z.infer<typeof figuresBody>>) => {
    const v: Record<string, unknown> = {};
    if (b.outputWan !== undefined) v.outputYuan = b.outputWan;
    if (b.revenueWan !== undefined) v.revenueYuan = b.revenueWan;
    if (b.taxWan !== undefined) v.taxYuan = b.taxWan;
    if (b.rndWan !== undefined) v.rndYuan = b.rndWan;
    if (b.valueAddedWan !== undefined) v.valueAddedYuan = b.valueAddedWan;
    for (const k of ['landMu', 'energyTce', 'emissionsTonnes'] as const) if (b[k] !== undefined) v[k] = b[k] == null ? null : String(b[k]);
    if (b.employees !== undefined) v.employees = b.employees;
    return v;
  };

  return {
    /** For the routes' record checks (before the body is validated): 404 missing, 403 not the caller's to keep. */
    async assertProfileEditable(s: SessionContext, kind: ProfileKind | 'enterprise', id: string) {
      if (kind === 'enterprise') await assertEditable(s, id);
      else await loadRow(s, kind, id);
    },

    async profile(s: SessionContext, enterpriseId: string) {
      if (!(await deps.enterprises.exists(db, enterpriseId))) throw notFound();
      const [honours, figures, lines, cooperations, placements, editable] = await Promise.all([
        profile.rowsOfEnterprise(db, 'honour', enterpriseId),
        profile.rowsOfEnterprise(db, 'figures', enterpriseId),
        profile.rowsOfEnterprise(db, 'line', enterpriseId),
        profile.rowsOfEnterprise(db, 'cooperation', enterpriseId),
        deps.chains.placementsOfEnterprise(db, enterpriseId, inZones(s)),
        mayEdit(s, enterpriseId),
      ]);
      return {
        enterpriseId,
        honours: honours.map(present.honour),
        figures: figures.map(present.figures),
        lines: lines.map(present.line),
        cooperations: cooperations.map(present.cooperation),
        placements: placements.map((p) => ({
          zoneName: p.zone_name,
          chainId: p.chain_id,
          chainName: p.chain_name,
          linkId: p.link_id,
          linkName: p.link_name,
          role: p.role,
        })),
        actions: editable ? ['update'] : [],
      };
    },

    async addHonour(s: SessionContext, enterpriseId: string, body: z.infer<typeof honourBody>, requestId: string) {
      checkHonourDates(body);
      if (await profile.honourOf(db, enterpriseId, body.kind, body.year)) throw fieldError('year', 'honour_year_taken', 'DUPLICATE');
      return create(s, 'honour', enterpriseId, { ...body }, requestId);
    },
    updateHonour: (s: SessionContext, id: string, body: z.infer<typeof updateHonourBody>, requestId: string) => {
      const { version, ...patch } = body;
      return update(s, 'honour', id, version, patch, requestId, async (before) => {
        const next = { ...before, ...patch };
        checkHonourDates(next);
        const other = await profile.honourOf(db, before.enterpriseId, next.kind, next.year);
        if (other && other.id !== id) throw fieldError('year', 'honour_year_taken', 'DUPLICATE');
      });
    },
    async deleteHonour(s: SessionContext, id: string, requestId: string) {
      const before = await loadRow(s, 'honour', id);
      await db.transaction(async (tx) => {
        await profile.remove(tx, 'honour', id);
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'enterprise_honour.delete', entityType: 'enterprise_honour', entityId: id, before });
      });
      return { ok: true as const };
    },

    async addFigures(s: SessionContext, enterpriseId: string, body: z.infer<typeof figuresBody>, requestId: string) {
      checkYear(body.year);
      if (await profile.figuresOf(db, enterpriseId, body.year)) throw fieldError('year', 'figures_year_taken', 'DUPLICATE');
      return create(s, 'figures', enterpriseId, { year: body.year, source: 'manual', ...figureValues(body) }, requestId);
    },
    updateFigures: (s: SessionContext, id: string, body: z.infer<typeof updateFiguresBody>, requestId: string) =>
      update(s, 'figures', id, body.version, { source: 'manual', ...figureValues(body) }, requestId),

    async addLine(s: SessionContext, enterpriseId: string, body: z.infer<typeof productionLineBody>, requestId: string) {
      if (body.startedOn && body.startedOn > chinaToday(clock) && body.status === 'operating') throw fieldError('startedOn', 'date_in_future');
      return create(s, 'line', enterpriseId, { ...body, capacity: body.capacity == null ? null : String(body.capacity) }, requestId);
    },
    updateLine: (s: SessionContext, id: string, body: z.infer<typeof updateProductionLineBody>, requestId: string) => {
      const { version, capacity, ...patch } = body;
      return update(
        s,
        'line',
        id,
        version,
        { ...patch, ...(capacity !== undefined ? { capacity: capacity == null ? null : String(capacity) } : {}) },
        requestId,
      );
    },

    async addCooperation(s: SessionContext, enterpriseId: string, body: z.infer<typeof cooperationBody>, requestId: string) {
      if (body.endsOn && body.signedOn && body.endsOn < body.signedOn) throw fieldError('endsOn', 'ends_before_signed');
      return create(s, 'cooperation', enterpriseId, { ...body, otherParties: body.otherParties ?? [] }, requestId);
    },
    updateCooperation: (s: SessionContext, id: string, body: z.infer<typeof updateCooperationBody>, requestId: string) => {
      const { version, ...patch } = body;
      return update(s, 'cooperation', id, version, patch, requestId, (before) => {
        const next = { ...before, ...patch };
        if (next.endsOn && next.signedOn && next.endsOn < next.signedOn) throw fieldError('endsOn', 'ends_before_signed');
      });
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
