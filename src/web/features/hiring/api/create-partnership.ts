import type { z } from 'zod';
import { hiringOperations, type createPartnershipBody } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { useHiringMutation } from './use-hiring-mutation';

export type CreatePartnershipInput = z.input<typeof createPartnershipBody>;
export const createPartnership = (body: CreatePartnershipInput) => callOperation(hiringOperations.createPartnership, { body });
export const useCreatePartnership = () => useHiringMutation(createPartnership);
