import type { z } from 'zod';
import type { BlockerDetail, updateBlockerBody } from '../../../../contract/dispatch.ts';
import { api } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export type UpdateBlockerInput = z.input<typeof updateBlockerBody> & { id: string };

export const updateBlocker = ({ id, ...input }: UpdateBlockerInput) => api.patch<BlockerDetail>(`/blockers/${id}`, input);
export const useUpdateBlocker = () => useDispatchMutation(updateBlocker);
