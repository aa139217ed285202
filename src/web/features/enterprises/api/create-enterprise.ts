import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { enterpriseOperations, type createEnterpriseBody, type Enterprise } from '../../../../contract/enterprises.ts';
import { callOperation } from '../../../lib/api-client';
import { enterpriseKeys } from './keys';

export type CreateEnterpriseInput = z.input<typeof createEnterpriseBody>;

export function createEnterprise(input: CreateEnterpriseInput): Promise<Enterprise> {
  return callOperation(enterpriseOperations.create, { body: input });
}

export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createEnterprise, onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }) });
}
