import type { z } from 'zod';
import type { Decision, updateDecisionBody } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export const updateDecision = ({ id, ...body }: z.input<typeof updateDecisionBody> & { id: string }) => api.patch<Decision>(`/decisions/${id}`, body);
export const useUpdateDecision = () => useDispatchMutation(updateDecision);
