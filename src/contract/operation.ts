/**
 * One definition per API operation: method, path, who may call it and the zod schemas of what goes
 * in and comes out. The server registers its route from it (platform/http/operations.ts) and the web
 * calls it through the typed client (web/lib/api-client.ts), so a URL is written once and a response
 * is checked against the same schema on both sides.
 */
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A download: the route answers bytes with a Content-Disposition, not JSON. */
export const fileResponse = Symbol('fileResponse');
/** An upload: the route reads multipart/form-data itself (one file and text fields). */
export const multipartBody = Symbol('multipartBody');

export interface MultipartLimits {
  fileSize: number;
  files?: number;
  fields?: number;
  fieldSize?: number;
}

export interface OperationSpec {
  method: HttpMethod;
  /** Fastify-style path with `:param` segments, always under /api. */
  path: `/api/${string}`;
  summary: string;
  tags: readonly string[];
  description?: string;
  /** A permission every caller needs (checked by the guard before anything else). */
  permission?: string;
  /** No session needed (login, health). */
  public?: boolean;
  /**
   * Callable by a session whose password must be changed first (mustChangePassword): only the
   * caller's own account operations (read itself, change password, language, log out). Every other
   * operation answers PASSWORD_CHANGE_REQUIRED to such a session.
   */
  beforePasswordChange?: true;
  /**
   * The `:param` that names a zone-scoped record, and the kind of record: a caller outside its zone
   * is answered 404 before the body is validated (a module's `records` resolve the kind).
   */
  record?: { param: string; kind: string };
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType | typeof multipartBody;
  /** Limits of a multipart body. */
  multipart?: MultipartLimits;
  /** Bytes a JSON body may have, when an operation takes more than the server's default (BODY_LIMIT_BYTES). */
  bodyLimit?: number;
  /** The success status: 200 unless said (201 for creations). */
  status?: 200 | 201;
  response: z.ZodType | typeof fileResponse;
}

export function defineOperation<const O extends OperationSpec>(operation: O): O {
  return operation;
}

type SchemaIn<S> = S extends z.ZodType ? z.input<S> : undefined;
type SchemaOut<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: params, query and body as the schemas accept them. */
export type OperationParams<O extends OperationSpec> = SchemaIn<O['params']>;
export type OperationQuery<O extends OperationSpec> = SchemaIn<O['query']>;
export type OperationBody<O extends OperationSpec> = O['body'] extends typeof multipartBody ? FormData : SchemaIn<O['body']>;
/** What the handler receives after validation. */
export type ParsedParams<O extends OperationSpec> = SchemaOut<O['params']>;
export type ParsedQuery<O extends OperationSpec> = SchemaOut<O['query']>;
export type ParsedBody<O extends OperationSpec> = O['body'] extends z.ZodType ? z.output<O['body']> : undefined;
/** What the route answers (the handler returns the schema's input; the client reads its output). */
export type OperationResult<O extends OperationSpec> = O['response'] extends z.ZodType ? z.output<O['response']> : Blob;
export type HandlerResult<O extends OperationSpec> = O['response'] extends z.ZodType ? z.input<O['response']> : never;

/** Fills `:param` segments (URL-encoded) into an operation's path. */
export function pathOf(operation: Pick<OperationSpec, 'path'>, params?: Record<string, string | number> | undefined): string {
  return operation.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`${operation.path}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string of a GET (empty values dropped, arrays repeated). */
export function queryStringOf(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
