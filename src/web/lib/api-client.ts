import { errorMessage, type ErrorBody, type Locale } from '../../contract/errors.ts';
import { ApiError } from './api-error';

/**
 * The one way the web talks to /api: JSON in and out, the CSRF token on every mutation, the UI
 * language in Accept-Language (so server messages come back translated), and a hook for 401s so an
 * expired session sends the user back to the login page wherever it happens.
 */
let csrfToken: string | null = null;
let locale: Locale = 'zh-CN';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setApiLocale(next: Locale) {
  locale = next;
}

export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  /** A multipart upload (file fields); sent as is, instead of `body`. */
  formData?: FormData;
  query?: QueryParams;
  /** Login and the session probe answer 401 as a normal outcome, not as "your session ended". */
  allowUnauthorized?: boolean;
}

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/api${path}?${search}` : `/api${path}`;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (options.body !== undefined && !options.formData) headers['Content-Type'] = 'application/json';
  if (mutatingMethods.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.formData ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR' });
  }

  const text = await response.text();
  let payload: unknown = undefined;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }

  if (!response.ok) {
    const body = payload as Partial<ErrorBody> | undefined;
    const error = body?.code
      ? new ApiError(response.status, body as ErrorBody)
      : new ApiError(response.status, { code: 'INTERNAL', message: errorMessage('INTERNAL', locale) });
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, options?: Omit<RequestOptions, 'query'>) => apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  upload: <T>(path: string, formData: FormData) => apiRequest<T>('POST', path, { formData }),
};
