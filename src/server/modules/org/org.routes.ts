import { orgOperations as op } from '../../../contract/org.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { OrgService } from './org.service.ts';

export function orgRoutes(router: Router, org: OrgService) {
  router.handle(op.listRegions, () => org.listRegions());
  router.handle(op.listZones, ({ session }) => org.listZones(session));
  router.handle(op.createZone, ({ session, body, requestId }) => org.createZone(session, body, requestId));
  router.handle(op.getZone, ({ session, params }) => org.getZone(session, params.id));
  router.handle(op.updateZone, ({ session, params, body, requestId }) => org.updateZone(session, params.id, body, requestId));
  router.handle(op.createPark, ({ session, params, body, requestId }) => org.createPark(session, params.id, body, requestId));
  router.handle(op.updatePark, ({ session, params, body, requestId }) => org.updatePark(session, params.id, body, requestId));
  router.handle(op.listDepartments, ({ session, query }) => org.listDepartments(session, query.zoneId));
  router.handle(op.createDepartment, ({ session, body, requestId }) => org.createDepartment(session, body, requestId));
  router.handle(op.getDepartment, ({ session, params }) => org.getDepartment(session, params.id));
  router.handle(op.updateDepartment, ({ session, params, body, requestId }) => org.updateDepartment(session, params.id, body, requestId));
}
