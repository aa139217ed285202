import type { z } from 'zod';
import { hiringOperations, type createPostBody } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { useHiringMutation } from './use-hiring-mutation';

export type CreatePostInput = z.input<typeof createPostBody>;
export const createPost = (body: CreatePostInput) => callOperation(hiringOperations.createPost, { body });
export const useCreatePost = () => useHiringMutation(createPost);
