import { z } from 'zod';
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
  currentPassword: z.string().min(1),
  newPassword: z.string().min(8, 'min8').max(256),
});

export const localeBody = z.object({ locale: z.enum(['zh-CN', 'en-US']) });
