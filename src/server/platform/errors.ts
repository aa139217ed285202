import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessage, errorRegistry, type ErrorBody, type ErrorCode, type FieldError } from '../../contract/errors.ts';
import { requestLocale, translateIssue } from './i18n.ts';

/** The only error type services throw on purpose; the handler turns it into `{ code, message, requestId, details }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: { fields?: FieldError[] } & Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const fieldError = (field: string, reason: string, code: ErrorCode = 'VALIDATION_FAILED') => new AppError(code, { fields: [{ field, reason }] });

/** Throws one error naming every field collected (a form's problems all at once), or nothing when there are none. */
export function throwIfAny(fields: FieldError[], code: 'VALIDATION_FAILED' | 'DUPLICATE' = 'VALIDATION_FAILED') {
  if (fields.length) throw new AppError(code, { fields });
}

/** PostgreSQL's unique_violation and foreign_key_violation, as both drivers report them. */
function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  let code: ErrorCode = 'INTERNAL';
  let details: ErrorBody['details'];

  if (error instanceof AppError) {
    code = error.code;
    details = error.details;
    if (details?.fields) {
      details = { ...details, fields: details.fields.map((f) => ({ field: f.field, reason: translateIssue(f.reason, locale) })) };
    }
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    code = 'VALIDATION_FAILED';
    const where = error.validationContext ?? 'body';
    details = {
      fields: error.validation.map((v) => ({
        field:
          [
            where === 'body' ? '' : where,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ]
            .filter(Boolean)
            .join('.') || where,
        reason: translateIssue({ ...v.params, code: v.keyword, message: v.message }, locale),
      })),
    };
  } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    code = 'BODY_TOO_LARGE';
  } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    code = 'UNSUPPORTED_MEDIA_TYPE';
  } else if (
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError ||
    error.statusCode === 400
  ) {
    code = 'VALIDATION_FAILED';
    details = { fields: [{ field: 'body', reason: locale === 'en-US' ? 'not valid JSON' : '不是有效的 JSON' }] };
  } else if (error.statusCode === 429) {
    code = 'RATE_LIMITED';
  } else if (pgErrorCode(error)?.startsWith('22')) {
    // A data exception (value out of range, impossible date, NUL in text, bad number text): the
    // input was wrong, whatever schema let it through. Schemas should catch these first; this is the net.
    code = 'VALIDATION_FAILED';
    details = { fields: [{ field: 'input', reason: translateIssue('value_rejected', locale) }] };
  } else if (pgErrorCode(error) === '23505') {
    code = 'DUPLICATE';
  } else if (pgErrorCode(error) === '23503') {
    code = 'VALIDATION_FAILED';
    details = { fields: [{ field: 'reference', reason: locale === 'en-US' ? 'refers to a record that does not exist' : '引用的记录不存在' }] };
  }

  if (code === 'INTERNAL') {
    request.log.error({ err: error, isSerialization: isResponseSerializationError(error) }, 'unhandled error');
  }
  const body: ErrorBody = { code, message: errorMessage(code, locale), requestId: String(request.id) };
  if (details) body.details = details;
  reply.status(errorRegistry[code].status).send(body);
}

/** Fastify's own refusals before a route runs (`frameworkErrors`): an over-long path parameter, a broken URL escape. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'NOT_FOUND' : error.code === 'FST_ERR_BAD_URL' ? 'ROUTE_NOT_FOUND' : 'VALIDATION_FAILED';
  if (code === 'VALIDATION_FAILED' && (error.statusCode ?? 500) >= 500) return errorHandler(error, request, reply);
  reply
    .status(errorRegistry[code].status)
    .header('x-request-id', String(request.id))
    .send({ code, message: errorMessage(code, locale), requestId: String(request.id) } satisfies ErrorBody);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  // Client-side routes of the web app (/projects/123) get the app shell, when it is built.
  // A missing hashed asset (a tab still open on the previous build) must be a 404, not the HTML shell
  // a browser would try to run as a script.
  if ((request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/') && typeof reply.sendFile === 'function') {
    return reply.type('text/html').sendFile('index.html');
  }
  const code: ErrorCode = 'ROUTE_NOT_FOUND';
  reply.status(404).send({ code, message: errorMessage(code, requestLocale(request)), requestId: String(request.id) });
}
