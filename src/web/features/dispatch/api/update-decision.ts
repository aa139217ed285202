import type { z } from 'zod';
import { decisionOperations, type updateDecisionBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const updateDecision = ({ id, ...body }: z.input<typeof updateDecisionBody> & { id: string }) =>
  callOperation(decisionOperations.update, { params: { id }, body });
export const useUpdateDecision = () => useDispatchMutation(updateDecision);
