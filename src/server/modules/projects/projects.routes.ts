import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import {
  annualPlanBody,
  approvalsBody,
  assignableUserSchema,
  assignableUsersQuery,
  batchBody,
  batchQuery,
  batchResponse,
  batchResult,
  changeStageBody,
  createProjectBody,
  createReportBody,
  flagRuleSchema,
  landComplianceQuery,
  landComplianceRow,
  landStandardBody,
  listProjectsQuery,
  milestonesBody,
  photoParams,
  photoSchema,
  progressReportSchema,
  projectDetailSchema,
  projectPage,
  putFlagRuleBody,
  putTemplatesBody,
  reportParams,
  templatesQuery,
  templatesSchema,
  updateProjectBody,
  updateReportBody,
  yearParams,
} from '../../../contract/projects.ts';
import { sessionOf } from '../../platform/auth/guard.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { PHOTO_MAX_BYTES, type ProjectsService } from './projects.service.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const projectsRoutes: FastifyPluginAsyncZod<{ projects: ProjectsService }> = async (app, { projects }) => {
  const tags = ['projects'];
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 } });

  // A project outside the caller's zones is NOT_FOUND before its body is even validated, so a
  // caller learns nothing about another zone's records from validation messages.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.routeOptions.url?.startsWith('/api/projects/:id')) return;
    const id = (req.params as { id?: string }).id ?? '';
    if (!uuid.test(id) || !(await projects.inCallerScope(sessionOf(req), id))) throw notFound();
  });

  app.get('/api/projects', { schema: { tags, summary: '项目列表 / Projects', querystring: listProjectsQuery, response: { 200: projectPage } } }, async (req) =>
    projects.list(sessionOf(req), req.query),
  );
  app.post(
    '/api/projects',
    {
      config: { permission: 'project.create' },
      schema: { tags, summary: '新建项目 / Create project', body: createProjectBody, response: { 201: projectDetailSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return projects.create(sessionOf(req), req.body, String(req.id));
    },
  );
  app.get('/api/projects/:id', { schema: { tags, summary: '项目详情 / Project', params: idParams, response: { 200: projectDetailSchema } } }, async (req) =>
    projects.get(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/projects/:id',
    {
      config: { permission: 'project.update' },
      schema: { tags, summary: '修改项目 / Update project', params: idParams, body: updateProjectBody, response: { 200: projectDetailSchema } },
    },
    async (req) => projects.update(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.post(
    '/api/projects/:id/stage',
    {
      config: { permission: 'project.update' },
      schema: {
        tags,
        summary: '变更阶段 / Change stage (gates; a reason to move back)',
        params: idParams,
        body: changeStageBody,
        response: { 200: projectDetailSchema },
      },
    },
    async (req) => projects.changeStage(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.put(
    '/api/projects/:id/milestones',
    {
      config: { permission: 'project.update' },
      schema: { tags, summary: '节点计划 / Milestone plan (whole list)', params: idParams, body: milestonesBody, response: { 200: projectDetailSchema } },
    },
    async (req) => projects.putMilestones(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.put(
    '/api/projects/:id/approvals',
    {
      config: { permission: 'project.approvals' },
      schema: { tags, summary: '审批事项 / Approval checklist (whole list)', params: idParams, body: approvalsBody, response: { 200: projectDetailSchema } },
    },
    async (req) => projects.putApprovals(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.put(
    '/api/projects/:id/land-standard',
    {
      config: { permission: 'project.update' },
      schema: { tags, summary: '标准地指标 / Land indicators', params: idParams, body: landStandardBody, response: { 200: projectDetailSchema } },
    },
    async (req) => projects.putLandStandard(sessionOf(req), req.params.id, req.body, String(req.id)),
  );
  app.put(
    '/api/projects/:id/annual-plans/:year',
    {
      config: { permission: 'project.update' },
      schema: { tags, summary: '年度投资计划 / Annual investment plan', params: yearParams, body: annualPlanBody, response: { 200: projectDetailSchema } },
    },
    async (req) => projects.putAnnualPlan(sessionOf(req), req.params.id, req.params.year, req.body, String(req.id)),
  );
  app.post(
    '/api/projects/:id/progress-reports',
    {
      config: { permission: 'project.report' },
      schema: { tags, summary: '进度填报 / File a progress report', params: idParams, body: createReportBody, response: { 201: progressReportSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return projects.createReport(sessionOf(req), req.params.id, req.body, String(req.id));
    },
  );
  app.patch(
    '/api/projects/:id/progress-reports/:reportId',
    {
      config: { permission: 'project.report' },
      schema: { tags, summary: '修改进度填报 / Correct a report', params: reportParams, body: updateReportBody, response: { 200: progressReportSchema } },
    },
    async (req) => projects.updateReport(sessionOf(req), req.params.id, req.params.reportId, req.body, String(req.id)),
  );
  app.post(
    '/api/projects/:id/photos',
    {
      config: { permission: 'project.report' },
      schema: {
        tags,
        summary: '上传形象进度照片 / Upload a photo (multipart: file, caption, reportId; JPEG/PNG/WebP ≤ 5 MB)',
        params: idParams,
        response: { 201: photoSchema },
      },
    },
    async (req, reply) => {
      let file: { bytes: Buffer; truncated: boolean } | undefined;
      const fields: { caption?: string; reportId?: string } = {};
      if (!req.isMultipart()) throw fieldError('file', 'photo_missing');
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') file = { bytes: await part.toBuffer(), truncated: part.file.truncated };
          else if (part.fieldname === 'caption' || part.fieldname === 'reportId') fields[part.fieldname] = String(part.value);
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'photo_too_large');
        throw err;
      }
      reply.status(201);
      return projects.uploadPhoto(sessionOf(req), req.params.id, file, fields, String(req.id));
    },
  );
  app.get('/api/projects/:id/photos/:photoId', { schema: { tags, summary: '照片 / Photo bytes', params: photoParams } }, async (req, reply) => {
    const photo = await projects.photo(sessionOf(req), req.params.id, req.params.photoId);
    reply.header('content-type', photo.mimeType).header('cache-control', 'private, max-age=86400');
    return reply.send(photo.bytes);
  });

  app.get(
    '/api/progress-batch',
    { schema: { tags, summary: '批量填报表 / Batch entry grid: my projects for one period', querystring: batchQuery, response: { 200: batchResponse } } },
    async (req) => projects.batch(sessionOf(req), req.query),
  );
  app.post(
    '/api/progress-batch',
    {
      config: { permission: 'project.report' },
      schema: { tags, summary: '批量填报 / File one period for many projects (all or nothing)', body: batchBody, response: { 201: batchResult } },
    },
    async (req, reply) => {
      reply.status(201);
      return projects.batchCreate(sessionOf(req), req.body, String(req.id));
    },
  );

  app.get(
    '/api/project-templates',
    { schema: { tags, summary: '节点与审批模板 / Milestone and approval templates', querystring: templatesQuery, response: { 200: templatesSchema } } },
    async (req) => projects.templates(sessionOf(req), req.query.zoneId),
  );
  app.put(
    '/api/project-templates',
    {
      config: { permission: 'project.configure' },
      schema: { tags, summary: '保存模板 / Save templates', body: putTemplatesBody, response: { 200: templatesSchema } },
    },
    async (req) => projects.putTemplates(sessionOf(req), req.body, String(req.id)),
  );
  app.get(
    '/api/project-flag-rules',
    { schema: { tags, summary: '红黄绿灯规则 / Flag rule', querystring: templatesQuery, response: { 200: flagRuleSchema } } },
    async (req) => projects.flagRule(sessionOf(req), req.query.zoneId),
  );
  app.put(
    '/api/project-flag-rules',
    {
      config: { permission: 'project.configure' },
      schema: { tags, summary: '保存红黄绿灯规则 / Save the flag rule', body: putFlagRuleBody, response: { 200: flagRuleSchema } },
    },
    async (req) => projects.putFlagRule(sessionOf(req), req.body, String(req.id)),
  );
  app.get(
    '/api/land-standards',
    { schema: { tags, summary: '标准地履标 / Land-indicator compliance', querystring: landComplianceQuery, response: { 200: z.array(landComplianceRow) } } },
    async (req) => projects.landCompliance(sessionOf(req), req.query.zoneId),
  );
  app.get(
    '/api/project-assignees',
    { schema: { tags, summary: '可选责任人 / Users covering a zone', querystring: assignableUsersQuery, response: { 200: z.array(assignableUserSchema) } } },
    async (req) => projects.assignableUsers(sessionOf(req), req.query.zoneId),
  );
};
