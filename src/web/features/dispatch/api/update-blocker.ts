import type { z } from 'zod';
import { blockerOperations, type updateBlockerBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export type UpdateBlockerInput = z.input<typeof updateBlockerBody> & { id: string };

export const updateBlocker = ({ id, ...body }: UpdateBlockerInput) => callOperation(blockerOperations.update, { params: { id }, body });
export const useUpdateBlocker = () => useDispatchMutation(updateBlocker);
