import type { z } from 'zod';
import { fundingOperations, type createContactBody } from '../../../../contract/services/funding.ts';
import { callOperation } from '../../../lib/api-client';
import { useFundingMutation } from './use-funding-mutation';

export type CreateContactInput = z.input<typeof createContactBody>;
export const createContact = (body: CreateContactInput) => callOperation(fundingOperations.createContact, { body });
export const useCreateContact = () => useFundingMutation(createContact);
