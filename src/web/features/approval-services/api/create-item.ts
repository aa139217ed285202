import type { z } from 'zod';
import { approvalServiceOperations, type createItemBody } from '../../../../contract/services/approval-services.ts';
import { callOperation } from '../../../lib/api-client';
import { useApprovalMutation } from './use-approval-mutation';

export const createItem = (body: z.input<typeof createItemBody>) => callOperation(approvalServiceOperations.createItem, { body });
export const useCreateItem = () => useApprovalMutation(createItem);
