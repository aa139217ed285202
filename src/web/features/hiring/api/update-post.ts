import type { z } from 'zod';
import { hiringOperations, type updatePostBody } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { useHiringMutation } from './use-hiring-mutation';

export type UpdatePostInput = { id: string } & z.input<typeof updatePostBody>;
export const updatePost = ({ id, ...body }: UpdatePostInput) => callOperation(hiringOperations.updatePost, { params: { id }, body });
export const useUpdatePost = () => useHiringMutation(updatePost);
