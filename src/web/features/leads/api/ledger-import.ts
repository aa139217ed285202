import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../../contract/imports.ts';
import { ApiError } from '../../../lib/api-error';
import { api } from '../../../lib/api-client';
import { invalidatePipeline } from './keys';

/**
 * Uploads an .xlsx as multipart with upload progress (XMLHttpRequest), while polling the server's
 * read progress under a client-chosen id. Nothing is imported until `commitImport`.
 */
export function uploadImport(
  file: File,
  options: {
    kind: 'leads' | 'enterprises';
    zoneId: string | null;
    csrf: string;
    locale: string;
    onProgress: (p: { uploaded: number; rowsRead: number; phase: string }) => void;
  },
): Promise<ImportSummary> {
  const importId = crypto.randomUUID();
  const params = new URLSearchParams({ kind: options.kind, importId });
  if (options.zoneId) params.set('zoneId', options.zoneId);
  let uploaded = 0;
  let rowsRead = 0;
  let phase = 'uploading';
  const poll = setInterval(async () => {
    try {
      const p = await api.get<{ phase: string; rowsRead: number }>(`/imports/${importId}/progress`);
      if (p.phase !== 'unknown') {
        phase = p.phase;
        rowsRead = p.rowsRead;
        options.onProgress({ uploaded, rowsRead, phase });
      }
    } catch {
      // progress is best effort
    }
  }, 500);
  return new Promise<ImportSummary>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${params}`);
    xhr.setRequestHeader('X-CSRF-Token', options.csrf);
    xhr.setRequestHeader('Accept-Language', options.locale);
    xhr.upload.onprogress = (e) => {
      uploaded = e.lengthComputable ? e.loaded / e.total : 0;
      options.onProgress({ uploaded, rowsRead, phase });
    };
    xhr.onload = () => {
      clearInterval(poll);
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return { code: 'INTERNAL', message: xhr.statusText };
        }
      })();
      if (xhr.status === 201) resolve(body as ImportSummary);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => {
      clearInterval(poll);
      reject(new ApiError(0, { code: 'NETWORK_ERROR' } as never));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mode }: { id: string; mode: 'all' | 'valid' }) => api.post<ImportSummary>(`/imports/${id}/commit`, { mode }),
    onSuccess: () => invalidatePipeline(queryClient),
  });
}

export function useDiscardImport() {
  return useMutation({ mutationFn: (id: string) => api.post<ImportSummary>(`/imports/${id}/discard`, {}) });
}
