import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { AppError, errorHandler, frameworkErrorHandler, notFoundHandler } from './platform/errors.ts';
import multipart from '@fastify/multipart';
import { recordAudit } from './platform/audit.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { registerGuard } from './platform/auth/guard.ts';
import { createRouter, type RecordScopeCheck } from './platform/http/operations.ts';
import { createSerializerCompiler, serializerFallbacks } from './platform/http/serializer.ts';
import { createImportEngine, importRoutes } from './platform/imports/index.ts';
import { searchRoutes } from './platform/search.ts';
import { createJobRunner, type JobRunner } from './platform/jobs/index.ts';
import { IMPORT_MAX_BYTES } from '../contract/imports.ts';
import type { ModuleContext, ModuleDefinition, ModuleServices } from './platform/module.ts';
import { modules as allModules } from './modules/modules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appVersion: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
export const webDistDir = path.join(root, 'dist', 'web');

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
  /** The permission the guard checks (an operation's `permission`), if any. */
  permission?: string;
}

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  /** The built web app to serve (tests point it at a fixture). */
  webDir?: string;
  /**
   * The domain modules, instead of modules/modules.ts: test/module-manifest.test.ts adds a scratch
   * module to prove a new module needs nothing but its folder and one line in that list.
   */
  modules?: readonly ModuleDefinition<any>[];
}

/**
 * Vite names every asset under assets/ by its content hash: a year, immutable (a new build has new
 * names). index.html and anything else unhashed must be revalidated, or a deploy is not seen.
 */
export function webCacheControl(webDir: string, filePath: string): string {
  const relative = path.relative(webDir, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1 ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Trust the nearest `hops` proxies (proxy-addr counts the socket's peer as hop 0). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the whole app (without listening), for main.ts and for tests alike. */
export async function buildApp({ config, database, clock = systemClock, webDir = webDistDir, modules = allModules }: AppOptions): Promise<FastifyInstance & { routeTable: RouteInfo[]; jobs: JobRunner; services: ModuleServices }> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Only a configured proxy's X-Forwarded-For names the client (rate limits, audit): TRUST_PROXY.
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
    // Errors Fastify raises before routing (a 150-character id, a broken %-escape) get the registry's body too.
    frameworkErrors: frameworkErrorHandler as never,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Responses are written by a serializer compiled from each route's response schema (only its
  // fields leave the server); the tests run it beside the zod one and fail on any difference.
  app.setSerializerCompiler(createSerializerCompiler(config.RESPONSE_SERIALIZER ?? (config.NODE_ENV === 'test' ? 'compare' : 'fast')));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/')) continue;
      // Read `public` lazily: a child context's onRoute hook may set it after this one ran.
      routeTable.push({
        method,
        url: route.url,
        get public() {
          return Boolean(route.config?.public);
        },
        get permission() {
          return (route.config as { permission?: string } | undefined)?.permission;
        },
      });
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS as <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // helmet's default would make the browser fetch every asset over https: a blank page on an
        // intranet address served over plain HTTP. Only ask for it when we are behind HTTPS.
        upgradeInsecureRequests: config.COOKIE_SECURE ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  await app.register(swagger, {
    openapi: {
      info: { title: 'zonedesk API', version: appVersion, description: '开发区招商与项目管理平台 API。Session cookie auth; send X-CSRF-Token on mutations.' },
    },
    transform: jsonSchemaTransform,
  });
  // The API docs carry no data: their routes are public.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });

  // Modules: build each public service in list order (a module may use those above it), then
  // register each module's routes in a context of its own.
  const context: ModuleContext = { db: database.db, database, config, clock, audit: recordAudit, log: app.log, version: appVersion, services: {} as ModuleServices };
  const services = context.services as unknown as Record<string, unknown>;
  const records = new Map<string, RecordScopeCheck>();
  const built = modules.map((module) => {
    const service = module.service?.(context);
    if (service !== undefined) services[module.name] = service;
    for (const [kind, check] of Object.entries(module.records?.(service) ?? {})) {
      if (records.has(kind)) throw new Error(`record kind ${kind} is resolved by two modules`);
      records.set(kind, check);
    }
    return { module, service };
  });
  // Staged imports (platform/imports): the engine runs the importers the modules list.
  const imports = createImportEngine({ db: database.db, audit: recordAudit, clock, importers: built.flatMap(({ module, service }) => module.importers?.(service, context) ?? []) });
  records.set('import', (session, id) => imports.inCallerScope(session, id));
  // One process per database: no upload is running now, so a batch a crash left half staged goes.
  const abandoned = await imports.removeAbandoned();
  if (abandoned > 0) app.log.warn({ abandoned }, 'removed import batches a crash left half staged');
  registerGuard(app, (token) => context.services.auth.resolve(token));
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });
    importRoutes(createRouter(scope, records), imports);
  });
  const searchProviders = built.flatMap(({ module, service }) => module.search?.(service, context) ?? []);
  await app.register(async (scope) => searchRoutes(createRouter(scope, records), searchProviders));
  for (const { module, service } of built) {
    await app.register(async (scope) => {
      if (module.routes) {
        // Each upload operation states its own limits (contract multipart); these are the ceiling.
        await scope.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 10, fieldSize: 10_000 } });
        module.routes(createRouter(scope, records), service, context);
      }
      await module.plugin?.(scope, service, context);
    });
    if (module.start && config.NODE_ENV !== 'test') {
      const stop = module.start(service, context);
      app.addHook('onClose', async () => stop());
    }
  }

  // Interval jobs (platform/jobs): built here, started by server.ts (never in tests, which tick them), stopped on close.
  const jobs = createJobRunner({ database, jobs: built.flatMap(({ module, service }) => module.jobs?.(service, context) ?? []), log: app.log });
  app.addHook('onClose', async () => jobs.stop());

  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuild while running is served at once.
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: ['index.html'],
      // The build writes .br and .gz beside each file (vite.config.ts): sent as they are when asked.
      preCompressed: true,
      cacheControl: false,
      // @fastify/static 10 passes the reply here (its types still say ServerResponse).
      setHeaders: (reply: unknown, filePath: string) => (reply as { header(name: string, value: string): void }).header('cache-control', webCacheControl(webDir, filePath)),
    });
  }

  if (config.NODE_ENV === 'development') {
    app.addHook('onReady', async () => {
      if (serializerFallbacks.size > 0) app.log.info({ routes: Object.fromEntries(serializerFallbacks) }, 'responses serialised through zod (schema not compiled)');
    });
  }

  // `services`: the modules' public services, for tests and the bench (the routes never need it).
  return Object.assign(app, { routeTable, jobs, services: context.services });
}
