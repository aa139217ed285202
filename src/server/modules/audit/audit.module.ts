import { defineModule } from '../../platform/module.ts';
import { auditPolicy } from './audit.policy.ts';
import { createAuditRepository } from './audit.repository.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditService } from './audit.service.ts';
import type { AuditService } from './index.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    audit: AuditService;
  }
}

export const auditModule = defineModule({
  name: 'audit',
  policy: auditPolicy,
  service: ({ db, clock }) => createAuditService({ db, audit: createAuditRepository(), clock }),
  routes: auditRoutes,
});
