import type { z } from 'zod';
import type { BlockerDetail, createBlockerBody } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export type CreateBlockerInput = z.input<typeof createBlockerBody>;

export const createBlocker = (input: CreateBlockerInput) => api.post<BlockerDetail>('/blockers', input);
export const useCreateBlocker = () => useDispatchMutation(createBlocker);
