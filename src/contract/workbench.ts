import { z } from 'zod';
import { defineOperation } from './operation.ts';
import { auditEntrySchema } from './audit.ts';
import { projectWorkbenchSchema } from './projects.ts';
import { dispatchWorkbenchSchema } from './dispatch.ts';
import { pipelineWorkbenchSchema } from './leads.ts';
import { servicesWorkbenchSchema } from './services/workbench.ts';

export const workbenchResponse = z.object({
  zones: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      parks: z.number().int(),
      departments: z.number().int(),
      users: z.number().int(),
    }),
  ),
  recentChanges: z.array(auditEntrySchema).describe('Latest changes in the zones the caller covers'),
  projects: projectWorkbenchSchema.optional().describe('项目: my overdue milestones and the reports due'),
  dispatch: dispatchWorkbenchSchema.optional().describe('调度: blockers I own, decisions assigned to me (我的待办)'),
  pipeline: pipelineWorkbenchSchema.optional().describe('招商: my leads and the follow-ups due within a week'),
  services: servicesWorkbenchSchema.optional().describe('企业服务: applications closing, my 代办 cases, posts closing; the funding and hiring lines'),
});
export type Workbench = z.infer<typeof workbenchResponse>;

export const workbenchOperations = {
  get: defineOperation({ method: 'GET', path: '/api/workbench', tags: ['workbench'], summary: '工作台 / Workbench', response: workbenchResponse }),
};
