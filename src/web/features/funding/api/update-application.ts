import type { z } from 'zod';
import { fundingOperations, type updateApplicationBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type UpdateApplicationInput = { id: string } & z.input<typeof updateApplicationBody>;
export const updateApplication = ({ id, ...body }: UpdateApplicationInput) => callOperation(fundingOperations.updateApplication, { params: { id }, body });
export const useUpdateApplication = () => useFundingMutation(updateApplication);
