import { useMutation, useQueryClient } from '@tanstack/react-query';
import { leadOperations } from '../../../../contract/leads.ts';
import type { OperationResult } from '../../../../contract/operation.ts';
import { callOperation } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type LeadFile = OperationResult<typeof leadOperations.uploadFile>;

/** Attaches a file (an agreement scan, at most 512 KB) to a lead, as multipart/form-data. */
export function uploadFile({ leadId, file }: { leadId: string; file: File }): Promise<LeadFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return callOperation(leadOperations.uploadFile, { params: { id: leadId }, body: form });
}

export function useUploadFile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadFile, onSuccess: () => invalidatePipeline(queryClient) });
}
