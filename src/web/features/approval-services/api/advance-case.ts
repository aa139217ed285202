import type { z } from 'zod';
import { approvalServiceOperations, type advanceCaseBody } from '../../../../contract/services/approval-services.ts';
import { callOperation } from '../../../lib/api-client';
import { useApprovalMutation } from './use-approval-mutation';

export const advanceCase = ({ id, ...body }: { id: string } & z.input<typeof advanceCaseBody>) =>
  callOperation(approvalServiceOperations.advanceCase, { params: { id }, body });
export const useAdvanceCase = () => useApprovalMutation(advanceCase);
