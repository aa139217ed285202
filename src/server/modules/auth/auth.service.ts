import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Role } from '../../../contract/roles.ts';
import type { Me } from '../../../contract/auth.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { AuditWriter } from '../../platform/audit.ts';
import { scopeRuleOf } from '../../platform/scope.ts';
import type { Clock } from '../../platform/clock.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createThrottle } from '../../platform/auth/throttle.ts';
import { createSessionCache } from '../../platform/auth/session-cache.ts';
import { passwordProblem } from '../../../contract/password-policy.ts';
import { actorOf, type Actor, type SessionContext } from '../../platform/auth/session.ts';
import { permissionsOf } from '../../platform/policies.ts';
import type { SessionsRepository } from './auth.repository.ts';
import type { OrgService } from '../org/index.ts';
import type { UsersService } from '../users/index.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthPolicy {
  sessionTtlHours: number;
  /** How long a resolved session is kept in memory (0: never); decision 026. */
  sessionCacheSeconds: number;
  maxFailures: number;
  lockMinutes: number;
}

type Accounts = Pick<
  UsersService,
  'accountByUsername' | 'accountById' | 'scopeZoneIds' | 'recordLoginSuccessInTx' | 'setOwnPasswordInTx' | 'setLocaleInTx'
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
  // Sign-in guesses per name and address, and current-password guesses per account (platform/auth/throttle.ts).
  const logins = createThrottle(policy, clock);
  const passwordChecks = createThrottle(policy, clock);
  const refuse = (retryAfterSeconds: number) => new AppError('ACCOUNT_LOCKED', { retryAfterSeconds });
  // Resolved sessions by token hash (platform/auth/session-cache.ts, decision 026). Every change
  // that could make one stale calls a forget… below after its transaction commits.
  const cache = createSessionCache({ clock, ttlMs: policy.sessionCacheSeconds * 1000 });

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
    /**
     * Signs in. Unknown names take the same path as known ones (a dummy hash is verified, the same
     * counters run, a failure is audited), so no answer or delay tells which names exist.
     */
    async login(username: string, password: string, requestId: string, address = 'unknown'): Promise<{ token: string; session: SessionContext; expiresAt: Date }> {
      const throttled = logins.check(username, address);
      if (throttled) throw refuse(throttled.retryAfterSeconds);
      const user = await users().accountByUsername(username);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      const now = clock();
      if (!user || !ok) {
        const { pairLocked, startedDelay } = logins.fail(username, address);
        const actor: Actor = user ? { id: user.id, name: user.username, requestId } : { id: null, name: username.slice(0, 64), requestId };
        const target = user ? { entityType: 'user', entityId: user.id } : { entityType: 'login', entityId: username.slice(0, 64) };
        await db.transaction(async (tx) => {
          await audit(tx, actor, { zoneId: null, action: 'auth.login_failed', ...target, after: { address } });
          // The alert: from now on this name makes new addresses wait (once per run of failures).
          if (startedDelay) await audit(tx, actor, { zoneId: null, action: 'auth.locked', ...target, after: { address, maxFailures: policy.maxFailures } });
        });
        if (pairLocked) throw refuse(policy.lockMinutes * 60);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (!user.active) throw new AppError('ACCOUNT_DISABLED');
      logins.succeed(username, address);
      const actor: Actor = { id: user.id, name: user.username, requestId };

      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + policy.sessionTtlHours * 3_600_000);
      const tokenHash = hashToken(token);
      await db.transaction(async (tx) => {
        await users().recordLoginSuccessInTx(tx, user.id);
        await sessions.insert(tx, { tokenHash, userId: user.id, csrfToken, expiresAt });
        await audit(tx, actor, { zoneId: null, action: 'auth.login', entityType: 'user', entityId: user.id, after: { address } });
      });
      return { token, session: await contextFor(user, tokenHash, csrfToken), expiresAt };
    },

    /** The session behind a cookie token: a context, 'expired' for a known but stale token, or null. */
    async resolve(token: string): Promise<SessionContext | 'expired' | null> {
      const tokenHash = hashToken(token);
      const cached = cache.get(tokenHash);
      if (cached) return cached;
      const readAt = cache.generation();
      const row = await sessions.findLive(db, tokenHash, clock());
      if (!row) return (await sessions.exists(db, tokenHash)) ? 'expired' : null;
      if (!row.user.active) return null;
      // Shared by the requests the entry serves: frozen, so none can change it for the others.
      const context = await contextFor(row.user, tokenHash, row.session.csrfToken);
      Object.freeze(context.user);
      Object.freeze(context.scope.zoneIds);
      Object.freeze(context.scope);
      cache.store(readAt, Object.freeze(context), row.session.expiresAt);
      return context;
    },

    async logout(session: SessionContext, requestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await sessions.delete(tx, session.tokenHash);
        await audit(tx, actorOf(session, requestId), { zoneId: null, action: 'auth.logout', entityType: 'user', entityId: session.user.id });
      });
      cache.forgetSession(session.tokenHash);
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

    /**
     * The caller's own new password: the current one must be right (guesses are limited like
     * sign-ins), the new one must pass the policy; every other session of the account ends.
     */
    async changePassword(session: SessionContext, currentPassword: string, newPassword: string, requestId: string): Promise<void> {
      const key = `user:${session.user.id}`;
      const throttled = passwordChecks.check(key, 'own');
      if (throttled) throw refuse(throttled.retryAfterSeconds);
      const user = await users().accountById(session.user.id);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        const { pairLocked } = passwordChecks.fail(key, 'own');
        await db.transaction((tx) =>
          audit(tx, actorOf(session, requestId), { zoneId: null, action: 'user.password_change_failed', entityType: 'user', entityId: session.user.id }),
        );
        if (pairLocked) throw refuse(policy.lockMinutes * 60);
        throw new AppError('WRONG_PASSWORD', { fields: [{ field: 'currentPassword', reason: 'WRONG_PASSWORD' }] });
      }
      passwordChecks.succeed(key, 'own');
      if (currentPassword === newPassword) throw fieldError('newPassword', 'same_password');
      const weak = passwordProblem(newPassword, user.username);
      if (weak) throw fieldError('newPassword', weak);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await users().setOwnPasswordInTx(tx, user.id, passwordHash);
        await sessions.deleteForUser(tx, user.id, session.tokenHash);
        await audit(tx, actorOf(session, requestId), { zoneId: null, action: 'user.password_changed', entityType: 'user', entityId: user.id });
      });
      // The other sessions are gone; the current one no longer must change its password.
      cache.forgetUser(user.id);
    },

    /**
     * For the users module: a deactivated account or a reset password ends every session of the user,
     * in the caller's transaction (the caller then calls forgetSessionsOfUser once it has committed).
     */
    async endSessionsOfUserInTx(tx: DbOrTx, userId: string): Promise<void> {
      await sessions.deleteForUser(tx, userId);
    },

    /**
     * For the users module, after a change of the account (active, role, zones, region, name,
     * password) has committed: the user's sessions are read again on their next request. Called
     * after the commit, not inside the transaction: a request reading between the two would cache
     * the old rows again.
     */
    forgetSessionsOfUser(userId: string): void {
      cache.forgetUser(userId);
    },

    /** For the org module, after zones were created or changed: every scope is computed again (admins' and region viewers' follow the zones). */
    forgetAllSessions(): void {
      cache.forgetAll();
    },

    async setLocale(session: SessionContext, locale: 'zh-CN' | 'en-US', requestId: string): Promise<void> {
      if (session.user.locale === locale) return;
      await db.transaction(async (tx) => {
        await users().setLocaleInTx(tx, session.user.id, locale);
        await audit(tx, actorOf(session, requestId), {
          zoneId: null,
          action: 'user.locale_changed',
          entityType: 'user',
          entityId: session.user.id,
          before: { locale: session.user.locale },
          after: { locale },
        });
      });
      cache.forgetUser(session.user.id);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
