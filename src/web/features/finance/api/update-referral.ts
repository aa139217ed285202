import type { z } from 'zod';
import { financeOperations, type updateReferralBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type UpdateReferralInput = { id: string } & z.input<typeof updateReferralBody>;
export const updateReferral = ({ id, ...body }: UpdateReferralInput) => callOperation(financeOperations.updateReferral, { params: { id }, body });
export const useUpdateReferral = () => useFinanceMutation(updateReferral);
