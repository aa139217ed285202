import type { z } from 'zod';
import { decisionOperations, type batchUpdateDecisionsBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

/** 批量办结 / 改派: one status and/or 责任人 for the selected decisions (all or nothing). */
export const batchUpdateDecisions = (body: z.input<typeof batchUpdateDecisionsBody>) => callOperation(decisionOperations.batchUpdate, { body });
export const useBatchUpdateDecisions = () => useDispatchMutation(batchUpdateDecisions);
