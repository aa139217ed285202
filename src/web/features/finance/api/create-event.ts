import type { z } from 'zod';
import { financeOperations, type createEventBody } from '../../../../contract/services/finance.ts';
import { callOperation } from '../../../lib/api-client';
import { useFinanceMutation } from './use-finance-mutation';

export type CreateEventInput = z.input<typeof createEventBody>;
export const createEvent = (body: CreateEventInput) => callOperation(financeOperations.createEvent, { body });
export const useCreateEvent = () => useFinanceMutation(createEvent);
