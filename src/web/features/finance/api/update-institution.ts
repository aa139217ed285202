import type { z } from 'zod';
import { financeOperations, type updateInstitutionBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type UpdateInstitutionInput = { id: string } & z.input<typeof updateInstitutionBody>;
export const updateInstitution = ({ id, ...body }: UpdateInstitutionInput) => callOperation(financeOperations.updateInstitution, { params: { id }, body });
export const useUpdateInstitution = () => useFinanceMutation(updateInstitution);
