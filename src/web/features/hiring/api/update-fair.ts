import type { z } from 'zod';
import { hiringOperations, type updateFairBody } from '../../../../contract/services/hiring.ts';
import { callOperation } from '../../../lib/api-client';
import { useHiringMutation } from './use-hiring-mutation';

export type UpdateFairInput = { id: string } & z.input<typeof updateFairBody>;
export const updateFair = ({ id, ...body }: UpdateFairInput) => callOperation(hiringOperations.updateFair, { params: { id }, body });
export const useUpdateFair = () => useHiringMutation(updateFair);
