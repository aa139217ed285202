import type { z } from 'zod';
import { financeOperations, type updateNeedBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type UpdateNeedInput = { id: string } & z.input<typeof updateNeedBody>;
export const updateNeed = ({ id, ...body }: UpdateNeedInput) => callOperation(financeOperations.updateNeed, { params: { id }, body });
export const useUpdateNeed = () => useFinanceMutation(updateNeed);
