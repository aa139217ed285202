import type { z } from 'zod';
import { financeOperations, type updateEventBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type UpdateEventInput = { id: string } & z.input<typeof updateEventBody>;
export const updateEvent = ({ id, ...body }: UpdateEventInput) => callOperation(financeOperations.updateEvent, { params: { id }, body });
export const useUpdateEvent = () => useFinanceMutation(updateEvent);
