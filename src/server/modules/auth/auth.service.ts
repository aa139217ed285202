import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Role } from '../../../contract/roles.ts';
import type { Me } from '../../../contract/auth.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { scopeRuleOf } from '../../platform/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { actorOf, type Actor, type SessionContext } from '../../platform/auth/session.ts';
import { permissionsOf } from '../../platform/policies.ts';
import type { SessionsRepository } from './auth.repository.ts';
import type { OrgService } from '../org/index.ts';
import type { UsersService } from '../users/index.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthPolicy {
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
}

type Accounts = Pick<
  UsersService,
  'accountByUsername' | 'accountById' | 'scopeZoneIds' | 'recordLoginFailureInTx' | 'recordLoginSuccessInTx' | 'setOwnPasswordInTx' | 'setLocale'
>;
type UserRow = NonNullable<Awaited<ReturnType<UsersService['accountById']>>>;

export function createAuthService(deps: {
  db: Db;
  sessions: SessionsRepository;
  /**
   * The users and org services. Functions, because auth is built before them (the guard needs it
   * first): they are looked up per call, when every service exists.
   */
  users: () => Accounts;
  org: () => Pick<OrgService, 'zoneRefs'>;
  audit: AuditWriter;
  clock: Clock;
  policy: AuthPolicy;
}) {
  const { db, sessions, users, org, audit, clock, policy } = deps;

  async function contextFor(user: UserRow, tokenHash: string, csrfToken: string): Promise<SessionContext> {
    const zoneIds = await users().scopeZoneIds(user);
    return {
      tokenHash,
      csrfToken,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role as Role,
        locale: user.locale,
        mustChangePassword: user.mustChangePassword,
        regionCode: user.regionCode,
      },
      scope: { all: user.role === 'system_admin', zoneIds, rule: scopeRuleOf(user) },
    };
  }

  return {
    async login(username: string, password: string, requestId: string): Promise<{ token: string; session: SessionContext; expiresAt: Date }> {
      const user = await users().accountByUsername(username);
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), password);
        throw new AppError('INVALID_CREDENTIALS');
      }
      const now = clock();
      if (user.lockedUntil && user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil.toISOString() });
      const ok = await verifyPassword(user.passwordHash, password);
      const actor: Actor = { id: user.id, name: user.username, requestId };
      if (!ok) {
        const { locked } = await db.transaction(async (tx) => {
          const result = await users().recordLoginFailureInTx(tx, user.id, policy);
          if (result.locked) await audit(tx, actor, { zoneId: null, action: 'auth.locked', entityType: 'user', entityId: user.id });
          return result;
        });
        throw new AppError(locked ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
      }
      if (!user.active) throw new AppError('ACCOUNT_DISABLED');

      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + policy.sessionTtlHours * 3_600_000);
      const tokenHash = hashToken(token);
      await db.transaction(async (tx) => {
        await users().recordLoginSuccessInTx(tx, user.id);
        await sessions.insert(tx, { tokenHash, userId: user.id, csrfToken, expiresAt });
        await audit(tx, actor, { zoneId: null, action: 'auth.login', entityType: 'user', entityId: user.id });
      });
      return { token, session: await contextFor(user, tokenHash, csrfToken), expiresAt };
    },

    /** The session behind a cookie token: a context, 'expired' for a known but stale token, or null. */
    async resolve(token: string): Promise<SessionContext | 'expired' | null> {
      const tokenHash = hashToken(token);
      const row = await sessions.findLive(db, tokenHash, clock());
      if (!row) return (await sessions.exists(db, tokenHash)) ? 'expired' : null;
      if (!row.user.active) return null;
      return contextFor(row.user, tokenHash, row.session.csrfToken);
    },

    async logout(session: SessionContext, requestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await sessions.delete(tx, session.tokenHash);
        await audit(tx, actorOf(session, requestId), { zoneId: null, action: 'auth.logout', entityType: 'user', entityId: session.user.id });
      });
    },

    async me(session: SessionContext): Promise<Me> {
      return {
        user: {
          id: session.user.id,
          username: session.user.username,
          displayName: session.user.displayName,
          role: session.user.role,
          locale: session.user.locale,
          mustChangePassword: session.user.mustChangePassword,
        },
        zones: await org().zoneRefs(session),
        permissions: permissionsOf(session.user.role),
        csrfToken: session.csrfToken,
      };
    },

    async changePassword(session: SessionContext, currentPassword: string, newPassword: string, requestId: string): Promise<void> {
      const user = await users().accountById(session.user.id);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
        throw new AppError('WRONG_PASSWORD', { fields: [{ field: 'currentPassword', reason: 'WRONG_PASSWORD' }] });
      if (currentPassword === newPassword) throw fieldError('newPassword', 'same_password');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await users().setOwnPasswordInTx(tx, user.id, passwordHash);
        await audit(tx, actorOf(session, requestId), { zoneId: null, action: 'user.password_changed', entityType: 'user', entityId: user.id });
      });
    },

    /** For the users module: a deactivated account or a reset password ends every session of the user, in the caller's transaction. */
    async endSessionsOfUserInTx(tx: DbOrTx, userId: string): Promise<void> {
      await sessions.deleteForUser(tx, userId);
    },

    async setLocale(session: SessionContext, locale: 'zh-CN' | 'en-US'): Promise<void> {
      await users().setLocale(session.user.id, locale);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
