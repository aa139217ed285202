import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { useSession } from '../../../lib/session-context';
import { projectKeys } from './keys';

/** Multipart upload (the JSON client does not send files): same headers as every other mutation. */
export function useUploadPhoto(projectId: string) {
  const client = useQueryClient();
  const { me } = useSession();
  const { locale } = useI18n();
  return useMutation({
    mutationFn: async ({ file, caption, reportId }: { file: File; caption?: string; reportId?: string }) => {
      const form = new FormData();
      if (caption) form.append('caption', caption);
      if (reportId) form.append('reportId', reportId);
      form.append('file', file);
      const res = await fetch(`/api/projects/${projectId}/photos`, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { 'X-CSRF-Token': me.csrfToken, 'Accept-Language': locale },
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new ApiError(res.status, body.code ? body : { code: 'INTERNAL', message: res.statusText });
      return body;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}
