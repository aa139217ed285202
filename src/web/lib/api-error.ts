import type { ErrorBody, ErrorCode, FieldError } from '../../contract/errors.ts';

export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR';

/** A failed API call: the server's code and (already translated) message, plus any field problems. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly requestId?: string;
  readonly fields: FieldError[];
  /** What else the server said about the refusal (a duplicate's `existingId`, a conflict's record…). */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: Partial<Omit<ErrorBody, 'code'>> & { code: ClientErrorCode }) {
    super(body.message ?? body.code);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.fields = body.details?.fields ?? [];
    this.details = body.details ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
