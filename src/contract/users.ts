import { z } from 'zod';
import { passwordSchema } from './password-policy.ts';
import { actionsSchema, idParams, isoDateTime, pageOf, paginationQuery, regionCodeSchema, uuidSchema, versionSchema } from './common.ts';
import { defineOperation, fileResponse } from './operation.ts';
import { roles } from './roles.ts';
import { defineReasons } from './reasons.ts';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionCode: z.string().nullable(),
  departmentId: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  signsIn: z.boolean().describe('false: a person record (named by an import, e.g. a 包联领导), not a login account: it never signs in'),
  locked: z.boolean(),
  zoneIds: z.array(z.string()),
  lastLoginAt: isoDateTime.nullable(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type User = z.infer<typeof userSchema>;

export const listUsersQuery = paginationQuery.extend({
  q: z.string().trim().max(64).optional().describe('Search in username and display name'),
  role: z.enum(roles).optional(),
  zoneId: uuidSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  signsIn: z.enum(['true', 'false']).optional().describe('true: login accounts only; false: person records only (named by an import)'),
});
export const userPage = pageOf(userSchema);

const password = passwordSchema;
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'phone')
  .nullable()
  .optional();

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username');

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(32),
  password,
  role: z.enum(roles),
  zoneIds: z.array(uuidSchema).max(500).default([]),
  regionCode: regionCodeSchema.nullable().optional(),
  departmentId: uuidSchema.nullable().optional(),
  title: z.string().trim().max(32).nullable().optional(),
  phone,
});

export const updateUserBody = z.object({
  version: versionSchema,
  displayName: z.string().trim().min(1).max(32).optional(),
  role: z.enum(roles).optional(),
  zoneIds: z.array(uuidSchema).max(500).optional(),
  regionCode: regionCodeSchema.nullable().optional(),
  departmentId: uuidSchema.nullable().optional(),
  title: z.string().trim().max(32).nullable().optional(),
  phone,
  active: z.boolean().optional(),
});

export const resetPasswordBody = z.object({ version: versionSchema, password });

/** A person record (named by an import) becomes a login account: its name, zones and history stay. */
export const grantLoginBody = z.object({ version: versionSchema, username, password, role: z.enum(roles).optional() });

const tags = ['users'];
const permission = 'user.manage';

/** Accounts (admins only). */
export const userOperations = {
  list: defineOperation({ method: 'GET', path: '/api/users', tags, permission, summary: '用户列表 / List users', query: listUsersQuery, response: userPage }),
  export: defineOperation({
    method: 'GET',
    path: '/api/users/export.xlsx',
    tags,
    permission,
    summary: '导出用户（当前筛选）/ Export users as filtered (.xlsx)',
    query: listUsersQuery.omit({ page: true, pageSize: true }),
    response: fileResponse,
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/users',
    tags,
    permission,
    summary: '新建用户 / Create user',
    body: createUserBody,
    status: 201,
    response: userSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/users/:id',
    tags,
    permission,
    summary: '用户详情 / Get user',
    params: idParams,
    response: userSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/users/:id',
    tags,
    permission,
    summary: '修改用户（角色、开发区、停用）/ Update user',
    params: idParams,
    body: updateUserBody,
    response: userSchema,
  }),
  resetPassword: defineOperation({
    method: 'POST',
    path: '/api/users/:id/password',
    tags,
    permission,
    summary: '重置密码 / Reset password',
    params: idParams,
    body: resetPasswordBody,
    response: userSchema,
  }),
  grantLogin: defineOperation({
    method: 'POST',
    path: '/api/users/:id/login',
    tags,
    permission,
    summary: '人员记录开通登录账号 / Give a person record a login',
    params: idParams,
    body: grantLoginBody,
    response: userSchema,
  }),
};

defineReasons({
  already_signs_in: ['已是登录账号，无需开通', 'already a login account'],
  person_record_no_login: ['这是人员记录（由导入建立的包联领导或责任人），不是登录账号，不能设置密码', 'this is a person record (named by an import), not a login account: it has no password'],
});
