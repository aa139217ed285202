import type { z } from 'zod';
import { fundingOperations, type createReserveBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type CreateReserveInput = z.input<typeof createReserveBody>;
export const createReserve = (body: CreateReserveInput) => callOperation(fundingOperations.createReserve, { body });
export const useCreateReserve = () => useFundingMutation(createReserve);
