import { userOperations as op } from '../../../contract/users.ts';
import type { Router } from '../../platform/http/operations.ts';
import type { UsersService } from './users.service.ts';

export function usersRoutes(router: Router, users: UsersService) {
  router.handle(op.list, ({ session, query }) => users.list(session, query));
  router.handle(op.export, ({ session, query }) => users.exportList(session, query));
  router.handle(op.create, ({ session, body, requestId }) => users.create(session, body, requestId));
  router.handle(op.get, ({ session, params }) => users.get(session, params.id));
  router.handle(op.update, ({ session, params, body, requestId }) => users.update(session, params.id, body, requestId));
  router.handle(op.grantLogin, ({ session, params, body, requestId }) => users.grantLogin(session, params.id, body, requestId));
  router.handle(op.resetPassword, ({ session, params, body, requestId }) => users.resetPassword(session, params.id, body, requestId));
}
