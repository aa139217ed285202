import type { z } from 'zod';
import { financeOperations, type createProductBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type CreateProductInput = z.input<typeof createProductBody>;
export const createProduct = (body: CreateProductInput) => callOperation(financeOperations.createProduct, { body });
export const useCreateProduct = () => useFinanceMutation(createProduct);
