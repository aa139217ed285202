/** The enterprise services' share of the 工作台: the service officer's and the 代办员's worklists. */
import { z } from 'zod';

export const serviceTodoKinds = ['funding_deadline', 'approval_case', 'hiring_deadline'] as const;
export const serviceTodoSchema = z.object({
  kind: z.enum(serviceTodoKinds),
  id: z.string(),
  zoneId: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  link: z.string().describe('Web path of the page that handles it'),
});
export type ServiceTodo = z.infer<typeof serviceTodoSchema>;
export const servicesWorkbenchSchema = z.object({
  todo: z.array(serviceTodoSchema).describe('Most urgent first'),
  funding: z.string().nullable().describe('储备 N 个，申报 N 个，对接 N 次，争取资金 N 万元'),
  hiring: z.string().nullable().describe('岗位 N 个 …'),
});
export type ServicesWorkbench = z.infer<typeof servicesWorkbenchSchema>;
