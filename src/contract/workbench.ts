import { z } from 'zod';
import { auditEntrySchema } from './audit.ts';

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
});
export type Workbench = z.infer<typeof workbenchResponse>;
