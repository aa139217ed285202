import type { z } from 'zod';
import { fundingOperations, type updateReserveBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type UpdateReserveInput = { id: string } & z.input<typeof updateReserveBody>;
export const updateReserve = ({ id, ...body }: UpdateReserveInput) => callOperation(fundingOperations.updateReserve, { params: { id }, body });
export const useUpdateReserve = () => useFundingMutation(updateReserve);
