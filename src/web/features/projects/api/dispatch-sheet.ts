import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { DispatchImportReport } from '../../../../contract/project-dispatch-sheet.ts';
import { api, apiRequest } from '../../../lib/api-client';
import { projectKeys } from './keys';

/** The export URL: the browser downloads it with the session cookie (a plain link, no fetch). */
export const dispatchSheetUrl = (zoneId: string, period: string) => `/api/exports/project-dispatch.xlsx?${new URLSearchParams({ zoneId, period }).toString()}`;

export interface DispatchImportInput {
  file: File;
  zoneId: string;
  period: string;
  /** Absent: preview (writes nothing). */
  mode?: 'all' | 'valid';
}

/**
 * Preview and commit of a dispatch sheet (the same file both times), with the rows read so far
 * polled from the server while a request runs.
 */
export function useDispatchImport() {
  const client = useQueryClient();
  const [rowsRead, setRowsRead] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  useEffect(() => () => clearInterval(timer.current), []);
  const mutation = useMutation({
    mutationFn: async ({ file, zoneId, period, mode }: DispatchImportInput) => {
      const importId = crypto.randomUUID();
      setRowsRead(0);
      timer.current = setInterval(() => {
        void api
          .get<{ rowsRead: number }>('/imports/project-dispatch/progress', { importId })
          .then((p) => setRowsRead(p.rowsRead))
          .catch(() => undefined);
      }, 500);
      try {
        const form = new FormData();
        form.append('file', file);
        return await apiRequest<DispatchImportReport>('POST', `/imports/project-dispatch/${mode ? 'commit' : 'preview'}`, {
          formData: form,
          query: { zoneId, period, importId, mode },
        });
      } finally {
        clearInterval(timer.current);
      }
    },
    onSuccess: (report) => {
      if (report.committed) void client.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
  return { ...mutation, rowsRead };
}
