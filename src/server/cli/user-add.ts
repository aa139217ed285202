import { createUsersRepository } from '../modules/users/users.repository.ts';
import { passwordProblem } from '../../contract/password-policy.ts';
import { reasonText } from '../../contract/reasons.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { recordAudit } from '../platform/audit.ts';
import { systemActor } from '../platform/auth/session.ts';
import { roles, regionScopedRoles, type Role } from '../../contract/roles.ts';
import { createUserBody } from '../../contract/users.ts';
import type { Database } from '../db/client.ts';
import { UsageError } from './main.ts';

/** `zonedesk user add`: the same validation as the admin page, for bootstrapping a server. */
export async function addUser(
  database: Database,
  values: { username?: string; password?: string; role?: string; name?: string; zones?: string; region?: string },
) {
  const parsed = createUserBody.safeParse({
    username: values.username,
    password: values.password,
    role: values.role,
    displayName: values.name ?? values.username,
    zoneIds: values.zones ? values.zones.split(',').map((z) => z.trim()) : [],
    regionCode: values.region ?? null,
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n') + `\nroles: ${roles.join(', ')}`);
  }
  const body = parsed.data;
  const role: Role = body.role;
  if (regionScopedRoles.includes(role) && !body.regionCode) throw new UsageError('--region is required for city/province viewers');
  if (!regionScopedRoles.includes(role) && role !== 'system_admin' && body.zoneIds.length === 0) throw new UsageError('--zones is required for this role');
  const users = createUsersRepository();
  if (await users.findByUsername(database.db, body.username)) throw new UsageError(`username ${body.username} is taken`);
  const weak = passwordProblem(body.password, body.username);
  if (weak) throw new UsageError(`--password: ${reasonText(weak, 'en-US') ?? weak}`);
  const passwordHash = await hashPassword(body.password);
  return database.db.transaction(async (tx) => {
    const user = await users.insert(
      tx,
      { username: body.username, displayName: body.displayName, passwordHash, role, regionCode: body.regionCode ?? null },
      body.zoneIds,
    );
    await recordAudit(tx, systemActor, { zoneId: null, action: 'user.create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}
