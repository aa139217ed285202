import type { z } from 'zod';
import { blockerOperations, type batchAssignBlockersBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

/** 批量转办: one 责任人 and/or 责任单位 for the selected blockers (all or nothing). */
export const batchAssignBlockers = (body: z.input<typeof batchAssignBlockersBody>) => callOperation(blockerOperations.batchAssign, { body });
export const useBatchAssignBlockers = () => useDispatchMutation(batchAssignBlockers);
