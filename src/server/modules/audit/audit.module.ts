import { defineModule } from '../../platform/module.ts';
import { auditPolicy } from './audit.policy.ts';
import { createAuditRepository } from './audit.repository.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditService } from './audit.service.ts';

export const auditModule = defineModule({
  name: 'audit',
  policy: auditPolicy,
  service: ({ db }) => createAuditService({ db, audit: createAuditRepository() }),
  plugin: async (app, audit) => app.register(auditRoutes, { audit }),
});
