import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectProgressOperations } from '../../../../contract/projects.ts';
import { callOperation } from '../../../lib/api-client';
import { projectKeys } from './keys';

/** 形象进度照片: a multipart upload (text fields first, then the file, as the server reads them). */
export function useUploadPhoto(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, caption, reportId }: { file: File; caption?: string; reportId?: string }) => {
      const form = new FormData();
      if (caption) form.append('caption', caption);
      if (reportId) form.append('reportId', reportId);
      form.append('file', file);
      return callOperation(projectProgressOperations.uploadPhoto, { params: { id: projectId }, body: form });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}
