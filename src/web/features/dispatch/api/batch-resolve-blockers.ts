import type { z } from 'zod';
import { blockerOperations, type batchResolveBlockersBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

/** 批量销号: one resolution for the selected blockers (all or nothing). */
export const batchResolveBlockers = (body: z.input<typeof batchResolveBlockersBody>) => callOperation(blockerOperations.batchResolve, { body });
export const useBatchResolveBlockers = () => useDispatchMutation(batchResolveBlockers);
