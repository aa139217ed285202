/**
 * A domain module is one folder with one manifest (`<module>.module.ts`): its policy, tables,
 * public service, routes, record scope checks, seed and security fixtures. The app, the seed, the
 * security walk and the docs loop over the list in `modules/modules.ts`, so adding a module is its
 * folder and one line there (docs/contributing.md).
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Config } from '../config.ts';
import type { Database, Db, Tx } from '../db/client.ts';
import type { AuditWriter } from './audit.ts';
import type { Clock } from './clock.ts';
import type { RecordScopeCheck, Router } from './http/operations.ts';
import type { AnyImporter } from './imports/importer.ts';
import type { JobDefinition } from './jobs/index.ts';
import type { PolicyDefinition } from './policies.ts';
import type { SearchProvider } from './search.ts';

/**
 * The public services of all modules, by module name. Each manifest adds its own by declaration
 * merging (`interface ModuleServices { leads: LeadsService }`), so `services.leads` is typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleServices {}

export interface ModuleContext {
  db: Db;
  database: Database;
  config: Config;
  clock: Clock;
  audit: AuditWriter;
  log: FastifyBaseLogger;
  /** The app's version (package.json). */
  version: string;
  /** Services of the modules listed before this one. */
  services: ModuleServices;
}

export interface SeedOptions {
  scale: 'demo' | 'province';
  /** The seed's "now": demo dates are laid out around it, so tests can seed for any day. */
  clock: Clock;
}

/** What the security walk (test/routes.security.test.ts) hands a fixture. */
export interface SecurityFixtureContext {
  /** Logs in a demo user; the client posts like the web app does. */
  login(username: string): Promise<{ post(url: string, body?: unknown): Promise<{ status: number; body: any }> }>;
}

export interface ModuleDefinition<S = unknown> {
  name: string;
  policy?: PolicyDefinition<any, any>;
  /** The module's tables; zone-scoped ones must carry zone_id (checked in db.test.ts). */
  tables?: readonly PgTable[];
  /** Builds the public service other modules and the routes use. */
  service?: (ctx: ModuleContext) => S;
  /** For operations with `record: { kind }`: is this record within the caller's zones? */
  records?: (service: S) => Record<string, RecordScopeCheck>;
  /** Registers the module's operations. */
  routes?: (router: Router, service: S, ctx: ModuleContext) => void;
  /** Spreadsheet importers the staged-import engine runs (platform/imports, docs/imports.md). */
  importers?: (service: S, ctx: ModuleContext) => readonly AnyImporter[];
  /** What the header's global search finds in this module (platform/search.ts). */
  search?: (service: S, ctx: ModuleContext) => readonly SearchProvider[];
  /** A Fastify plugin, for what an operation cannot express (kept rare). */
  plugin?: (app: FastifyInstance, service: S, ctx: ModuleContext) => Promise<void>;
  /** Interval jobs for the job runner (platform/jobs), started by server.ts, one runner per database on PostgreSQL. */
  jobs?: (service: S, ctx: ModuleContext) => readonly JobDefinition[];
  /** Background work started with the server (never in tests); returns how to stop it. */
  start?: (service: S, ctx: ModuleContext) => () => void;
  /** Demo data, in `order` (lower first), inside the seed's one transaction. */
  seed?: { order: number; run: (tx: Tx, options: SeedOptions) => Promise<unknown> };
  /**
   * For each route pattern with a record parameter: a record of the other demo zone (河津), which
   * a caller of 汾东 must not reach. The security walk fails for a route without one.
   */
  securityFixtures?: Record<string, (ctx: SecurityFixtureContext) => string | Promise<string>>;
  /** Routes on shared (not zone-scoped) records that every signed-in user may read. */
  sharedRecordRoutes?: readonly string[];
}

export function defineModule<S>(definition: ModuleDefinition<S>): ModuleDefinition<S> {
  return definition;
}
