import type { z } from 'zod';
import { hiringOperations, type createFairBody } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { useHiringMutation } from './use-hiring-mutation';

export type CreateFairInput = z.input<typeof createFairBody>;
export const createFair = (body: CreateFairInput) => callOperation(hiringOperations.createFair, { body });
export const useCreateFair = () => useHiringMutation(createFair);
