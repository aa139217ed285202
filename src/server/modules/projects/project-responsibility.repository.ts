/** SQL of a project's responsibility beyond its own row: the 专班 as people, and who may carry the work. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { responsibleRoles } from '../../../contract/projects.ts';
import type { DbOrTx } from '../../db/client.ts';
import { projectTaskForceMembers, users, userZones } from '../../db/schema.ts';

export function createResponsibilityRepository() {
  return {
    /** The 专班 of a project, in its order. */
    taskForce: (db: DbOrTx, projectId: string) =>
      db
        .select({ id: users.id, name: users.displayName, role: users.role })
        .from(projectTaskForceMembers)
        .innerJoin(users, eq(users.id, projectTaskForceMembers.userId))
        .where(eq(projectTaskForceMembers.projectId, projectId))
        .orderBy(asc(projectTaskForceMembers.sortOrder)),
    async replaceTaskForce(tx: DbOrTx, zoneId: string, projectId: string, userIds: string[]) {
      await tx.delete(projectTaskForceMembers).where(eq(projectTaskForceMembers.projectId, projectId));
      if (userIds.length) await tx.insert(projectTaskForceMembers).values(userIds.map((userId, i) => ({ zoneId, projectId, userId, sortOrder: i + 1 })));
    },
    /** Of `userIds`, who covers the zone, and whether each has a working role (not a read-only account). */
    async coverage(db: DbOrTx, userIds: string[], zoneId: string): Promise<Map<string, { working: boolean }>> {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, role: users.role, active: users.active })
        .from(users)
        .innerJoin(userZones, and(eq(userZones.userId, users.id), eq(userZones.zoneId, zoneId)))
        .where(inArray(users.id, userIds));
      return new Map(rows.map((r) => [r.id, { working: r.active && (responsibleRoles as readonly string[]).includes(r.role) }]));
    },
  };
}

export type ResponsibilityRepository = ReturnType<typeof createResponsibilityRepository>;
