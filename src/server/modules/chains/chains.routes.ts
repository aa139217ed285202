import { chainOperations as op } from '../../../contract/chains.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { ChainsModuleService } from './chains.module-service.ts';

export function chainsRoutes(router: Router, { chains, profile }: ChainsModuleService) {
  router.handle(op.plan, ({ session, query }) => chains.planPage(session, query.zoneId));
  router.handle(op.savePlan, ({ session, body, requestId }) => chains.savePlan(session, body, requestId));
  router.handle(op.createSector, ({ session, body, requestId }) => chains.createSector(session, body, requestId));
  router.handle(op.sector, ({ session, params }) => chains.sectorPage(session, params.id));
  router.handle(op.updateSector, ({ session, params, body, requestId }) => chains.updateSector(session, params.id, body, requestId));
  router.handle(op.templates, () => chains.templates());
  router.handle(op.province, ({ session, params, query }) => chains.province(session, params.key, query.zoneId));
  router.handle(op.list, ({ session, query }) => chains.list(session, query));
  router.handle(op.create, ({ session, body, requestId }) => chains.create(session, body, requestId));
  router.handle(op.view, ({ session, params }) => chains.view(session, params.id));
  router.handle(op.update, ({ session, params, body, requestId }) => chains.update(session, params.id, body, requestId));
  router.handle(op.targets, ({ session, params }) => chains.chainTargets(session, params.id));
  router.handle(op.roadmap, ({ session, params }) => chains.roadmap(session, params.id));
  router.handle(op.addRoadmapItem, ({ session, params, body, requestId }) => chains.addRoadmapItem(session, params.id, body, requestId));
  router.handle(op.updateRoadmapItem, ({ session, params, body, requestId }) => chains.updateRoadmapItem(session, params.id, body, requestId));
  router.handle(op.addLink, ({ session, params, body, requestId }) => chains.addLink(session, params.id, body, requestId));
  router.handle(op.link, ({ session, params }) => chains.link(session, params.id));
  router.handle(op.updateLink, ({ session, params, body, requestId }) => chains.updateLink(session, params.id, body, requestId));
  router.handle(op.deleteLink, ({ session, params, requestId }) => chains.deleteLink(session, params.id, requestId));
  router.handle(op.placeEnterprise, ({ session, params, body, requestId }) => chains.placeEnterprise(session, params.id, body, requestId));
  router.handle(op.updatePlacement, ({ session, params, body, requestId }) => chains.updatePlacement(session, params.id, body, requestId));
  router.handle(op.removePlacement, ({ session, params, requestId }) => chains.removePlacement(session, params.id, requestId));
  router.handle(op.placeProject, ({ session, params, body, requestId }) => chains.placeProject(session, params.id, body, requestId));
  router.handle(op.removeProject, ({ session, params, requestId }) => chains.removeProject(session, params.id, requestId));
  router.handle(op.attachLead, ({ session, params, body, requestId }) => chains.attachLead(session, params.id, body, requestId));
  router.handle(op.addTarget, ({ session, params, body, requestId }) => chains.addTarget(session, params.id, body, requestId));
  router.handle(op.importTargets, ({ session, params, body, requestId }) => chains.importTargets(session, params.id, body, requestId));
  router.handle(op.provinceCandidates, ({ session, params }) => chains.provinceCandidates(session, params.id));
  router.handle(op.targetsFromProvince, ({ session, params, body, requestId }) => chains.targetsFromProvince(session, params.id, body, requestId));
  router.handle(op.updateTarget, ({ session, params, body, requestId }) => chains.updateTarget(session, params.id, body, requestId));
  router.handle(op.makeLeads, ({ session, body, requestId }) => chains.makeLeads(session, body, requestId));

  router.handle(op.profile, ({ session, params }) => profile.profile(session, params.id));
  router.handle(op.addHonour, ({ session, params, body, requestId }) => profile.addHonour(session, params.id, body, requestId));
  router.handle(op.updateHonour, ({ session, params, body, requestId }) => profile.updateHonour(session, params.id, body, requestId));
  router.handle(op.deleteHonour, ({ session, params, requestId }) => profile.deleteHonour(session, params.id, requestId));
  router.handle(op.addFigures, ({ session, params, body, requestId }) => profile.addFigures(session, params.id, body, requestId));
  router.handle(op.updateFigures, ({ session, params, body, requestId }) => profile.updateFigures(session, params.id, body, requestId));
  router.handle(op.addLine, ({ session, params, body, requestId }) => profile.addLine(session, params.id, body, requestId));
  router.handle(op.updateLine, ({ session, params, body, requestId }) => profile.updateLine(session, params.id, body, requestId));
  router.handle(op.addCooperation, ({ session, params, body, requestId }) => profile.addCooperation(session, params.id, body, requestId));
  router.handle(op.updateCooperation, ({ session, params, body, requestId }) => profile.updateCooperation(session, params.id, body, requestId));
}
