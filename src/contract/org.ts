import { z } from 'zod';
import { actionsSchema, regionCodeSchema, uuidSchema, versionSchema } from './common.ts';

export const zoneKinds = ['etdz', 'hitech', 'reform', 'provincial', 'other'] as const;
export const reportPeriods = ['week', 'xun', 'month'] as const;
export const departmentKinds = ['office', 'investment', 'project', 'approval', 'platform', 'service', 'planning', 'other'] as const;

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parentCode: z.string().nullable(),
});

export const parkSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  version: z.number().int(),
  actions: actionsSchema,
});

export const zoneSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(zoneKinds),
  regionCode: z.string(),
  regionName: z.string(),
  reportPeriod: z.enum(reportPeriods),
  parks: z.array(parkSchema),
  version: z.number().int(),
  actions: actionsSchema,
});
export type Zone = z.infer<typeof zoneSchema>;

export const createZoneBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, 'code'),
  name: z.string().trim().min(2).max(64),
  shortName: z.string().trim().min(2).max(16),
  kind: z.enum(zoneKinds),
  regionCode: regionCodeSchema,
  reportPeriod: z.enum(reportPeriods).default('month'),
});

export const updateZoneBody = z.object({
  version: versionSchema,
  name: z.string().trim().min(2).max(64).optional(),
  shortName: z.string().trim().min(2).max(16).optional(),
  kind: z.enum(zoneKinds).optional(),
  reportPeriod: z.enum(reportPeriods).optional(),
});

export const createParkBody = z.object({ name: z.string().trim().min(2).max(64) });
export const updateParkBody = z.object({ version: versionSchema, name: z.string().trim().min(2).max(64) });

export const departmentSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  kind: z.enum(departmentKinds),
  version: z.number().int(),
  actions: actionsSchema,
});
export type Department = z.infer<typeof departmentSchema>;

export const listDepartmentsQuery = z.object({ zoneId: uuidSchema.optional() });
export const createDepartmentBody = z.object({
  zoneId: uuidSchema,
  name: z.string().trim().min(2).max(64),
  kind: z.enum(departmentKinds),
});
export const updateDepartmentBody = z.object({
  version: versionSchema,
  name: z.string().trim().min(2).max(64).optional(),
  kind: z.enum(departmentKinds).optional(),
});
