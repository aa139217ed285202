import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { leadOperations, type Agreement, type agreementInput } from '../../../../contract/leads.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type AgreementInput = z.input<typeof agreementInput>;

export function addAgreement({ leadId, ...input }: AgreementInput & { leadId: string }): Promise<Agreement> {
  return callOperation(leadOperations.addAgreement, { params: { id: leadId }, body: input });
}

export function useAddAgreement() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addAgreement, onSuccess: () => invalidatePipeline(queryClient) });
}
