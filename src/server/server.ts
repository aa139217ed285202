import type { Config } from './config.ts';
import { migrateDatabase, openDatabase, type Database } from './db/client.ts';

export function openFromConfig(config: Config): Promise<Database> {
  return config.DATABASE_URL ? openDatabase({ kind: 'postgres', url: config.DATABASE_URL }) : openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
}

/** Opens (creating, migrating and seeding when empty) the database, then serves the app. */
export async function startServer(config: Config) {
  let database = await openFromConfig(config);
  // The app and the seed load every module; import them only once the database is ours, so a
  // refused second start (locked directory, bad URL) answers at once.
  const [{ buildApp }, { isEmpty, seedDemo }] = await Promise.all([import('./app.ts'), import('./cli/seed.ts')]);
  await migrateDatabase(database);
  if (config.SEED_ON_EMPTY && (await isEmpty(database))) {
    console.log('Empty database: loading demo data / 空数据库：正在载入演示数据 …');
    await seedDemo(database);
    // PGlite's WebAssembly memory grows to what the seed's bulk writes needed and is never given
    // back: a first start stayed at ~1 GB where a restart sits near 500 MB. Reopening it starts a
    // fresh instance (the seeded data is on disk), so the first start serves at a restart's size.
    if (database.kind === 'pglite') {
      await database.close();
      database = await openFromConfig(config);
    }
  }
  const app = await buildApp({ config, database });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (err) {
    await database.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw Object.assign(new Error(`Port ${config.PORT} is already in use: stop what uses it or set PORT. / 端口 ${config.PORT} 已被占用，请释放或设置 PORT。`), { name: 'StartupError' });
    }
    throw err;
  }
  app.jobs.start();
  console.log(`zonedesk is running on http://localhost:${config.PORT} (database: ${database.kind})`);
  return { app, database };
}
