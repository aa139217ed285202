import { z } from 'zod';
import { defineOperation } from './operation.ts';

export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export const healthOperations = {
  health: defineOperation({ method: 'GET', path: '/api/health', tags: ['health'], summary: '健康检查 / Health', public: true, response: healthResponse }),
};
