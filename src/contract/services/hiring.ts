/** 揽才: demand posts, job fairs, school partnerships, the totals and the demand list as a fair uses it. */
import { z } from 'zod';
import { actionsSchema, idParams, isoDate, uuidSchema, versionSchema } from '../common.ts';
import { defineOperation, fileResponse } from '../operation.ts';
import { fairKinds, postCategories } from './enums.ts';
import './reasons.ts';
import { optionalDate, optionalText, text } from './shared.ts';

const tags = ['hiring'];

export const postSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  sector: z.string(),
  position: z.string(),
  category: z.enum(postCategories),
  headcount: z.number().int(),
  filled: z.number().int(),
  payMinYuan: z.number().nullable().describe('Monthly, yuan'),
  payMaxYuan: z.number().nullable(),
  requirements: z.string().nullable(),
  postedOn: z.string(),
  deadlineOn: z.string().nullable(),
  fairCount: z.number().int(),
  version: z.number().int(),
  actions: actionsSchema,
});
export type HiringPost = z.infer<typeof postSchema>;
/** Pay is entered in yuan a month (not 万元). */
const pay = z.number().int().min(0).max(1_000_000);
const postFields = {
  enterpriseId: uuidSchema,
  sector: text(40).min(1).describe('产业, e.g. 光机电'),
  position: text(100).min(1),
  category: z.enum(postCategories),
  headcount: z.number().int().min(1).max(100_000),
  filled: z.number().int().min(0).max(100_000).optional(),
  payMinYuan: pay.nullable().optional(),
  payMaxYuan: pay.nullable().optional(),
  requirements: optionalText(1000),
  postedOn: isoDate.optional(),
  deadlineOn: optionalDate,
};
export const createPostBody = z.object({ zoneId: uuidSchema, ...postFields });
export const updatePostBody = z
  .object({ version: versionSchema, ...postFields })
  .partial()
  .required({ version: true });
export const listPostsQuery = z.object({
  zoneId: uuidSchema.optional(),
  sector: z.string().max(40).optional(),
  category: z.enum(postCategories).optional(),
  fairId: uuidSchema.optional(),
});

export const fairSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  kind: z.enum(fairKinds),
  applicants: z.number().int(),
  hires: z.number().int(),
  note: z.string().nullable(),
  postIds: z.array(z.string()),
  enterprises: z.number().int().describe('Enterprises attending (those of the posts offered)'),
  positionsOffered: z.number().int().describe('Headcount of the posts offered'),
  version: z.number().int(),
  actions: actionsSchema,
});
export type HiringFair = z.infer<typeof fairSchema>;
const fairFields = {
  name: text(200).min(2),
  heldOn: isoDate,
  place: optionalText(200),
  kind: z.enum(fairKinds),
  applicants: z.number().int().min(0).max(10_000_000).optional(),
  hires: z.number().int().min(0).max(10_000_000).optional().describe('Not above applicants'),
  note: optionalText(1000),
  postIds: z.array(uuidSchema).max(2000).optional(),
};
export const createFairBody = z.object({ zoneId: uuidSchema, ...fairFields });
export const updateFairBody = z
  .object({ version: versionSchema, ...fairFields })
  .partial()
  .required({ version: true });

export const partnershipSchema = z.object({
  id: z.string(),
  zoneId: z.string(),
  school: z.string(),
  programme: z.string(),
  classSize: z.number().int().nullable(),
  startsOn: z.string().nullable(),
  note: z.string().nullable(),
  enterprises: z.array(z.object({ id: z.string(), name: z.string() })),
  version: z.number().int(),
  actions: actionsSchema,
});
export type HiringPartnership = z.infer<typeof partnershipSchema>;
const partnershipFields = {
  school: text(100).min(2),
  programme: text(100).min(2).describe('专业 / 订单班'),
  classSize: z.number().int().min(1).max(10_000).nullable().optional(),
  startsOn: optionalDate,
  note: optionalText(1000),
  enterpriseIds: z.array(uuidSchema).max(200).optional(),
};
export const createPartnershipBody = z.object({ zoneId: uuidSchema, ...partnershipFields });
export const updatePartnershipBody = z
  .object({ version: versionSchema, ...partnershipFields })
  .partial()
  .required({ version: true });

const group = z.object({ key: z.string(), label: z.string(), posts: z.number().int(), positions: z.number().int(), filled: z.number().int() });
export const hiringSummarySchema = z.object({
  posts: z.number().int(),
  positions: z.number().int().describe('岗位: headcount of the posts'),
  filled: z.number().int(),
  enterprises: z.number().int(),
  fairs: z.number().int(),
  applicants: z.number().int(),
  hires: z.number().int(),
  partnerships: z.number().int(),
  classSeats: z.number().int().describe('订单式培养 places'),
  text: z.string().describe('岗位 N 个 … (caller’s language)'),
  bySector: z.array(group),
  byEnterprise: z.array(group),
  byCategory: z.array(group),
});
export type HiringSummary = z.infer<typeof hiringSummarySchema>;

const postRecord = { param: 'id', kind: 'hiringPost' } as const;
const fairRecord = { param: 'id', kind: 'hiringFair' } as const;
const partnershipRecord = { param: 'id', kind: 'hiringPartnership' } as const;

export const hiringOperations = {
  listPosts: defineOperation({
    method: 'GET',
    path: '/api/hiring/posts',
    tags,
    summary: '岗位需求 / Demand posts',
    permission: 'hiring.read',
    query: listPostsQuery,
    response: z.array(postSchema),
  }),
  createPost: defineOperation({
    method: 'POST',
    path: '/api/hiring/posts',
    tags,
    summary: '发布岗位需求 / Post demand',
    permission: 'hiring.manage',
    body: createPostBody,
    status: 201,
    response: postSchema,
  }),
  updatePost: defineOperation({
    method: 'PATCH',
    path: '/api/hiring/posts/:id',
    tags,
    summary: '修改岗位需求 / Update a post',
    permission: 'hiring.manage',
    record: postRecord,
    params: idParams,
    body: updatePostBody,
    response: postSchema,
  }),
  listFairs: defineOperation({
    method: 'GET',
    path: '/api/hiring/fairs',
    tags,
    summary: '招聘会 / Job fairs',
    permission: 'hiring.read',
    query: z.object({ zoneId: uuidSchema.optional() }),
    response: z.array(fairSchema),
  }),
  createFair: defineOperation({
    method: 'POST',
    path: '/api/hiring/fairs',
    tags,
    summary: '新增招聘会 / Add a job fair',
    permission: 'hiring.manage',
    body: createFairBody,
    status: 201,
    response: fairSchema,
  }),
  updateFair: defineOperation({
    method: 'PATCH',
    path: '/api/hiring/fairs/:id',
    tags,
    summary: '修改招聘会 / Update a job fair',
    permission: 'hiring.manage',
    record: fairRecord,
    params: idParams,
    body: updateFairBody,
    response: fairSchema,
  }),
  listPartnerships: defineOperation({
    method: 'GET',
    path: '/api/hiring/partnerships',
    tags,
    summary: '校企合作 / School partnerships',
    permission: 'hiring.read',
    query: z.object({ zoneId: uuidSchema.optional() }),
    response: z.array(partnershipSchema),
  }),
  createPartnership: defineOperation({
    method: 'POST',
    path: '/api/hiring/partnerships',
    tags,
    summary: '新增校企合作 / Add a partnership',
    permission: 'hiring.manage',
    body: createPartnershipBody,
    status: 201,
    response: partnershipSchema,
  }),
  updatePartnership: defineOperation({
    method: 'PATCH',
    path: '/api/hiring/partnerships/:id',
    tags,
    summary: '修改校企合作 / Update a partnership',
    permission: 'hiring.manage',
    record: partnershipRecord,
    params: idParams,
    body: updatePartnershipBody,
    response: partnershipSchema,
  }),
  summary: defineOperation({
    method: 'GET',
    path: '/api/hiring/summary',
    tags,
    summary: '揽才汇总 / Totals by sector, enterprise and category',
    permission: 'hiring.read',
    query: z.object({ zoneId: uuidSchema.optional() }),
    response: hiringSummarySchema,
  }),
  exportDemand: defineOperation({
    method: 'GET',
    path: '/api/hiring/demand.xlsx',
    tags,
    summary: '企业岗位需求表 (.xlsx, as a fair prints it) / Demand list',
    permission: 'hiring.read',
    query: z.object({ zoneId: uuidSchema.optional(), fairId: uuidSchema.optional() }),
    response: fileResponse,
  }),
};
