import { z } from 'zod';
import { actionsSchema, idParams, regionCodeSchema, uuidSchema, versionSchema } from './common.ts';
import { defineOperation } from './operation.ts';

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

const tags = ['org'];
const zoneRecord = { param: 'id', kind: 'zone' } as const;
const parkRecord = { param: 'id', kind: 'park' } as const;
const departmentRecord = { param: 'id', kind: 'department' } as const;

/** Regions, zones (开发区) with their parks (园区), and departments. */
export const orgOperations = {
  listRegions: defineOperation({ method: 'GET', path: '/api/regions', tags, summary: '行政区划 / Regions', response: z.array(regionSchema) }),
  listZones: defineOperation({
    method: 'GET',
    path: '/api/zones',
    tags,
    permission: 'zone.read',
    summary: '我管辖的开发区 / Zones I cover',
    response: z.array(zoneSchema),
  }),
  createZone: defineOperation({
    method: 'POST',
    path: '/api/zones',
    tags,
    permission: 'zone.create',
    summary: '新建开发区 / Create zone',
    body: createZoneBody,
    status: 201,
    response: zoneSchema,
  }),
  getZone: defineOperation({
    method: 'GET',
    path: '/api/zones/:id',
    tags,
    permission: 'zone.read',
    summary: '开发区详情 / Get zone',
    record: zoneRecord,
    params: idParams,
    response: zoneSchema,
  }),
  updateZone: defineOperation({
    method: 'PATCH',
    path: '/api/zones/:id',
    tags,
    permission: 'zone.update',
    summary: '修改开发区 / Update zone',
    record: zoneRecord,
    params: idParams,
    body: updateZoneBody,
    response: zoneSchema,
  }),
  createPark: defineOperation({
    method: 'POST',
    path: '/api/zones/:id/parks',
    tags,
    permission: 'park.manage',
    summary: '新建园区 / Add park',
    record: zoneRecord,
    params: idParams,
    body: createParkBody,
    status: 201,
    response: parkSchema,
  }),
  updatePark: defineOperation({
    method: 'PATCH',
    path: '/api/parks/:id',
    tags,
    permission: 'park.manage',
    summary: '修改园区 / Update park',
    record: parkRecord,
    params: idParams,
    body: updateParkBody,
    response: parkSchema,
  }),
  listDepartments: defineOperation({
    method: 'GET',
    path: '/api/departments',
    tags,
    permission: 'department.read',
    summary: '部门列表 / Departments',
    query: listDepartmentsQuery,
    response: z.array(departmentSchema),
  }),
  createDepartment: defineOperation({
    method: 'POST',
    path: '/api/departments',
    tags,
    permission: 'department.manage',
    summary: '新建部门 / Create department',
    body: createDepartmentBody,
    status: 201,
    response: departmentSchema,
  }),
  getDepartment: defineOperation({
    method: 'GET',
    path: '/api/departments/:id',
    tags,
    permission: 'department.read',
    summary: '部门详情 / Get department',
    record: departmentRecord,
    params: idParams,
    response: departmentSchema,
  }),
  updateDepartment: defineOperation({
    method: 'PATCH',
    path: '/api/departments/:id',
    tags,
    permission: 'department.manage',
    summary: '修改部门 / Update department',
    record: departmentRecord,
    params: idParams,
    body: updateDepartmentBody,
    response: departmentSchema,
  }),
};
