import type { z } from 'zod';
import { financeOperations, type createInstitutionBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type CreateInstitutionInput = z.input<typeof createInstitutionBody>;
export const createInstitution = (body: CreateInstitutionInput) => callOperation(financeOperations.createInstitution, { body });
export const useCreateInstitution = () => useFinanceMutation(createInstitution);
