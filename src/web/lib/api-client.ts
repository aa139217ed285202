import { errorMessage, type ErrorBody, type Locale } from '../../contract/errors.ts';
import type { z } from 'zod';
import {
  fileResponse,
  pathOf,
  queryStringOf,
  type OperationBody,
  type OperationParams,
  type OperationQuery,
  type OperationResult,
  type OperationSpec,
} from '../../contract/operation.ts';
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
  /** Read the answer as bytes (downloads) instead of JSON. */
  blob?: boolean;
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

async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
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

  if (options.blob && response.ok) return (await response.blob()) as T;
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


/**
 * Calls one operation of the contract (src/contract/operation.ts): the URL comes from its path and
 * params, and the answer is checked against its response schema (a mismatch throws in development
 * and is reported in the console in production, where the server has already serialised through
 * the same schema).
 */
export async function callOperation<O extends OperationSpec>(operation: O, input: CallInput<O> = {} as CallInput<O>): Promise<OperationResult<O>> {
  const { params, query, body } = input as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
  const url = pathOf(operation, params) + queryStringOf(query);
  const payload = await apiRequest<unknown>(operation.method, url.replace(/^\/api/, ''), {
    body: body instanceof FormData ? undefined : (body ?? (operation.method === 'GET' ? undefined : {})),
    formData: body instanceof FormData ? body : undefined,
    allowUnauthorized: input.allowUnauthorized,
    blob: operation.response === fileResponse,
  });
  if (operation.response === fileResponse) return payload as OperationResult<O>;
  const checked = (operation.response as z.ZodType).safeParse(payload);
  if (checked.success) return checked.data as OperationResult<O>;
  const problem = `${operation.method} ${operation.path}: the response does not match its contract: ${checked.error.message}`;
  if (import.meta.env.DEV) throw new Error(problem);
  console.error(problem);
  return payload as OperationResult<O>;
}

/** The URL of a download operation, for a link or `window.open`. */
export function operationUrl<O extends OperationSpec>(operation: O, input: { params?: OperationParams<O>; query?: OperationQuery<O> } = {}): string {
  return pathOf(operation, input.params as Record<string, string | number> | undefined) + queryStringOf(input.query as Record<string, unknown> | undefined);
}

type Fields<O extends OperationSpec> = (undefined extends OperationParams<O> ? { params?: OperationParams<O> } : { params: OperationParams<O> }) &
  (undefined extends OperationQuery<O> ? { query?: OperationQuery<O> } : { query: OperationQuery<O> }) &
  (undefined extends OperationBody<O> ? { body?: OperationBody<O> } : { body: OperationBody<O> });
export type CallInput<O extends OperationSpec> = Fields<O> & { allowUnauthorized?: boolean };
