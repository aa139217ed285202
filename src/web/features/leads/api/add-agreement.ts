import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Agreement, agreementInput } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type AgreementInput = z.input<typeof agreementInput>;

export function addAgreement({ leadId, ...input }: AgreementInput & { leadId: string }): Promise<Agreement> {
  return api.post<Agreement>(`/leads/${leadId}/agreements`, input);
}

export function useAddAgreement() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addAgreement, onSuccess: () => invalidatePipeline(queryClient) });
}
