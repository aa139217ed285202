import { useMutation } from '@tanstack/react-query';
import type { Locale } from '../../../../contract/errors.ts';
import { callOperation } from '../../../lib/api-client';
import { authOperations } from '../../../../contract/auth.ts';

export function setLocale(locale: Locale) {
  return callOperation(authOperations.setLocale, { body: { locale } });
}

/** Remembers the UI language on the server, for server-made content (exports, notices) in that language. */
export function useSetLocale() {
  return useMutation({ mutationFn: setLocale });
}
