import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { migrateDatabase } from '../db/client.ts';
import { openFromConfig, startServer } from '../server.ts';
import { ensureWebBuilt } from './web-build.ts';
import { seedDemo, isEmpty } from './seed.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { addUser } from './user-add.ts';
import { roles } from '../../contract/roles.ts';

const usage = `zonedesk — 开发区招商与项目管理平台

Usage: zonedesk <command> [options]

  serve                      build the web app if needed, migrate, seed an empty database, serve
  migrate                    apply pending migrations
  seed [--scale province]    load demo data into an empty database (province: 100 zones)
  user add --username U --password P --role R [--name N] [--zones ID,ID] [--region CODE]
  backup FILE                write the whole database to FILE (gzip)
  restore FILE               replace the database's content with FILE's
  extract FILE [--date YYYY-MM-DD] [--json]   read facts from a Chinese text (.txt/.docx/.pdf)
  citus-sql                  print the SQL that turns this (migrated) database into the Citus layout (docs/scale-out.md)

The database is the embedded one in DATA_DIR (default ./data) unless DATABASE_URL is set.
Roles: ${roles.join(', ')}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const config = loadConfig();
        await ensureWebBuilt();
        await startServer(config);
        return 0;
      }
      case 'migrate':
        return await withDatabase(async () => console.log('Migrations applied / 数据库迁移完成'));
      case 'seed': {
        const { values } = parseArgs({ args: rest, options: { scale: { type: 'string', default: 'demo' } } });
        if (values.scale !== 'demo' && values.scale !== 'province') throw new UsageError('--scale must be demo or province');
        return await withDatabase(async (database) => {
          if (!(await isEmpty(database)))
            throw new UsageError('The database already has data; seed only fills an empty one / 数据库非空，演示数据只能载入空库');
          const t0 = performance.now();
          const result = await seedDemo(database, { scale: values.scale as 'demo' | 'province' });
          console.log(`Seeded ${result.zones} zones, ${result.users} users in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        });
      }
      case 'user': {
        if (rest[0] !== 'add') throw new UsageError('usage: zonedesk user add --username U --password P --role R');
        const { values } = parseArgs({
          args: rest.slice(1),
          options: {
            username: { type: 'string' },
            password: { type: 'string' },
            role: { type: 'string' },
            name: { type: 'string' },
            zones: { type: 'string' },
            region: { type: 'string' },
          },
        });
        return await withDatabase(async (database) => {
          const user = await addUser(database, values);
          console.log(`User ${user.username} (${user.role}) created / 用户已创建`);
        });
      }
      case 'backup':
      case 'restore': {
        const file = rest[0];
        if (!file) throw new UsageError(`usage: zonedesk ${command} FILE`);
        return await withDatabase(async (database) => {
          const summary = command === 'backup' ? await backupDatabase(database, file) : await restoreDatabase(database, file);
          console.log(
            `${command === 'backup' ? 'Backed up' : 'Restored'} ${summary.tables} tables, ${summary.rows} rows ${command === 'backup' ? 'to' : 'from'} ${file}`,
          );
        });
      }
      case 'citus-sql': {
        const { citusConversion, readCitusLayout } = await import('../db/citus.ts');
        return await withDatabase(async (database) => {
          const plan = citusConversion(await readCitusLayout(database));
          const citus = (s: string) => s.startsWith('select create_');
          console.log(`-- zonedesk → Citus (docs/scale-out.md). Run on the coordinator after a backup: the keys in one transaction, then the tables.\nbegin;`);
          for (const statement of plan.statements.filter((s) => !citus(s))) console.log(`${statement};`);
          console.log('commit;');
          // leads carries the funnel's statement triggers (decision 028): each shard's trigger writes
          // the colocated lead_stage_counts shard of the same zone, which Citus runs only when allowed.
          console.log('set citus.enable_unsafe_triggers to on;');
          for (const statement of plan.statements.filter(citus)) console.log(`${statement};`);
        });
      }
      case 'extract': {
        const { runExtract } = await import('./extract.ts');
        return await runExtract(rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return 0;
      default:
        throw new UsageError(`Unknown command: ${command}\n\n${usage}`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || ['DirLockedError', 'BackupError', 'StartupError'].includes((err as Error).name)) {
      console.error((err as Error).message);
      return 1;
    }
    throw err;
  }
}

export class UsageError extends Error {}

async function withDatabase(fn: (database: Awaited<ReturnType<typeof openFromConfig>>) => Promise<void>): Promise<number> {
  const database = await openFromConfig(loadConfig());
  try {
    await migrateDatabase(database);
    await fn(database);
    return 0;
  } finally {
    await database.close();
  }
}
