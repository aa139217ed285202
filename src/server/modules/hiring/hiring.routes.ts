import { hiringOperations as op } from '../../../contract/services/hiring.ts';
import type { Router } from '../../platform/http/operations.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { demandWorkbook } from './hiring.export.ts';
import type { HiringService } from './hiring.service.ts';

export function hiringRoutes(router: Router, hiring: HiringService) {
  router.handle(op.listPosts, ({ session, query }) => hiring.listPosts(session, query));
  router.handle(op.createPost, ({ session, body, requestId }) => hiring.createPost(session, body, requestId));
  router.handle(op.updatePost, ({ session, params, body, requestId }) => hiring.updatePost(session, params.id, body, requestId));
  router.handle(op.listFairs, ({ session, query }) => hiring.listFairs(session, query));
  router.handle(op.createFair, ({ session, body, requestId }) => hiring.createFair(session, body, requestId));
  router.handle(op.updateFair, ({ session, params, body, requestId }) => hiring.updateFair(session, params.id, body, requestId));
  router.handle(op.listPartnerships, ({ session, query }) => hiring.listPartnerships(session, query));
  router.handle(op.createPartnership, ({ session, body, requestId }) => hiring.createPartnership(session, body, requestId));
  router.handle(op.updatePartnership, ({ session, params, body, requestId }) => hiring.updatePartnership(session, params.id, body, requestId));
  router.handle(op.summary, ({ session, query, request }) => hiring.summary(session, query, requestLocale(request)));
  router.handle(op.exportDemand, async ({ session, query }) => {
    const fairName = query.fairId ? await hiring.fairName(session, query.fairId) : null;
    const zoneName = query.zoneId ? await hiring.zoneName(query.zoneId) : null;
    const title = fairName ? `${fairName}企业岗位需求表` : `${zoneName ?? ''}企业岗位需求表`;
    const posts = await hiring.exportPosts(session, query);
    return { buffer: await demandWorkbook(posts, title, hiring.today()), fileName: `${title}.xlsx` };
  });
}
