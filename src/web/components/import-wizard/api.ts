import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { importOperations, type commitImportBody, type ImportKind, type ImportProgress, type ImportSummary } from '../../../contract/imports.ts';
import { ApiError } from '../../lib/api-error';
import { callOperation, operationUrl } from '../../lib/api-client';

export interface UploadProgress {
  /** Share of the file sent (0–1). */
  uploaded: number;
  phase: ImportProgress['phase'];
  rowsRead: number;
}

/**
 * Uploads a spreadsheet to the import engine (XMLHttpRequest, for the upload's own progress) while
 * polling the server's reading progress under a client-chosen id. Nothing is imported until commit.
 */
export function uploadImport(
  file: File,
  options: {
    kind: ImportKind;
    zoneId: string | null;
    /** Importer parameters, e.g. the dispatch sheet's period. */
    params?: { period?: string };
    csrf: string;
    locale: string;
    onProgress: (p: UploadProgress) => void;
  },
): Promise<ImportSummary> {
  const importId = crypto.randomUUID();
  const state: UploadProgress = { uploaded: 0, phase: 'uploading', rowsRead: 0 };
  // A poll answered after the upload finished must not bring the progress bar back (it would keep the wizard busy).
  let finished = false;
  const poll = setInterval(() => {
    callOperation(importOperations.progress, { params: { id: importId } })
      .then((p) => {
        if (p.phase === 'unknown' || finished) return;
        Object.assign(state, { phase: p.phase, rowsRead: p.rowsRead });
        options.onProgress({ ...state });
      })
      .catch(() => undefined); // progress is best effort
  }, 500);
  const url = operationUrl(importOperations.upload, {
    query: { kind: options.kind, importId, zoneId: options.zoneId ?? undefined, ...options.params },
  });
  return new Promise<ImportSummary>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-CSRF-Token', options.csrf);
    xhr.setRequestHeader('Accept-Language', options.locale);
    xhr.upload.onprogress = (e) => {
      if (finished) return;
      state.uploaded = e.lengthComputable ? e.loaded / e.total : 0;
      options.onProgress({ ...state });
    };
    xhr.onload = () => {
      finished = true;
      clearInterval(poll);
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { code: 'INTERNAL', message: xhr.statusText };
      }
      if (xhr.status === 201) {
        const checked = importOperations.upload.response.safeParse(body);
        resolve((checked.success ? checked.data : body) as ImportSummary);
      } else reject(new ApiError(xhr.status, body as never));
    };
    xhr.onerror = () => {
      finished = true;
      clearInterval(poll);
      reject(new ApiError(0, { code: 'NETWORK_ERROR' }));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A page of a staged import's updates (every one, where the summary lists the first 500). */
export function useImportUpdates(id: string | null, offset: number, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: ['import-updates', id, offset, limit],
    queryFn: () => callOperation(importOperations.updates, { params: { id: id! }, query: { offset, limit } }),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRemapImport() {
  return useMutation({
    mutationFn: ({ id, columns }: { id: string; columns: { index: number; field: string | null }[] }) =>
      callOperation(importOperations.remap, { params: { id }, body: { columns } }),
  });
}

/** What the commit says: the mode, which updates are written, which conflicts take the sheet's figures. */
export type CommitBody = z.infer<typeof commitImportBody>;

export function useCommitImport(onCommitted?: (summary: ImportSummary) => void) {
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & CommitBody) => callOperation(importOperations.commit, { params: { id }, body }),
    onSuccess: (summary) => onCommitted?.(summary),
  });
}

export type NameChoiceInput = { field: string; text: string; action: 'create' | 'map' | 'blank'; targetId?: string | null };

/** The user's choice for unknown names: remembered for the zone, the staged rows checked again. */
export function useResolveNames() {
  return useMutation({
    mutationFn: ({ id, choices }: { id: string; choices: NameChoiceInput[] }) => callOperation(importOperations.names, { params: { id }, body: { choices } }),
  });
}

export function useUndoImport() {
  return useMutation({ mutationFn: (id: string) => callOperation(importOperations.undo, { params: { id } }) });
}

export function useDiscardImport() {
  return useMutation({ mutationFn: (id: string) => callOperation(importOperations.discard, { params: { id } }) });
}
