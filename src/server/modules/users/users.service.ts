import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { createUserBody, grantLoginBody, listUsersQuery, resetPasswordBody, updateUserBody } from '../../../contract/users.ts';
import { regionScopedRoles, roleLabels, type Role } from '../../../contract/roles.ts';
import type { FieldError } from '../../../contract/errors.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { chinaDate, chinaToday, type Clock } from '../../platform/clock.ts';
import { listWorkbook } from '../../platform/list-export.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { passwordProblem } from '../../../contract/password-policy.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { actionsFor } from '../../platform/policies.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { UserRow, UsersRepository, UserWithZones } from './users.repository.ts';
import type { OrgService } from '../org/index.ts';

type Assignment = { role: Role; zoneIds: string[]; regionCode: string | null; departmentId: string | null };

/**
 * What users needs of the auth module: ending a user's sessions inside the same transaction, and,
 * once it has committed, dropping the user's cached sessions (decision 026). Stated here rather
 * than imported, because auth reads accounts through this service (no import cycle).
 */
export interface SessionEnder {
  endSessionsOfUserInTx(tx: DbOrTx, userId: string): Promise<void>;
  forgetSessionsOfUser(userId: string): void;
}

export function createUsersService(deps: {
  db: Db;
  users: UsersRepository;
  org: Pick<OrgService, 'existingZoneIds' | 'regionByCode' | 'departmentInZones' | 'zoneRefs'>;
  sessions: SessionEnder;
  audit: AuditWriter;
  clock: Clock;
}) {
  const { db, users, org, sessions, audit, clock } = deps;

  const present = (s: SessionContext, u: UserWithZones) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    regionCode: u.regionCode,
    departmentId: u.departmentId,
    title: u.title,
    phone: u.phone,
    active: u.active,
    signsIn: u.signsIn,
    locked: u.lockedUntil != null && u.lockedUntil > clock(),
    zoneIds: u.zoneIds,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
    // A person record has no password to reset; a login account has nothing to open.
    actions: actionsFor(s, 'user', null).filter((a) => (u.signsIn ? a !== 'grantLogin' : a !== 'resetPassword')),
  });

  /** The role decides which of zones / region a user needs; unknown references are field errors. */
  async function validateAssignment(a: Assignment): Promise<void> {
    const errors: FieldError[] = [];
    if (regionScopedRoles.includes(a.role)) {
      const region = a.regionCode ? await org.regionByCode(a.regionCode) : undefined;
      if (!a.regionCode) errors.push({ field: 'regionCode', reason: 'region_required' });
      else if (!region) errors.push({ field: 'regionCode', reason: 'unknown_region' });
      else if (region.level !== (a.role === 'province_viewer' ? 'province' : 'city')) errors.push({ field: 'regionCode', reason: 'region_level' });
    } else if (a.role !== 'system_admin') {
      if (a.zoneIds.length === 0) errors.push({ field: 'zoneIds', reason: 'zones_required' });
      const known = new Set(await org.existingZoneIds(a.zoneIds));
      a.zoneIds.forEach((z, i) => {
        if (!known.has(z)) errors.push({ field: `zoneIds.${i}`, reason: 'unknown_zone' });
      });
    }
    if (a.departmentId && !(await org.departmentInZones(a.departmentId, a.zoneIds))) errors.push({ field: 'departmentId', reason: 'unknown_department' });
    if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
  }

  const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  const filterOf = (q: Omit<z.infer<typeof listUsersQuery>, 'page' | 'pageSize'>) => ({
    q: q.q,
    role: q.role,
    zoneId: q.zoneId,
    active: flag(q.active),
    signsIn: flag(q.signsIn),
  });

  async function load(id: string) {
    const user = await users.findById(db, id);
    if (!user) throw notFound();
    return user;
  }

  return {
    // For the auth module: the account behind a login, and its login bookkeeping (the
    // *InTx methods run inside auth's transaction, beside its session and audit rows).
    /** The login account of a name: a person record (signsIn false) is none, so it takes the unknown name's path. */
    accountByUsername: async (username: string): Promise<UserRow | undefined> => {
      const user = await users.findByUsername(db, username);
      return user?.signsIn ? user : undefined;
    },
    accountById: (id: string): Promise<UserRow | undefined> => users.findById(db, id),
    /** The zones an account covers, by its role's scope rule. */
    scopeZoneIds: (user: Pick<UserRow, 'id' | 'role' | 'regionCode'>) => users.scopeZoneIds(db, user),
    recordLoginFailureInTx: (tx: DbOrTx, userId: string, policy: { maxFailures: number; lockMinutes: number }) =>
      users.recordLoginFailure(tx, userId, policy.maxFailures, policy.lockMinutes, clock()),
    recordLoginSuccessInTx: (tx: DbOrTx, userId: string) => users.recordLoginSuccess(tx, userId, clock()),
    /** The user's own new password (no change needed at next login). */
    setOwnPasswordInTx: (tx: DbOrTx, userId: string, passwordHash: string) => users.setPassword(tx, userId, passwordHash, false),
    setLocaleInTx: (tx: DbOrTx, userId: string, locale: 'zh-CN' | 'en-US') => users.setLocale(tx, userId, locale),

    async list(s: SessionContext, query: z.infer<typeof listUsersQuery>) {
      const { page, pageSize } = query;
      const result = await users.list(db, s, filterOf(query), { page, pageSize });
      return { items: result.items.map((u) => present(s, u)), total: result.total, page, pageSize };
    },

    /** 用户管理 as filtered on screen, as an .xlsx (platform/list-export.ts); no password data, ever. */
    async exportList(s: SessionContext, query: Omit<z.infer<typeof listUsersQuery>, 'page' | 'pageSize'>) {
      const [result, zoneRefs] = await Promise.all([
        users.list(db, s, filterOf(query), { page: 1, pageSize: 100_000 }),
        org.zoneRefs(s),
      ]);
      const zoneName = new Map(zoneRefs.map((z) => [z.id, z.shortName ?? z.name]));
      const time = (at: Date | null) => (at ? `${chinaDate(at)} ${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}` : null);
      return listWorkbook({
        title: '用户',
        fileName: `用户-${chinaToday(clock)}.xlsx`,
        clock,
        rows: result.items,
        columns: [
          { header: '登录名', width: 14, value: (u) => u.username },
          { header: '姓名', width: 10, value: (u) => u.displayName },
          { header: '角色', width: 14, value: (u) => roleLabels[u.role as Role]?.zh ?? u.role },
          { header: '职务', width: 20, value: (u) => u.title },
          { header: '开发区', width: 28, value: (u) => u.zoneIds.map((id) => zoneName.get(id) ?? id).join('、') || (regionScopedRoles.includes(u.role as Role) ? '（按地区）' : null) },
          { header: '电话', width: 14, value: (u) => u.phone },
          { header: '类型', width: 10, value: (u) => (u.signsIn ? '登录账号' : '人员记录') },
          { header: '状态', width: 8, value: (u) => (u.active ? '启用' : '停用') },
          { header: '最近登录（北京时间）', width: 18, value: (u) => time(u.lastLoginAt) },
        ],
      });
    },

    async get(s: SessionContext, id: string) {
      return present(s, await load(id));
    },

    async create(s: SessionContext, body: z.infer<typeof createUserBody>, requestId: string) {
      const regionScoped = regionScopedRoles.includes(body.role);
      const assignment: Assignment = {
        role: body.role,
        zoneIds: regionScoped ? [] : [...new Set(body.zoneIds)],
        regionCode: regionScoped ? (body.regionCode ?? null) : null,
        departmentId: body.departmentId ?? null,
      };
      await validateAssignment(assignment);
      if (await users.findByUsername(db, body.username)) throw new AppError('DUPLICATE', { fields: [{ field: 'username', reason: 'username_taken' }] });
      const weak = passwordProblem(body.password, body.username);
      if (weak) throw fieldError('password', weak);
      const passwordHash = await hashPassword(body.password);
      const created = await db.transaction(async (tx) => {
        const row = await users.insert(
          tx,
          {
            username: body.username,
            displayName: body.displayName,
            passwordHash,
            role: body.role,
            regionCode: assignment.regionCode,
            departmentId: assignment.departmentId,
            title: body.title ?? null,
            phone: body.phone ?? null,
            mustChangePassword: true,
          },
          assignment.zoneIds,
        );
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'user.create', entityType: 'user', entityId: row.id, after: row });
        return row;
      });
      return present(s, created);
    },

    async update(s: SessionContext, id: string, body: z.infer<typeof updateUserBody>, requestId: string) {
      const before = await load(id);
      assertVersion(before, body.version);
      if (id === s.user.id && body.active === false)
        throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'active', reason: 'cannot_deactivate_self' }] });
      if (id === s.user.id && body.role && body.role !== before.role)
        throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'role', reason: 'cannot_demote_self' }] });
      const role = body.role ?? (before.role as Role);
      const regionScoped = regionScopedRoles.includes(role);
      const assignment: Assignment = {
        role,
        zoneIds: regionScoped ? [] : [...new Set(body.zoneIds ?? before.zoneIds)],
        regionCode: regionScoped ? (body.regionCode !== undefined ? body.regionCode : before.regionCode) : null,
        departmentId: body.departmentId !== undefined ? body.departmentId : before.departmentId,
      };
      await validateAssignment(assignment);
      const after = await db.transaction(async (tx) => {
        const row = await users.update(tx, id, body.version, {
          displayName: body.displayName,
          role,
          regionCode: assignment.regionCode,
          departmentId: assignment.departmentId,
          title: body.title,
          phone: body.phone,
          active: body.active,
        });
        await users.replaceZones(tx, id, assignment.zoneIds);
        if (body.active === false) await sessions.endSessionsOfUserInTx(tx, id);
        const result = { ...row, zoneIds: [...assignment.zoneIds].sort() };
        await audit(tx, actorOf(s, requestId), {
          zoneId: null,
          action: body.active === false && before.active ? 'user.deactivate' : body.active === true && !before.active ? 'user.activate' : 'user.update',
          entityType: 'user',
          entityId: id,
          before,
          after: result,
        });
        return result;
      });
      // Role, zones, region, name or active: the user's next request reads them again.
      sessions.forgetSessionsOfUser(id);
      return present(s, after);
    },

    /**
     * A person record an import created (a 包联领导, a 责任人) becomes a login account: the same row,
     * so the projects, blockers and responsibilities that name it stay theirs. The admin gives the
     * login name and a first password (changed at the first sign-in) and may widen the role.
     */
    async grantLogin(s: SessionContext, id: string, body: z.infer<typeof grantLoginBody>, requestId: string) {
      const before = await load(id);
      assertVersion(before, body.version);
      if (before.signsIn) throw fieldError('username', 'already_signs_in');
      const existing = await users.findByUsername(db, body.username);
      if (existing && existing.id !== id) throw new AppError('DUPLICATE', { fields: [{ field: 'username', reason: 'username_taken' }] });
      const weak = passwordProblem(body.password, body.username);
      if (weak) throw fieldError('password', weak);
      const role = body.role ?? (before.role as Role);
      const regionScoped = regionScopedRoles.includes(role);
      const assignment: Assignment = {
        role,
        zoneIds: regionScoped ? [] : before.zoneIds,
        regionCode: regionScoped ? before.regionCode : null,
        departmentId: before.departmentId,
      };
      await validateAssignment(assignment);
      const passwordHash = await hashPassword(body.password);
      const after = await db.transaction(async (tx) => {
        const row = await users.update(tx, id, body.version, {
          username: body.username,
          passwordHash,
          signsIn: true,
          mustChangePassword: true,
          role,
          regionCode: assignment.regionCode,
          failedLogins: 0,
          lockedUntil: null,
        });
        await users.replaceZones(tx, id, assignment.zoneIds);
        const result = { ...row, zoneIds: [...assignment.zoneIds].sort() };
        await audit(tx, actorOf(s, requestId), {
          zoneId: null,
          action: 'user.grant_login',
          entityType: 'user',
          entityId: id,
          before,
          after: result,
        });
        return result;
      });
      return present(s, after);
    },

    async resetPassword(s: SessionContext, id: string, body: z.infer<typeof resetPasswordBody>, requestId: string) {
      const before = await load(id);
      assertVersion(before, body.version);
      if (!before.signsIn) throw fieldError('password', 'person_record_no_login');
      const weak = passwordProblem(body.password, before.username);
      if (weak) throw fieldError('password', weak);
      const passwordHash = await hashPassword(body.password);
      await db.transaction(async (tx) => {
        await users.update(tx, id, body.version, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
        await sessions.endSessionsOfUserInTx(tx, id);
        await audit(tx, actorOf(s, requestId), { zoneId: null, action: 'user.password_reset', entityType: 'user', entityId: id });
      });
      sessions.forgetSessionsOfUser(id);
      return present(s, await load(id));
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
