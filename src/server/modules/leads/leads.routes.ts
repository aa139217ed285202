import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okSchema } from '../../../contract/common.ts';
import {
  activitySchema,
  agreementInput,
  agreementSchema,
  changeStageBody,
  changeStatusBody,
  convertLeadBody,
  convertResultSchema,
  createActivityBody,
  createLeadBody,
  createSavedViewBody,
  createSigningEventBody,
  createTripBody,
  fileSchema,
  funnelQuery,
  funnelSchema,
  leadDetailSchema,
  leadPage,
  leadSchema,
  listLeadsQuery,
  listSigningEventsQuery,
  listTripsQuery,
  meetingInput,
  ownerSchema,
  ownersQuery,
  savedViewSchema,
  signedReportQuery,
  signedReportSchema,
  signingEventSchema,
  timelineSchema,
  tripDetailSchema,
  tripPage,
  updateLeadBody,
  uploadFileBody,
} from '../../../contract/leads.ts';
import type { FastifyRequest } from 'fastify';
import { sessionOf } from '../../platform/auth/guard.ts';
import { notFound } from '../../platform/errors.ts';
import type { LeadsService } from './leads.service.ts';

export const leadsRoutes: FastifyPluginAsyncZod<{ leads: LeadsService }> = async (app, { leads }) => {
  const tags = ['leads'];
  const rid = (req: { id: unknown }) => String(req.id);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const kinds: [string, 'lead' | 'trip' | 'file' | 'view'][] = [
    ['/api/leads/:id', 'lead'],
    ['/api/trips/:id', 'trip'],
    ['/api/lead-files/:id', 'file'],
    ['/api/lead-views/:id', 'view'],
  ];
  // A record outside the caller's zones is answered 404 before the body is even validated.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const url = req.routeOptions.url ?? '';
    const kind = kinds.find(([prefix]) => url.startsWith(prefix))?.[1];
    if (!kind) return;
    const id = (req.params as { id?: string }).id ?? '';
    if (!uuid.test(id) || !(await leads.inCallerScope(sessionOf(req), kind, id))) throw notFound();
  });

  app.get('/api/leads', { schema: { tags, summary: '招商线索 / Leads', querystring: listLeadsQuery, response: { 200: leadPage } } }, async (req) =>
    leads.list(sessionOf(req), req.query),
  );
  app.post(
    '/api/leads',
    { config: { permission: 'lead.create' }, schema: { tags, summary: '新建线索 / Create lead', body: createLeadBody, response: { 201: leadSchema } } },
    async (req, reply) => {
      reply.status(201);
      return leads.create(sessionOf(req), req.body, rid(req));
    },
  );
  app.get(
    '/api/leads/funnel',
    { schema: { tags, summary: '招商漏斗 / Funnel by stage and status', querystring: funnelQuery, response: { 200: funnelSchema } } },
    async (req) => leads.funnel(sessionOf(req), req.query.zoneId),
  );
  app.get(
    '/api/leads/signed-report',
    {
      schema: {
        tags,
        summary: '签约统计（计数口径） / Signed totals by the counting rule',
        querystring: signedReportQuery,
        response: { 200: signedReportSchema },
      },
    },
    async (req) => leads.signedReport(sessionOf(req), req.query),
  );
  app.get(
    '/api/leads/owners',
    { schema: { tags, summary: '可选负责人 / Possible owners', querystring: ownersQuery, response: { 200: z.array(ownerSchema) } } },
    async (req) => leads.owners(sessionOf(req), req.query.zoneId),
  );
  app.get('/api/leads/:id', { schema: { tags, summary: '线索详情 / Get lead', params: idParams, response: { 200: leadDetailSchema } } }, async (req) =>
    leads.get(sessionOf(req), req.params.id),
  );
  app.patch(
    '/api/leads/:id',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '修改线索 / Update lead', params: idParams, body: updateLeadBody, response: { 200: leadSchema } },
    },
    async (req) => leads.update(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/leads/:id/stage',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '推进阶段（含门槛） / Change stage (gated)', params: idParams, body: changeStageBody, response: { 200: leadDetailSchema } },
    },
    async (req) => leads.changeStage(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/leads/:id/status',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '变更状态 / Change status', params: idParams, body: changeStatusBody, response: { 200: leadSchema } },
    },
    async (req) => leads.changeStatus(sessionOf(req), req.params.id, req.body, rid(req)),
  );
  app.post(
    '/api/leads/:id/agreements',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '录入协议 / Add agreement', params: idParams, body: agreementInput, response: { 201: agreementSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return leads.addAgreement(sessionOf(req), req.params.id, req.body, rid(req));
    },
  );
  app.post(
    '/api/leads/:id/files',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '上传文件 / Attach file', params: idParams, body: uploadFileBody, response: { 201: fileSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return leads.uploadFile(sessionOf(req), req.params.id, req.body, rid(req));
    },
  );
  app.get('/api/lead-files/:id', { schema: { tags, summary: '下载文件 / Download file', params: idParams } }, async (req, reply) => {
    const file = await leads.downloadFile(sessionOf(req), req.params.id);
    reply.header('content-type', file.mimeType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    return reply.send(file.content);
  });
  app.post(
    '/api/leads/:id/activities',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '录入对接记录 / Log activity', params: idParams, body: createActivityBody, response: { 201: activitySchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return leads.addActivity(sessionOf(req), req.params.id, req.body, rid(req));
    },
  );
  app.get(
    '/api/leads/:id/timeline',
    { schema: { tags, summary: '线索时间线 / Lead timeline', params: idParams, response: { 200: timelineSchema } } },
    async (req) => leads.timeline(sessionOf(req), req.params.id),
  );
  app.post(
    '/api/leads/:id/convert',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '转为项目 / Convert to project', params: idParams, body: convertLeadBody, response: { 200: convertResultSchema } },
    },
    async (req) => leads.convert(sessionOf(req), req.params.id, req.body, rid(req)),
  );

  app.get('/api/trips', { schema: { tags, summary: '外出招商 / Trips', querystring: listTripsQuery, response: { 200: tripPage } } }, async (req) =>
    leads.listTrips(sessionOf(req), req.query),
  );
  app.post(
    '/api/trips',
    { config: { permission: 'lead.update' }, schema: { tags, summary: '登记外出招商 / Log trip', body: createTripBody, response: { 201: tripDetailSchema } } },
    async (req, reply) => {
      reply.status(201);
      return leads.createTrip(sessionOf(req), req.body, rid(req));
    },
  );
  app.get('/api/trips/:id', { schema: { tags, summary: '外出招商详情 / Get trip', params: idParams, response: { 200: tripDetailSchema } } }, async (req) =>
    leads.getTrip(sessionOf(req), req.params.id),
  );
  app.post(
    '/api/trips/:id/meetings',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '登记拜访 / Add meeting', params: idParams, body: meetingInput, response: { 200: tripDetailSchema } },
    },
    async (req) => leads.addMeeting(sessionOf(req), req.params.id, req.body, rid(req)),
  );

  app.get(
    '/api/signing-events',
    { schema: { tags, summary: '签约活动 / Signing events', querystring: listSigningEventsQuery, response: { 200: z.array(signingEventSchema) } } },
    async (req) => leads.listSigningEvents(sessionOf(req), req.query.zoneId),
  );
  app.post(
    '/api/signing-events',
    {
      config: { permission: 'lead.update' },
      schema: { tags, summary: '新建签约活动 / Create signing event', body: createSigningEventBody, response: { 201: signingEventSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return leads.createSigningEvent(sessionOf(req), req.body, rid(req));
    },
  );

  app.get('/api/lead-views', { schema: { tags, summary: '我的线索视图 / My saved views', response: { 200: z.array(savedViewSchema) } } }, async (req) =>
    leads.listViews(sessionOf(req)),
  );
  app.post(
    '/api/lead-views',
    { schema: { tags, summary: '保存视图 / Save view', body: createSavedViewBody, response: { 201: savedViewSchema } } },
    async (req, reply) => {
      reply.status(201);
      return leads.createView(sessionOf(req), req.body);
    },
  );
  app.delete('/api/lead-views/:id', { schema: { tags, summary: '删除视图 / Delete view', params: idParams, response: { 200: okSchema } } }, async (req) =>
    leads.deleteView(sessionOf(req), req.params.id),
  );
};
