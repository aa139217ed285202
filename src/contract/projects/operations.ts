/**
 * The operations of the projects module, one object per aggregate: the server registers each
 * route from them (modules/projects/projects.routes.ts) and the web calls them
 * (web/features/projects/api), so no projects URL is written twice.
 */
import { z } from 'zod';
import { idParams } from '../common.ts';
import { defineOperation, fileResponse, multipartBody } from '../operation.ts';
import {
  assignableUserSchema,
  assignableUsersQuery,
  changeStageBody,
  createProjectBody,
  flagHistorySchema,
  listProjectsQuery,
  projectDetailSchema,
  projectPage,
  updateProjectBody,
} from './core.ts';
import {
  annualPlanBody,
  approvalsBody,
  landComplianceExportQuery,
  landComplianceQuery,
  landComplianceRow,
  landStandardBody,
  milestonesBody,
  yearParams,
} from './plan.ts';
import {
  batchBody,
  batchQuery,
  batchResponse,
  batchResult,
  createReportBody,
  photoParams,
  photoSchema,
  progressReportSchema,
  reportParams,
  updateReportBody,
} from './progress.ts';
import { flagRuleSchema, putFlagRuleBody, putTemplatesBody, templatesQuery, templatesSchema } from './settings.ts';

const tags = ['projects'];
/** The `:id` of these paths names a project: outside the caller's zones it is 404 before the body is read. */
const record = { param: 'id', kind: 'project' } as const;

/** Bytes a photo may have (the multipart limit and the service's check). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The project itself: list, detail, create, update, stage. */
export const projectCoreOperations = {
  list: defineOperation({ method: 'GET', path: '/api/projects', tags, summary: '项目列表 / Projects', query: listProjectsQuery, response: projectPage }),
  create: defineOperation({
    method: 'POST',
    path: '/api/projects',
    tags,
    summary: '新建项目 / Create project',
    permission: 'project.create',
    body: createProjectBody,
    status: 201,
    response: projectDetailSchema,
  }),
  get: defineOperation({
    method: 'GET',
    path: '/api/projects/:id',
    tags,
    summary: '项目详情 / Project',
    record,
    params: idParams,
    response: projectDetailSchema,
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/api/projects/:id',
    tags,
    summary: '修改项目 / Update project',
    permission: 'project.update',
    record,
    params: idParams,
    body: updateProjectBody,
    response: projectDetailSchema,
  }),
  changeStage: defineOperation({
    method: 'POST',
    path: '/api/projects/:id/stage',
    tags,
    summary: '变更阶段 / Change stage (gates; a reason to move back)',
    permission: 'project.update',
    record,
    params: idParams,
    body: changeStageBody,
    response: projectDetailSchema,
  }),
  flagHistory: defineOperation({
    method: 'GET',
    path: '/api/projects/:id/flag-history',
    tags,
    summary: '红黄绿灯变化 / Flag history (newest first)',
    record,
    params: idParams,
    response: flagHistorySchema,
  }),
  assignees: defineOperation({
    method: 'GET',
    path: '/api/project-assignees',
    tags,
    summary: '可选责任人 / Users covering a zone',
    query: assignableUsersQuery,
    response: z.array(assignableUserSchema),
  }),
};

/** The plan: milestones, approvals, 标准地, annual plans. */
export const projectPlanOperations = {
  putMilestones: defineOperation({
    method: 'PUT',
    path: '/api/projects/:id/milestones',
    tags,
    summary: '节点计划 / Milestone plan (whole list)',
    permission: 'project.update',
    record,
    params: idParams,
    body: milestonesBody,
    response: projectDetailSchema,
  }),
  putApprovals: defineOperation({
    method: 'PUT',
    path: '/api/projects/:id/approvals',
    tags,
    summary: '审批事项 / Approval checklist (whole list)',
    permission: 'project.approvals',
    record,
    params: idParams,
    body: approvalsBody,
    response: projectDetailSchema,
  }),
  putLandStandard: defineOperation({
    method: 'PUT',
    path: '/api/projects/:id/land-standard',
    tags,
    summary: '标准地指标 / Land indicators',
    permission: 'project.update',
    record,
    params: idParams,
    body: landStandardBody,
    response: projectDetailSchema,
  }),
  putAnnualPlan: defineOperation({
    method: 'PUT',
    path: '/api/projects/:id/annual-plans/:year',
    tags,
    summary: '年度投资计划 / Annual investment plan',
    permission: 'project.update',
    record,
    params: yearParams,
    body: annualPlanBody,
    response: projectDetailSchema,
  }),
  landCompliance: defineOperation({
    method: 'GET',
    path: '/api/land-standards',
    tags,
    summary: '标准地履标 / Land-indicator compliance',
    query: landComplianceQuery,
    response: z.array(landComplianceRow),
  }),
  landComplianceExport: defineOperation({
    method: 'GET',
    path: '/api/land-standards/export.xlsx',
    tags,
    summary: '导出标准地履标（当前筛选）/ Export land-indicator compliance as filtered (.xlsx)',
    query: landComplianceExportQuery,
    response: fileResponse,
  }),
};

/** Progress: reports, the batch grid, photos. */
export const projectProgressOperations = {
  createReport: defineOperation({
    method: 'POST',
    path: '/api/projects/:id/progress-reports',
    tags,
    summary: '进度填报 / File a progress report',
    permission: 'project.report',
    record,
    params: idParams,
    body: createReportBody,
    status: 201,
    response: progressReportSchema,
  }),
  updateReport: defineOperation({
    method: 'PATCH',
    path: '/api/projects/:id/progress-reports/:reportId',
    tags,
    summary: '修改进度填报 / Correct a report',
    permission: 'project.report',
    record,
    params: reportParams,
    body: updateReportBody,
    response: progressReportSchema,
  }),
  uploadPhoto: defineOperation({
    method: 'POST',
    path: '/api/projects/:id/photos',
    tags,
    summary: '上传形象进度照片 / Upload a photo (multipart: caption, reportId, then file; JPEG/PNG/WebP ≤ 5 MB)',
    permission: 'project.report',
    record,
    params: idParams,
    body: multipartBody,
    multipart: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 },
    status: 201,
    response: photoSchema,
  }),
  photo: defineOperation({
    method: 'GET',
    path: '/api/projects/:id/photos/:photoId',
    tags,
    summary: '照片 / Photo bytes',
    record,
    params: photoParams,
    response: fileResponse,
  }),
  batch: defineOperation({
    method: 'GET',
    path: '/api/progress-batch',
    tags,
    summary: '批量填报表 / Batch entry grid: my projects for one period',
    query: batchQuery,
    response: batchResponse,
  }),
  batchCreate: defineOperation({
    method: 'POST',
    path: '/api/progress-batch',
    tags,
    summary: '批量填报 / File one period for many projects (all or nothing)',
    permission: 'project.report',
    body: batchBody,
    status: 201,
    response: batchResult,
  }),
};

/** Settings: templates and the flag rule. */
export const projectSettingsOperations = {
  templates: defineOperation({
    method: 'GET',
    path: '/api/project-templates',
    tags,
    summary: '节点与审批模板 / Milestone and approval templates',
    query: templatesQuery,
    response: templatesSchema,
  }),
  putTemplates: defineOperation({
    method: 'PUT',
    path: '/api/project-templates',
    tags,
    summary: '保存模板 / Save templates',
    permission: 'project.configure',
    body: putTemplatesBody,
    response: templatesSchema,
  }),
  flagRule: defineOperation({
    method: 'GET',
    path: '/api/project-flag-rules',
    tags,
    summary: '红黄绿灯规则 / Flag rule',
    query: templatesQuery,
    response: flagRuleSchema,
  }),
  putFlagRule: defineOperation({
    method: 'PUT',
    path: '/api/project-flag-rules',
    tags,
    summary: '保存红黄绿灯规则 / Save the flag rule',
    permission: 'project.configure',
    body: putFlagRuleBody,
    response: flagRuleSchema,
  }),
};

/** Every projects operation (the dispatch sheet's are in contract/project-dispatch-sheet.ts). */
export const projectOperations = {
  ...projectCoreOperations,
  ...projectPlanOperations,
  ...projectProgressOperations,
  ...projectSettingsOperations,
};
