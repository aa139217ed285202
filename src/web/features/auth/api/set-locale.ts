import { useMutation } from '@tanstack/react-query';
import type { Locale } from '../../../../contract/errors.ts';
import { api } from '../../../lib/api-client';

export function setLocale(locale: Locale) {
  return api.post<{ ok: true }>('/auth/locale', { locale });
}

/** Remembers the UI language on the server, for server-made content (exports, notices) in that language. */
export function useSetLocale() {
  return useMutation({ mutationFn: setLocale });
}
