import { workbenchOperations as op } from '../../../contract/workbench.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { WorkbenchService } from './workbench.service.ts';

export function workbenchRoutes(router: Router, workbench: WorkbenchService) {
  router.handle(op.get, ({ session }) => workbench.get(session));
}
