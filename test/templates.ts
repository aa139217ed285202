/**
 * Test database templates: migrated (and optionally seeded) once per test run, then cloned for
 * every test file. PGlite clones from a dumped data directory; PostgreSQL from a template database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';
import { testClock } from './clock.ts';

export type TemplateKind = 'empty' | 'demo';
export const templateDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.tmp', 'test-templates');

/**
 * Templates are named per test run (`run` = the vitest main process id), so concurrent runs on one
 * machine (two checkouts, two engineers) never drop or overwrite each other's.
 */
export const pgliteTemplateFile = (kind: TemplateKind, run: string) => path.join(templateDir, `pglite-${kind}-${run}.tar.gz`);
export const pgTemplateName = (kind: TemplateKind, run: string) => `zonedesk_tpl_${kind}_${run}`;

export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL || undefined;

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function prepare(database: Database, kind: TemplateKind) {
  await migrateDatabase(database);
  if (kind === 'demo') await seedDemo(database, { clock: testClock });
}

export async function buildTemplates(run: string): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const kind of ['empty', 'demo'] as const) {
        const name = pgTemplateName(kind, run);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.query(`create database ${name}`);
        const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, name), poolSize: 2 });
        await prepare(database, kind);
        await database.close();
      }
    } finally {
      await admin.end();
    }
    return;
  }
  fs.mkdirSync(templateDir, { recursive: true });
  for (const kind of ['empty', 'demo'] as const) {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await prepare(database, kind);
    const dump = await (database as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
    fs.writeFileSync(pgliteTemplateFile(kind, run), Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
}

export async function dropTemplates(run: string): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const kind of ['empty', 'demo'] as const) await admin.query(`drop database if exists ${pgTemplateName(kind, run)}`);
    await admin.end();
  }
  for (const kind of ['empty', 'demo'] as const) fs.rmSync(pgliteTemplateFile(kind, run), { force: true });
}

/** A fresh database for one test file, cloned from a template of this run. */
export async function cloneTemplate(kind: TemplateKind): Promise<{ database: Database; drop(): Promise<void> }> {
  const run = inject('templateRun');
  const url = testDatabaseUrl();
  if (url) {
    const name = `zonedesk_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplateName(kind, run)}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(url, name), poolSize: 5 });
    return {
      database,
      async drop() {
        await database.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(pgliteTemplateFile(kind, run))]);
  const database = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
  return { database, drop: () => database.close() };
}
