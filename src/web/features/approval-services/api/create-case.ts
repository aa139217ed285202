import type { z } from 'zod';
import { approvalServiceOperations, type createCaseBody } from '../../../../contract/services/approval-services.ts';
import { callOperation } from '../../../lib/api-client';
import { useApprovalMutation } from './use-approval-mutation';

export const createCase = (body: z.input<typeof createCaseBody>) => callOperation(approvalServiceOperations.createCase, { body });
export const useCreateCase = () => useApprovalMutation(createCase);
