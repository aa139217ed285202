import type { Database } from '../db/client.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { recordAudit } from '../platform/audit.ts';
import { systemActor } from '../platform/auth/session.ts';
import { createOrgRepository } from '../modules/org/org.repository.ts';
import { demoZones, provinceZones, seedZone, shanxiRegions } from '../modules/org/org.seed.ts';
import { DEMO_PASSWORD, demoUsers, seedUser } from '../modules/users/users.seed.ts';
import { demoId } from '../seed/demo-ids.ts';
import { seedProjects } from '../modules/projects/projects.seed.ts';
import { seedPipeline } from '../modules/leads/leads.seed.ts';
import { seedDispatch } from '../modules/dispatch/dispatch.seed.ts';

export type SeedScale = 'demo' | 'province';

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number | string }>('select count(*) as n from users');
  return Number(row.n) === 0;
}

/**
 * Builds the demo: Shanxi, the city of Yuncheng with three zones, their departments and one user
 * per role. `province` adds zones up to 100 (with a leader and officers each) for benchmarks.
 */
export async function seedDemo(database: Database, options: { scale?: SeedScale } = {}): Promise<{ zones: number; users: number }> {
  const org = createOrgRepository();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const zoneIdOf = (key: string) => demoId(`zone:${key}`);
  const extraZones = options.scale === 'province' ? provinceZones(100) : [];
  let userCount = 0;

  await database.db.transaction(async (tx) => {
    await org.insertRegions(tx, shanxiRegions);
    for (const z of [...demoZones, ...extraZones]) {
      const zoneId = await seedZone(tx, z);
      await recordAudit(tx, systemActor, { zoneId, action: 'zone.create', entityType: 'zone', entityId: zoneId, after: { name: z.name, code: z.code } });
    }
    for (const u of demoUsers) {
      const id = await seedUser(tx, u, passwordHash, zoneIdOf);
      await recordAudit(tx, systemActor, {
        zoneId: null,
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        after: { username: u.username, displayName: u.displayName, role: u.role },
      });
      userCount++;
    }
    for (const z of extraZones) {
      for (const [suffix, role, department] of [
        ['leader', 'zone_leader', 'office'],
        ['officer', 'investment_officer', 'investment'],
        ['projects', 'project_officer', 'project'],
      ] as const) {
        await seedUser(
          tx,
          {
            username: `${z.code.toLowerCase()}-${suffix}`,
            displayName: `${z.shortName}${suffix === 'leader' ? '主任' : '专员'}`,
            role,
            title: '',
            zoneKeys: [z.key],
            department,
          },
          passwordHash,
          zoneIdOf,
        );
        userCount++;
      }
    }
    await seedProjects(tx, { scale: options.scale });
    await seedPipeline(tx, { scale: options.scale });
    await seedDispatch(tx);
  });
  return { zones: demoZones.length + extraZones.length, users: userCount };
}
