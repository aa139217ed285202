import type { z } from 'zod';
import { financeOperations, type updateProductBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type UpdateProductInput = { id: string } & z.input<typeof updateProductBody>;
export const updateProduct = ({ id, ...body }: UpdateProductInput) => callOperation(financeOperations.updateProduct, { params: { id }, body });
export const useUpdateProduct = () => useFinanceMutation(updateProduct);
