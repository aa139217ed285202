import type { z } from 'zod';
import { decisionOperations, type createDecisionBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export type AddDecisionInput = z.input<typeof createDecisionBody> & { meetingId: string };

export const addDecision = ({ meetingId, ...body }: AddDecisionInput) => callOperation(decisionOperations.add, { params: { id: meetingId }, body });
export const useAddDecision = () => useDispatchMutation(addDecision);
