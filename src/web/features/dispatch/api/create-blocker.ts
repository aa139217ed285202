import type { z } from 'zod';
import { blockerOperations, type createBlockerBody } from '../../../../contract/dispatch.ts';
import { callOperation } from '../../../lib/api-client';
import { useDispatchMutation } from './use-dispatch-mutation';

export type CreateBlockerInput = z.input<typeof createBlockerBody>;

export const createBlocker = (input: CreateBlockerInput) => callOperation(blockerOperations.create, { body: input });
export const useCreateBlocker = () => useDispatchMutation(createBlocker);
