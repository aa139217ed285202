import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody, userPage, userSchema } from '../../../contract/users.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { UsersService } from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  const config = { permission: 'user.manage' as const };
  const tags = ['users'];

  app.get('/api/users', { config, schema: { tags, summary: '用户列表 / List users', querystring: listUsersQuery, response: { 200: userPage } } }, async (req) =>
    users.list(sessionOf(req), req.query),
  );
  app.post(
    '/api/users',
    { config, schema: { tags, summary: '新建用户 / Create user', body: createUserBody, response: { 201: userSchema } } },
    async (req, reply) => {
      reply.status(201);
      return users.create(sessionOf(req), req.body, String(req.id));
    },
  );
  app.get('/api/users/:id', { config, schema: { tags, summary: '用户详情 / Get user', params: idParams, response: { 200: userSchema } } }, async (req) =>
    users.get(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/users/:id',
    { config, schema: { tags, summary: '修改用户（角色、开发区、停用）/ Update user', params: idParams, body: updateUserBody, response: { 200: userSchema } } },
    async (req) => users.update(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.post(
    '/api/users/:id/password',
    { config, schema: { tags, summary: '重置密码 / Reset password', params: idParams, body: resetPasswordBody, response: { 200: userSchema } } },
    async (req) => users.resetPassword(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
};
