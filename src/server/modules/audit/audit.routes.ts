import { auditOperations as op } from '../../../contract/audit.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { AuditService } from './index.ts';

export function auditRoutes(router: Router, audit: AuditService) {
  router.handle(op.list, ({ session, query }) => audit.list(session, query));
  router.handle(op.export, ({ session, query }) => audit.exportLog(session, query));
}
