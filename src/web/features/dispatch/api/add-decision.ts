import type { z } from 'zod';
import type { createDecisionBody, Decision } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export type AddDecisionInput = z.input<typeof createDecisionBody> & { meetingId: string };

export const addDecision = ({ meetingId, ...body }: AddDecisionInput) => api.post<Decision>(`/meetings/${meetingId}/decisions`, body);
export const useAddDecision = () => useDispatchMutation(addDecision);
