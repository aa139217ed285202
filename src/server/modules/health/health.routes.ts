import { healthOperations as op } from '../../../contract/health.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { ModuleContext } from '../../platform/module.ts';

export function healthRoutes(router: Router, _service: unknown, { database, version }: ModuleContext) {
  router.handle(op.health, async () => {
    await database.query('select 1');
    return { status: 'ok' as const, db: database.kind, version };
  });
}
