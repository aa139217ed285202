import type { z } from 'zod';
import { fundingOperations, type createProgrammeBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type CreateProgrammeInput = z.input<typeof createProgrammeBody>;
export const createProgramme = (body: CreateProgrammeInput) => callOperation(fundingOperations.createProgramme, { body });
export const useCreateProgramme = () => useFundingMutation(createProgramme);
