import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../db/client.ts';

export class BackupError extends Error {
  override name = 'BackupError';
}

const FORMAT = 'zonedesk-backup/1';
const CHUNK = 5000;

interface Header {
  format: string;
  createdAt: string;
  migrations: number;
  tables: string[];
}

const query = async <T>(db: DbOrTx, text: string, param?: string) =>
  rowsOf<T>(await db.execute(param === undefined ? sql.raw(text) : sql`${sql.raw(text)}${sql`${param}`}${sql.raw('::jsonb)')}`));

/** Tables of the public schema in foreign-key order (parents first), so restore can insert in order. */
async function tablesInDependencyOrder(db: DbOrTx): Promise<string[]> {
  const tables = (await query<{ name: string }>(db, `select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map(
    (r) => r.name,
  );
  const edges = await query<{ child: string; parent: string }>(
    db,
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public'`,
  );
  const clean = (t: string) => t.replace(/^public\./, '').replace(/"/g, '');
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (clean(e.child) === t && clean(e.parent) !== t) visit(clean(e.parent));
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

async function migrationCount(db: DbOrTx): Promise<number> {
  const [row] = await query<{ n: number | string }>(db, `select count(*) as n from drizzle.__drizzle_migrations`);
  return Number(row.n);
}

/**
 * Writes every table as jsonb text straight from PostgreSQL (never parsed in JS, so numbers and
 * timestamps stay exact), one line per chunk, gzipped. Reads run in one repeatable-read
 * transaction, so the backup is a consistent snapshot.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  let rows = 0;
  const lines = await database.db.transaction(
    async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      const header: Header = { format: FORMAT, createdAt: new Date().toISOString(), migrations: await migrationCount(tx), tables };
      const out: string[] = [JSON.stringify(header)];
      for (const table of tables) {
        for (let offset = 0; ; offset += CHUNK) {
          const [chunk] = await query<{ data: string | null; n: number | string }>(
            tx,
            `select jsonb_agg(to_jsonb(t))::text as data, count(*) as n from (select * from "${table}" order by 1 limit ${CHUNK} offset ${offset}) t`,
          );
          if (!chunk.data) break;
          out.push(`${table}\t${chunk.n}\t${chunk.data}`);
          rows += Number(chunk.n);
          if (Number(chunk.n) < CHUNK) break;
        }
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  fs.writeFileSync(file, zlib.gzipSync(lines.join('\n') + '\n'));
  return { tables: lines.length ? JSON.parse(lines[0]).tables.length : 0, rows };
}

/** Replaces the content of every table with the backup's, in one transaction: all or nothing. */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  let header: Header | undefined;
  let rows = 0;
  const notGzip = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'Z_DATA_ERROR';
  await database.db
    .transaction(async (tx) => {
      const identityColumns = await query<{ table_name: string; column_name: string }>(
        tx,
        `select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
      );
      const triggered = (
        await query<{ name: string }>(
          tx,
          `select distinct c.relname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and not g.tgisinternal order by 1`,
        )
      ).map((r) => r.name);
      // Opened right before reading: lines emitted before the loop starts would be lost.
      const gunzip = zlib.createGunzip();
      const input = readline.createInterface({ input: fs.createReadStream(file).pipe(gunzip), crlfDelay: Infinity });
      let streamError: Error | undefined;
      gunzip.on('error', (err) => {
        streamError = err;
        input.close();
      });
      for await (const line of input) {
        if (!line) continue;
        if (!header) {
          try {
            header = JSON.parse(line) as Header;
          } catch {
            throw new BackupError(`${file} is not a zonedesk backup`);
          }
          if (header.format !== FORMAT) throw new BackupError(`${file} is not a zonedesk backup (format ${header.format})`);
          const current = await migrationCount(tx);
          if (header.migrations !== current)
            throw new BackupError(`Backup is at migration ${header.migrations}, this database at ${current}: use the matching zonedesk version`);
          const existing = await tablesInDependencyOrder(tx);
          await query(tx, `truncate ${existing.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
          // The backup holds what triggers derived (the funnel's deltas, decision 028) as it was:
          // they must not derive it again from the rows restored. Off for this transaction only.
          for (const table of triggered) await query(tx, `alter table "${table}" disable trigger user`);
          continue;
        }
        const [table, count, data] = line.split('\t', 3);
        if (!header.tables.includes(table)) throw new BackupError(`Unknown table in backup: ${table}`);
        const overriding = identityColumns.some((c) => c.table_name === table) ? 'overriding system value' : '';
        await query(tx, `insert into "${table}" ${overriding} select * from jsonb_populate_recordset(null::"${table}", `, data);
        rows += Number(count);
      }
      if (streamError) throw streamError;
      if (!header) throw new BackupError(`${file} is empty`);
      for (const table of triggered) await query(tx, `alter table "${table}" enable trigger user`);
      for (const c of identityColumns) {
        await query(
          tx,
          `select setval(pg_get_serial_sequence('"${c.table_name}"', '${c.column_name}'), coalesce((select max("${c.column_name}") from "${c.table_name}"), 1), (select count(*) > 0 from "${c.table_name}"))`,
        );
      }
    })
    .catch((err) => {
      throw notGzip(err) ? new BackupError(`${file} is not a zonedesk backup (not gzip)`) : err;
    });
  return { tables: header!.tables.length, rows };
}
