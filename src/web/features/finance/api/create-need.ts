import type { z } from 'zod';
import { financeOperations, type createNeedBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type CreateNeedInput = z.input<typeof createNeedBody>;
export const createNeed = (body: CreateNeedInput) => callOperation(financeOperations.createNeed, { body });
export const useCreateNeed = () => useFinanceMutation(createNeed);
