import type { z } from 'zod';
import { fundingOperations, type updateProgrammeBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type UpdateProgrammeInput = { id: string } & z.input<typeof updateProgrammeBody>;
export const updateProgramme = ({ id, ...body }: UpdateProgrammeInput) => callOperation(fundingOperations.updateProgramme, { params: { id }, body });
export const useUpdateProgramme = () => useFundingMutation(updateProgramme);
