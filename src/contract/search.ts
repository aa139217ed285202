import { z } from 'zod';
import { defineOperation } from './operation.ts';
import { uuidSchema } from './common.ts';

/** Also the order hits come in: a zone's own work first, the shared enterprise directory last. */
export const searchKinds = ['project', 'lead', 'blocker', 'enterprise'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: uuidSchema,
  title: z.string(),
  /** A second line that tells two hits of one name apart: the investor, the stage, the project. */
  subtitle: z.string().nullable(),
  zoneName: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(64).describe('Name, code or credit code contains'),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('Hits per kind'),
});

export const searchOperations = {
  search: defineOperation({
    method: 'GET',
    path: '/api/search',
    tags: ['search'],
    summary: '全局搜索 / Search projects, leads, enterprises and blockers the caller may see',
    query: searchQuery,
    response: z.object({ hits: z.array(searchHitSchema) }),
  }),
};
