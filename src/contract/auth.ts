import { z } from 'zod';
import { okSchema } from './common.ts';
import { passwordSchema } from './password-policy.ts';
import { defineOperation } from './operation.ts';
import { roles } from './roles.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const zoneRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() });

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    locale: z.enum(['zh-CN', 'en-US']),
    mustChangePassword: z.boolean(),
  }),
  zones: z.array(zoneRef).describe('Zones the user covers'),
  permissions: z.array(z.string()).describe('Global permissions, for menus'),
  csrfToken: z.string().describe('Send back in the X-CSRF-Token header on every mutation'),
});
export type Me = z.infer<typeof meResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema.describe('The password policy (contract/password-policy.ts); also not the username'),
});

export const localeBody = z.object({ locale: z.enum(['zh-CN', 'en-US']) });

const tags = ['auth'];

/** Sign-in and the caller's own account. The session cookie itself is set and cleared by the auth routes. */
export const authOperations = {
  login: defineOperation({
    method: 'POST',
    path: '/api/auth/login',
    tags,
    summary: '登录 / Log in',
    description:
      'Attempts per address are rate-limited (LOGIN_RATE_LIMIT_PER_MINUTE); LOGIN_MAX_FAILURES wrong passwords lock the name for that address (LOGIN_LOCK_MINUTES) and make new addresses wait (doubling delay); unknown names behave the same.',
    public: true,
    body: loginBody,
    response: meResponse,
  }),
  logout: defineOperation({ method: 'POST', path: '/api/auth/logout', tags, summary: '退出 / Log out', beforePasswordChange: true, response: okSchema }),
  me: defineOperation({ method: 'GET', path: '/api/auth/me', tags, summary: '当前用户 / Current user', beforePasswordChange: true, response: meResponse }),
  changePassword: defineOperation({
    method: 'POST',
    path: '/api/auth/password',
    tags,
    summary: '修改密码 / Change own password',
    description: 'Wrong current passwords are limited like sign-ins; the new one follows the password policy; every other session of the account ends.',
    beforePasswordChange: true,
    body: changePasswordBody,
    response: okSchema,
  }),
  setLocale: defineOperation({
    method: 'POST',
    path: '/api/auth/locale',
    tags,
    summary: '界面语言 / UI language',
    beforePasswordChange: true,
    body: localeBody,
    response: okSchema,
  }),
};
