import type { z } from 'zod';
import { fundingOperations, type createApplicationBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type CreateApplicationInput = z.input<typeof createApplicationBody>;
export const createApplication = (body: CreateApplicationInput) => callOperation(fundingOperations.createApplication, { body });
export const useCreateApplication = () => useFundingMutation(createApplication);
