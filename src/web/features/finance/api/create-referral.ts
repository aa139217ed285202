import type { z } from 'zod';
import { financeOperations, type createReferralBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type CreateReferralInput = z.input<typeof createReferralBody>;
export const createReferral = (body: CreateReferralInput) => callOperation(financeOperations.createReferral, { body });
export const useCreateReferral = () => useFinanceMutation(createReferral);
