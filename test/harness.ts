/**
 * One call gives a test file a real app on a fresh database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set) and HTTP clients that log in like the web app does.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type RouteInfo } from '../src/server/app.ts';
import { testConfig, type Config } from '../src/server/config.ts';
import type { Database } from '../src/server/db/client.ts';
import type { Clock } from '../src/server/platform/clock.ts';
import type { ModuleDefinition } from '../src/server/platform/module.ts';
import { cloneTemplate, type TemplateKind } from './templates.ts';
import { testClock } from './clock.ts';
import type { ErrorBody } from '../src/contract/errors.ts';
import type { OperationResult, OperationSpec } from '../src/contract/operation.ts';
import { pathOf, queryStringOf } from '../src/contract/operation.ts';
import { authOperations } from '../src/contract/auth.ts';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** An error body's fields, present when a call is refused (details as the error carries them). */
export type RefusalFields = Partial<Pick<ErrorBody, 'code' | 'message' | 'requestId'>> & { details?: any };

export interface Client {
  csrfToken?: string;
  cookie?: string;
  request<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  /**
   * Calls an operation of the contract. The body is typed by its response schema, with the error
   * body's fields (code, details) beside it for the refusals a test expects. Input is not typed, so
   * a test can send what a form must not.
   */
  call<O extends OperationSpec>(
    operation: O,
    input?: { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response<OperationResult<O> & RefusalFields>>;
}

export interface TestContext {
  app: FastifyInstance & { routeTable: RouteInfo[] };
  database: Database;
  config: Config;
  anon: Client;
  login(username: string, password?: string): Promise<Client>;
  /** Rows in a table (`table` may carry its own `where …`): a refused request must leave the counts unchanged. */
  rowCount(table: string, where?: string): Promise<number>;
  close(): Promise<void>;
}

export function makeClient(app: FastifyInstance, session: { cookie?: string; csrfToken?: string } = {}): Client {
  const client: Client = {
    ...session,
    async request(method, url, body, headers = {}) {
      const res = await app.inject({
        method: method as never,
        url,
        payload: body === undefined ? undefined : (body as never),
        headers: {
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
          ...headers,
        },
      });
      let parsed: unknown = res.body;
      if (String(res.headers['content-type'] ?? '').includes('application/json')) parsed = res.json();
      return { status: res.statusCode, body: parsed as never, headers: res.headers };
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
    call: (operation, input = {}) =>
      client.request(
        operation.method,
        pathOf(operation, input.params) + queryStringOf(input.query),
        operation.method === 'GET' ? undefined : (input.body ?? {}),
        input.headers,
      ) as never,
  };
  return client;
}

export async function createTestContext(
  options: {
    template?: TemplateKind;
    clock?: Clock;
    config?: Partial<Record<keyof Config, string>>;
    webDir?: string;
    /** Instead of the app's module list (test/module-manifest.test.ts). */
    modules?: readonly ModuleDefinition<any>[];
  } = {},
): Promise<TestContext> {
  const { database, drop } = await cloneTemplate(options.template ?? 'demo');
  const config = testConfig(options.config);
  const app = await buildApp({ config, database, clock: options.clock ?? testClock, webDir: options.webDir, modules: options.modules });
  await app.ready();
  const anon = makeClient(app);
  return {
    app,
    database,
    config,
    anon,
    async login(username, password = 'zonedesk') {
      const res = await anon.call(authOperations.login, { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const setCookie = res.headers['set-cookie'];
      const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0];
      return makeClient(app, { cookie, csrfToken: res.body.csrfToken });
    },
    async rowCount(table, where = '') {
      const [row] = await database.query<{ n: string | number }>(`select count(*) as n from ${table} ${where}`);
      return Number(row.n);
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
