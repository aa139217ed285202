/**
 * The operations of the investment pipeline (招商): leads, their files, trips, signing events and
 * saved views. The server registers each route from its definition and the web calls it through
 * the typed client. `record` names the kind of zone-scoped record a `:id` is (the leads module's
 * manifest answers whether it lies within the caller's zones).
 */
import { z } from 'zod';
import { idParams, okSchema } from '../common.ts';
import { defineOperation, fileResponse, multipartBody } from '../operation.ts';
import { createTripBody, listTripsQuery, meetingInput, timelineSchema, tripDetailSchema, tripPage, activitySchema, createActivityBody } from './activities.ts';
import {
  agreementInput,
  agreementSchema,
  createSigningEventBody,
  fileSchema,
  LEAD_FILE_MAX_BYTES,
  listSigningEventsQuery,
  signedReportQuery,
  signedReportSchema,
  signingEventSchema,
} from './agreements.ts';
import {
  changeStageBody,
  changeStatusBody,
  convertLeadBody,
  convertResultSchema,
  createLeadBody,
  createSavedViewBody,
  funnelQuery,
  funnelSchema,
  leadDetailSchema,
  leadPage,
  leadSchema,
  listLeadsQuery,
  ownerSchema,
  ownersQuery,
  savedViewSchema,
  updateLeadBody,
} from './core.ts';

const tags = ['leads'];
const lead = { param: 'id', kind: 'lead' } as const;

export const leadOperations = {
  list: defineOperation({ method: 'GET', path: '/api/leads', tags, summary: '招商线索 / Leads', query: listLeadsQuery, response: leadPage }),
  create: defineOperation({
    method: 'POST',
    path: '/api/leads',
    tags,
    summary: '新建线索 / Create lead',
    permission: 'lead.create',
    body: createLeadBody,
    status: 201,
    response: leadSchema,
  }),
  funnel: defineOperation({
    method: 'GET',
    path: '/api/leads/funnel',
    tags,
    summary: '招商漏斗 / Funnel by stage and status',
    query: funnelQuery,
    response: funnelSchema,
  }),
  signedReport: defineOperation({
    method: 'GET',
    path: '/api/leads/signed-report',
    tags,
    summary: '签约统计（计数口径） / Signed totals by the counting rule',
    query: signedReportQuery,
    response: signedReportSchema,
  }),
  owners: defineOperation({
    method: 'GET',
    path: '/api/leads/owners',
    tags,
    summary: '可选负责人 / Possible owners',
    query: ownersQuery,
    response: z.array(ownerSchema),
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/leads/:id',
    tags,
    summary: '线索详情 / Get lead',
    record: lead,
    params: idParams,
    response: leadDetailSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/leads/:id',
    tags,
    summary: '修改线索 / Update lead',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: updateLeadBody,
    response: leadSchema,
  }),
  changeStage: defineOperation({
    method: 'POST',
    path: '/api/leads/:id/stage',
    tags,
    summary: '推进阶段（含门槛） / Change stage (gated)',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: changeStageBody,
    response: leadDetailSchema,
  }),
  changeStatus: defineOperation({
    method: 'POST',
    path: '/api/leads/:id/status',
    tags,
    summary: '变更状态 / Change status',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: changeStatusBody,
    response: leadSchema,
  }),
  addAgreement: defineOperation({
    method: 'POST',
    path: '/api/leads/:id/agreements',
    tags,
    summary: '录入协议 / Add agreement',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: agreementInput,
    status: 201,
    response: agreementSchema,
  }),
  uploadFile: defineOperation({
    method: 'POST',
    path: '/api/leads/:id/files',
    tags,
    summary: '上传文件 / Attach file (multipart: the file, ≤ 512 KB)',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: multipartBody,
    multipart: { fileSize: LEAD_FILE_MAX_BYTES, files: 1, fields: 2, fieldSize: 200 },
    status: 201,
    response: fileSchema,
  }),
  addActivity: defineOperation({
    method: 'POST',
    path: '/api/leads/:id/activities',
    tags,
    summary: '录入对接记录 / Log activity',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: createActivityBody,
    status: 201,
    response: activitySchema,
  }),
  timeline: defineOperation({
    method: 'GET',
    path: '/api/leads/:id/timeline',
    tags,
    summary: '线索时间线 / Lead timeline',
    record: lead,
    params: idParams,
    response: timelineSchema,
  }),
  convert: defineOperation({
    method: 'POST',
    path: '/api/leads/:id/convert',
    tags,
    summary: '转为项目 / Convert to project',
    permission: 'lead.update',
    record: lead,
    params: idParams,
    body: convertLeadBody,
    response: convertResultSchema,
  }),
};

export const leadFileOperations = {
  download: defineOperation({
    method: 'GET',
    path: '/api/lead-files/:id',
    tags,
    summary: '下载文件 / Download file',
    record: { param: 'id', kind: 'leadFile' },
    params: idParams,
    response: fileResponse,
  }),
};

const trip = { param: 'id', kind: 'trip' } as const;

export const tripOperations = {
  list: defineOperation({ method: 'GET', path: '/api/trips', tags, summary: '外出招商 / Trips', query: listTripsQuery, response: tripPage }),
  create: defineOperation({
    method: 'POST',
    path: '/api/trips',
    tags,
    summary: '登记外出招商 / Log trip',
    permission: 'lead.update',
    body: createTripBody,
    status: 201,
    response: tripDetailSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/trips/:id',
    tags,
    summary: '外出招商详情 / Get trip',
    record: trip,
    params: idParams,
    response: tripDetailSchema,
  }),
  addMeeting: defineOperation({
    method: 'POST',
    path: '/api/trips/:id/meetings',
    tags,
    summary: '登记拜访 / Add meeting',
    permission: 'lead.update',
    record: trip,
    params: idParams,
    body: meetingInput,
    response: tripDetailSchema,
  }),
};

export const signingEventOperations = {
  list: defineOperation({
    method: 'GET',
    path: '/api/signing-events',
    tags,
    summary: '签约活动 / Signing events',
    query: listSigningEventsQuery,
    response: z.array(signingEventSchema),
  }),
  create: defineOperation({
    method: 'POST',
    path: '/api/signing-events',
    tags,
    summary: '新建签约活动 / Create signing event',
    permission: 'lead.update',
    body: createSigningEventBody,
    status: 201,
    response: signingEventSchema,
  }),
};

export const leadViewOperations = {
  list: defineOperation({ method: 'GET', path: '/api/lead-views', tags, summary: '我的线索视图 / My saved views', response: z.array(savedViewSchema) }),
  create: defineOperation({
    method: 'POST',
    path: '/api/lead-views',
    tags,
    summary: '保存视图 / Save view',
    body: createSavedViewBody,
    status: 201,
    response: savedViewSchema,
  }),
  remove: defineOperation({
    method: 'DELETE',
    path: '/api/lead-views/:id',
    tags,
    summary: '删除视图 / Delete view',
    record: { param: 'id', kind: 'leadView' },
    params: idParams,
    response: okSchema,
  }),
};
