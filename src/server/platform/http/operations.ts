/**
 * Registers a route from its operation contract (src/contract/operation.ts): method, path,
 * permission, schemas and the record scope check all come from the one definition, so a route file
 * holds only `router.handle(operation, handler)` calls that hand over to a service.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  fileResponse,
  multipartBody,
  type HandlerResult,
  type OperationSpec,
  type ParsedBody,
  type ParsedParams,
  type ParsedQuery,
} from '../../../contract/operation.ts';
import { sessionOf } from '../auth/guard.ts';
import type { SessionContext } from '../auth/session.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import { assertPermissionKnown } from '../policies.ts';
import type { DownloadFile } from './send-file.ts';
import { sendFile } from './send-file.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Does a record of this kind exist within the caller's zones? (A module answers for its kinds.) */
export type RecordScopeCheck = (session: SessionContext, id: string) => Promise<boolean>;

export interface OperationInput<O extends OperationSpec> {
  session: O['public'] extends true ? SessionContext | null : SessionContext;
  params: ParsedParams<O>;
  query: ParsedQuery<O>;
  body: ParsedBody<O>;
  /** The request id, recorded with audit entries. */
  requestId: string;
  request: FastifyRequest;
  reply: FastifyReply;
  /** The uploaded file of a multipart operation (its limits from the contract), or null. */
  file: O['body'] extends typeof multipartBody ? () => Promise<UploadedFile | null> : never;
}

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  buffer: Buffer;
  fields: Record<string, string>;
}

type Handler<O extends OperationSpec> = (
  input: OperationInput<O>,
) => Promise<O['response'] extends z.ZodType ? HandlerResult<O> : DownloadFile> | (O['response'] extends z.ZodType ? HandlerResult<O> : DownloadFile);

/** What a route needs beyond its contract, from the server's configuration (e.g. login's rate limit). */
export interface RouteOptions {
  /** Per-address limit (@fastify/rate-limit), e.g. `{ max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' }`. */
  rateLimit?: { max: number; timeWindow: string };
}

export interface Router {
  handle<O extends OperationSpec>(operation: O, handler: Handler<O>, options?: RouteOptions): void;
}

async function readUpload(request: FastifyRequest, operation: OperationSpec): Promise<UploadedFile | null> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const limits = operation.multipart ?? { fileSize: 10 * 1024 * 1024 };
  const part: MultipartFile | undefined = await request.file({ limits: { files: 1, fields: 10, ...limits } });
  if (!part) return null;
  const buffer = await part.toBuffer();
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields)) {
    const value = Array.isArray(field) ? field[0] : field;
    if (value && value.type === 'field') fields[name] = String(value.value);
  }
  return { fileName: part.filename, mimeType: part.mimetype, buffer, fields };
}

function definedOnly<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** Where a NUL character sits in parsed input (a key or a string value), as a field path, or undefined. */
export function nulPath(value: unknown, at: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at || 'body' : undefined;
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = at ? `${at}.${key}` : key;
    if (key.includes('\u0000')) return at || 'body';
    const found = nulPath(item, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Every operation a router registered (`METHOD path` → operation): test/input-walk.test.ts walks them with hostile input. */
export const registeredOperations = new Map<string, OperationSpec>();

/** A router over one Fastify instance; `records` resolves the `record.kind` of operations. */
export function createRouter(app: FastifyInstance, records: ReadonlyMap<string, RecordScopeCheck>): Router {
  return {
    handle(operation, handler, options = {}) {
      registeredOperations.set(`${operation.method} ${operation.path}`, operation);
      if (operation.permission) assertPermissionKnown(operation.permission, `${operation.method} ${operation.path}`);
      const record = operation.record;
      if (record && !records.has(record.kind)) throw new Error(`${operation.method} ${operation.path}: no module resolves records of kind "${record.kind}"`);
      const isFile = operation.response === fileResponse;
      const isUpload = operation.body === multipartBody;
      const status = operation.status ?? 200;
      app.route({
        method: operation.method,
        url: operation.path,
        ...(operation.bodyLimit ? { bodyLimit: operation.bodyLimit } : {}),
        config: { permission: operation.permission as never, public: operation.public, beforePasswordChange: operation.beforePasswordChange, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
        // Parts the operation does not have are left out, not set to undefined (Fastify warns on those).
        schema: definedOnly({
          tags: [...operation.tags],
          summary: operation.summary,
          description: operation.description,
          params: operation.params,
          querystring: operation.query,
          body: isUpload ? undefined : (operation.body as z.ZodType | undefined),
          response: isFile ? undefined : { [status]: operation.response as z.ZodType },
        }),
        // A record outside the caller's zones is NOT_FOUND before its body is even validated, so a
        // caller learns nothing about another zone's records from validation messages.
        // Then no text anywhere in the request may hold a NUL (PostgreSQL text cannot): one check for
        // every operation, so no field's schema has to remember it.
        preValidation: async (request: FastifyRequest) => {
          if (record) {
            const id = (request.params as Record<string, string | undefined>)[record.param] ?? '';
            if (!uuid.test(id) || !(await records.get(record.kind)!(sessionOf(request), id))) throw notFound();
          }
          const nul = nulPath(request.params, 'params') ?? nulPath(request.query, 'querystring') ?? nulPath(request.body, '');
          if (nul) throw fieldError(nul, 'nul_character');
        },
        handler: async (request, reply) => {
          const input = {
            session: operation.public ? request.session : sessionOf(request),
            params: request.params,
            query: request.query,
            body: request.body,
            requestId: String(request.id),
            request,
            reply,
            file: isUpload ? () => readUpload(request, operation) : undefined,
          } as unknown as OperationInput<typeof operation>;
          const result = await handler(input);
          if (isFile) return sendFile(reply, result as DownloadFile);
          if (reply.sent) return reply;
          reply.status(status);
          return result;
        },
      });
    },
  };
}
