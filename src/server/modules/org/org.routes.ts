import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import {
  createDepartmentBody,
  createParkBody,
  createZoneBody,
  departmentSchema,
  listDepartmentsQuery,
  parkSchema,
  regionSchema,
  updateDepartmentBody,
  updateParkBody,
  updateZoneBody,
  zoneSchema,
} from '../../../contract/org.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import type { OrgService } from './org.service.ts';

export const orgRoutes: FastifyPluginAsyncZod<{ org: OrgService }> = async (app, { org }) => {
  const tags = ['org'];
  app.get('/api/regions', { schema: { tags, summary: '行政区划 / Regions', response: { 200: z.array(regionSchema) } } }, async () => org.listRegions());

  app.get('/api/zones', { schema: { tags, summary: '我管辖的开发区 / Zones I cover', response: { 200: z.array(zoneSchema) } } }, async (req) =>
    org.listZones(sessionOf(req)),
  );
  app.post(
    '/api/zones',
    { config: { permission: 'zone.create' }, schema: { tags, summary: '新建开发区 / Create zone', body: createZoneBody, response: { 201: zoneSchema } } },
    async (req, reply) => {
      reply.status(201);
      return org.createZone(sessionOf(req), req.body, String(req.id));
    },
  );
  app.get('/api/zones/:id', { schema: { tags, summary: '开发区详情 / Get zone', params: idParams, response: { 200: zoneSchema } } }, async (req) =>
    org.getZone(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/zones/:id',
    { schema: { tags, summary: '修改开发区 / Update zone', params: idParams, body: updateZoneBody, response: { 200: zoneSchema } } },
    async (req) => org.updateZone(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.post(
    '/api/zones/:id/parks',
    { schema: { tags, summary: '新建园区 / Add park', params: idParams, body: createParkBody, response: { 201: parkSchema } } },
    async (req, reply) => {
      reply.status(201);
      return org.createPark(sessionOf(req), req.params.id, req.body, String(req.id));
    },
  );
  app.patch(
    '/api/parks/:id',
    { schema: { tags, summary: '修改园区 / Update park', params: idParams, body: updateParkBody, response: { 200: parkSchema } } },
    async (req) => org.updatePark(sessionOf(req), req.params.id, req.body, String(req.id)),
  );

  app.get(
    '/api/departments',
    { schema: { tags, summary: '部门列表 / Departments', querystring: listDepartmentsQuery, response: { 200: z.array(departmentSchema) } } },
    async (req) => org.listDepartments(sessionOf(req), req.query.zoneId),
  );
  app.post(
    '/api/departments',
    { schema: { tags, summary: '新建部门 / Create department', body: createDepartmentBody, response: { 201: departmentSchema } } },
    async (req, reply) => {
      reply.status(201);
      return org.createDepartment(sessionOf(req), req.body, String(req.id));
    },
  );
  app.get(
    '/api/departments/:id',
    { schema: { tags, summary: '部门详情 / Get department', params: idParams, response: { 200: departmentSchema } } },
    async (req) => org.getDepartment(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/departments/:id',
    { schema: { tags, summary: '修改部门 / Update department', params: idParams, body: updateDepartmentBody, response: { 200: departmentSchema } } },
    async (req) => org.updateDepartment(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
};
