/** A zone's dispatch settings: the working days an overdue blocker waits at one level (default 3). */
import type { z } from 'zod';
import type { putDispatchSettingsBody } from '../../../contract/dispatch.ts';
import { actorOf, type SessionContext } from '../../platform/auth/session.ts';
import { AppError } from '../../platform/errors.ts';
import { assertVersion } from '../../platform/versioned.ts';
import type { DispatchContext } from './dispatch.context.ts';
import { DEFAULT_ESCALATION_WORKDAYS, type Escalation } from './escalation.ts';

export function createSettingsService(ctx: DispatchContext, escalation: Pick<Escalation, 'changed'>) {
  const { db, repo, audit, requireZone, requireOwnZone } = ctx;
  return {
    async get(s: SessionContext, zoneId: string) {
      requireOwnZone(s, zoneId);
      const [row] = await repo.settings.settings(db, [zoneId]);
      return { zoneId, escalationWorkdays: row?.escalationWorkdays ?? DEFAULT_ESCALATION_WORKDAYS, version: row?.version ?? 0 };
    },

    async put(s: SessionContext, body: z.infer<typeof putDispatchSettingsBody>, requestId: string) {
      requireOwnZone(s, body.zoneId);
      requireZone(s, 'dispatch.settings', body.zoneId);
      escalation.changed();
      const row = await db.transaction(async (tx) => {
        const before = await repo.settings.settingsForUpdate(tx, body.zoneId);
        let after;
        if (!before) {
          // No row yet (the default, version 0): a client naming another version read something else.
          if (body.version !== undefined && body.version !== 0) throw new AppError('VERSION_CONFLICT', { expectedVersion: body.version, currentVersion: 0 });
          after = await repo.settings.insertSettings(tx, { zoneId: body.zoneId, escalationWorkdays: body.escalationWorkdays });
        } else {
          // The zone has its own row: the client must name the version it read.
          if (!body.version) throw new AppError('VERSION_CONFLICT', { currentVersion: before.version });
          assertVersion(before, body.version);
          after = await repo.settings.updateSettings(tx, body.zoneId, body.escalationWorkdays);
        }
        await audit(tx, actorOf(s, requestId), {
          zoneId: body.zoneId,
          action: 'dispatch.settings',
          entityType: 'dispatch_settings',
          entityId: body.zoneId,
          before,
          after,
        });
        return after;
      });
      escalation.changed();
      return { zoneId: row.zoneId, escalationWorkdays: row.escalationWorkdays, version: row.version };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
