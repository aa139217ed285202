/**
 * Test database templates: migrated (and optionally seeded) once per test run, then cloned for
 * every test file. PGlite clones from a dumped data directory; PostgreSQL from a template database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';

export type TemplateKind = 'empty' | 'demo';
export const templateDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.tmp', 'test-templates');
export const pgliteTemplateFile = (kind: TemplateKind) => path.join(templateDir, `pglite-${kind}.tar.gz`);
export const pgTemplateName = (kind: TemplateKind) => `zonedesk_tpl_${kind}`;

export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL || undefined;

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function prepare(database: Database, kind: TemplateKind) {
  await migrateDatabase(database);
  if (kind === 'demo') await seedDemo(database);
}

export async function buildTemplates(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      for (const kind of ['empty', 'demo'] as const) {
        const name = pgTemplateName(kind);
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
    fs.writeFileSync(pgliteTemplateFile(kind), Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
}

/** A fresh database for one test file, cloned from a template. */
export async function cloneTemplate(kind: TemplateKind): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `zonedesk_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplateName(kind)}`);
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
  const blob = new Blob([fs.readFileSync(pgliteTemplateFile(kind))]);
  const database = await openDatabase({ kind: 'pglite-memory', loadDataDir: blob });
  return { database, drop: () => database.close() };
}
