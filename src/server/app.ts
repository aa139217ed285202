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
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { AppError, errorHandler, notFoundHandler } from './platform/errors.ts';
import { recordAudit } from './platform/audit.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { registerGuard } from './platform/auth/guard.ts';
import { createSessionsRepository } from './modules/auth/auth.repository.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createUsersRepository } from './modules/users/users.repository.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { createOrgRepository } from './modules/org/org.repository.ts';
import { createOrgService } from './modules/org/org.service.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createCalendarRepository } from './modules/calendar/calendar.repository.ts';
import { createCalendarService } from './modules/calendar/calendar.service.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { createEnterprisesRepository } from './modules/enterprises/enterprises.repository.ts';
import { createEnterprisesService } from './modules/enterprises/enterprises.service.ts';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { createProjectsRepository } from './modules/projects/projects.repository.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { createDispatchSheetRepository } from './modules/projects/dispatch-sheet.repository.ts';
import { createDispatchSheetService } from './modules/projects/dispatch-sheet.service.ts';
import { dispatchSheetRoutes } from './modules/projects/dispatch-sheet.routes.ts';
import { createLeadsRepository } from './modules/leads/leads.repository.ts';
import { createLeadsService } from './modules/leads/leads.service.ts';
import { leadsRoutes } from './modules/leads/leads.routes.ts';
import { createLedgerRepository } from './modules/ledger/ledger.repository.ts';
import { createLedgerService } from './modules/ledger/ledger.service.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { createDispatchRepository } from './modules/dispatch/dispatch.repository.ts';
import { createDispatchService } from './modules/dispatch/dispatch.service.ts';
import { dispatchRoutes } from './modules/dispatch/dispatch.routes.ts';
import { createWorkbenchRepository } from './modules/workbench/workbench.repository.ts';
import { createWorkbenchService } from './modules/workbench/workbench.service.ts';
import { workbenchRoutes } from './modules/workbench/workbench.routes.ts';
import { createIntakeRepository } from './modules/intake/intake.repository.ts';
import { createIntakeService } from './modules/intake/intake.service.ts';
import { intakeRoutes } from './modules/intake/intake.routes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appVersion: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
export const webDistDir = path.join(root, 'dist', 'web');

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
}

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: Clock;
}

/** Builds the whole app (without listening), for main.ts and for tests alike. */
export async function buildApp({ config, database, clock = systemClock }: AppOptions): Promise<FastifyInstance & { routeTable: RouteInfo[] }> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
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

  const db = database.db;
  const audit = recordAudit;
  const sessions = createSessionsRepository();
  const users = createUsersRepository();
  const org = createOrgRepository();
  const auditRepo = createAuditRepository();

  const auth = createAuthService({
    db,
    sessions,
    users,
    org,
    audit,
    clock,
    policy: { sessionTtlHours: config.SESSION_TTL_HOURS, maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
  });
  registerGuard(app, (token) => auth.resolve(token));

  await app.register(healthRoutes, { database, version: appVersion });
  await app.register(authRoutes, { auth, cookieSecure: config.COOKIE_SECURE, loginRateLimit: config.LOGIN_RATE_LIMIT_PER_MINUTE });
  await app.register(usersRoutes, { users: createUsersService({ db, users, org, sessions, audit, clock }) });
  await app.register(orgRoutes, { org: createOrgService({ db, org, audit }) });
  await app.register(auditRoutes, { audit: createAuditService({ db, audit: auditRepo }) });
  const calendar = createCalendarService({ db, days: createCalendarRepository(), audit });
  await app.register(calendarRoutes, { calendar });
  await app.register(enterprisesRoutes, { enterprises: createEnterprisesService({ db, enterprises: createEnterprisesRepository(), audit }) });
  const projects = createProjectsService({ db, projects: createProjectsRepository(), audit, clock, calendar: () => calendar.current() });
  await app.register(projectsRoutes, { projects });
  await app.register(dispatchSheetRoutes, {
    sheet: createDispatchSheetService({ db, sheet: createDispatchSheetRepository(), projects: createProjectsRepository(), audit, clock }),
  });
  const leadsRepo = createLeadsRepository();
  const leads = createLeadsService({ db, leads: leadsRepo, enterprises: createEnterprisesRepository(), audit, clock, projects });
  await app.register(leadsRoutes, { leads });
  await app.register(ledgerRoutes, { ledger: createLedgerService({ db, ledger: createLedgerRepository(), leadsRepo, leads, audit, clock }) });
  const dispatch = createDispatchService({ db, repo: createDispatchRepository(), audit, clock, calendar: () => calendar.current() });
  await app.register(dispatchRoutes, { dispatch });
  // Overdue blockers escalate on a timer here and lazily on every read (docs/dispatch.md); tests drive the read path with their clock.
  if (config.NODE_ENV !== 'test') {
    const stop = dispatch.startEscalationTimer(15 * 60_000, (err) => app.log.error({ err }, 'blocker escalation sweep failed'));
    app.addHook('onClose', async () => stop());
  }
  await app.register(workbenchRoutes, {
    workbench: createWorkbenchService({ db, workbench: createWorkbenchRepository(), audit: auditRepo, projects, pipeline: leads, dispatch }),
  });
  // 智能录入 creates and updates projects and leads through those modules (docs/intake.md, Web flow).
  await app.register(intakeRoutes, {
    intake: createIntakeService({
      db,
      repo: createIntakeRepository(),
      projects,
      projectsRepo: createProjectsRepository(),
      leadsRepo,
      enterprises: createEnterprisesRepository(),
      audit,
      clock,
    }),
  });

  if (fs.existsSync(path.join(webDistDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuild while running is served at once.
    await app.register(fastifyStatic, { root: webDistDir, wildcard: true, index: ['index.html'] });
  }

  return Object.assign(app, { routeTable });
}
