import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { fileSchema } from '../../../../contract/leads.ts';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

export type LeadFile = z.infer<typeof fileSchema>;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Attaches a file (an agreement scan) to a lead. */
export async function uploadFile({ leadId, file }: { leadId: string; file: File }): Promise<LeadFile> {
  return api.post<LeadFile>(`/leads/${leadId}/files`, {
    name: file.name,
    mimeType: file.type || 'application/octet-stream',
    contentBase64: await toBase64(file),
  });
}

export function useUploadFile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadFile, onSuccess: () => invalidatePipeline(queryClient) });
}
