/**
 * Dispatch at the size of a busy zone: 汾东 with 300 extra synthetic projects (10 milestones and
 * 50 reports each) and 400 blockers. Agenda generation and the weekly brief .docx in process, on
 * PGlite and on PostgreSQL; the blocker board p50 over HTTP on PostgreSQL.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { line, loginHeaders, p50Get, percentile, pgUrl, startServer } from './lib.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { seedDemo } from '../src/server/cli/seed.ts';
import { seedScaleProjects } from '../src/server/modules/projects/projects.seed.ts';
import { createDispatchRepository } from '../src/server/modules/dispatch/dispatch.repository.ts';
import { createDispatchService } from '../src/server/modules/dispatch/dispatch.service.ts';
import { chinaToday, systemClock } from '../src/server/platform/clock.ts';
import { blockerOperations } from '../src/contract/dispatch.ts';
import { pathOf, queryStringOf } from '../src/contract/operation.ts';
import { createWorkCalendar } from '../src/server/platform/calendar.ts';
import { recordAudit } from '../src/server/platform/audit.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';

const fendong = demoId('zone:fendong');
const draftMeeting = demoId('meeting:fendong:current');

export async function fill(database: Database) {
  await migrateDatabase(database);
  await seedDemo(database);
  const today = chinaToday(systemClock);
  await database.db.transaction((tx) => seedScaleProjects(tx, today, { zoneIds: [fendong], perZone: 300 }));
  // 400 blockers on those projects: a third overdue, spread over levels and statuses.
  await database.db.execute(sql`
    insert into blockers (zone_id, project_id, title, category, raised_on, raised_by_name, deadline_on, level, level_since, status, resolution, resolved_on)
    select ${fendong}::uuid, p.id, '批量堵点' || g, (array['land','planning','environment','utilities','funding','approval','labour','other'])[1 + g % 8],
      ${today}::date - 40, 'bench', ${today}::date - 20 + (g % 30), (array['task_force','leader','meeting','main_leader'])[1 + g % 4], ${today}::date - 1,
      case when g % 5 = 0 then 'resolved' else 'open' end, case when g % 5 = 0 then '已解决' end, case when g % 5 = 0 then ${today}::date - 2 end
    from generate_series(1, 400) g
    join lateral (select id from projects where zone_id = ${fendong}::uuid order by id offset (g % 300) limit 1) p on true`);
  const projects = await database.query<{ n: string }>(`select count(*) as n from projects where zone_id = $1`, [fendong]);
  return Number(projects[0].n);
}

async function inProcess(database: Database, label: string) {
  const calendar = createWorkCalendar();
  const service = createDispatchService({
    db: database.db,
    repo: createDispatchRepository(),
    audit: recordAudit,
    clock: systemClock,
    calendar: async () => calendar,
  });
  await service.escalateDue('all');
  const heldOn = chinaToday(systemClock);
  const agenda: number[] = [];
  let items = 0;
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    items = (await service.meetings.generateAgendaFor(fendong, heldOn)).length;
    if (i >= 3) agenda.push(performance.now() - t0);
  }
  line(`agenda generation, 300-project zone, ${label}`, percentile(agenda, 50), 'ms', `p50, ${items} items; target < 300 ms`);
  const brief: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    bytes = (await service.meetings.briefFor(draftMeeting)).length;
    if (i >= 2) brief.push(performance.now() - t0);
  }
  line(`weekly brief .docx, ${label}`, percentile(brief, 50), 'ms', `p50, ${Math.round(bytes / 1024)} KB; target < 1 s`);
}

export async function benchDispatch(): Promise<void> {
  const lite = await openDatabase({ kind: 'pglite-memory' });
  const n = await fill(lite);
  line('PGlite: projects in 汾东', n, '');
  await inProcess(lite, 'PGlite');
  await lite.close();

  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('drop database if exists zonedesk_bench_dispatch with (force)');
  await admin.query('create database zonedesk_bench_dispatch');
  const url = Object.assign(new URL(pgUrl), { pathname: '/zonedesk_bench_dispatch' }).toString();
  try {
    const database = await openDatabase({ kind: 'postgres', url });
    await fill(database);
    await database.exec('analyze');
    await inProcess(database, 'PostgreSQL');
    await database.close();
    const server = await startServer({ DATABASE_URL: url, LOGIN_RATE_LIMIT_PER_MINUTE: '1000000' });
    try {
      const headers = await loginHeaders(server.url, 'leader');
      line(
        'blocker board GET /api/blockers, PostgreSQL',
        await p50Get(`${server.url}${pathOf(blockerOperations.list)}${queryStringOf({ zoneId: fendong, status: 'unresolved' })}`, headers),
        'ms',
        'p50 of 50, ~330 blockers; target < 20 ms',
      );
      line(
        'blocker board filtered (level=meeting), PostgreSQL',
        await p50Get(`${server.url}${pathOf(blockerOperations.list)}${queryStringOf({ zoneId: fendong, level: 'meeting' })}`, headers),
        'ms',
        'p50 of 50',
      );
    } finally {
      await server.stop();
    }
  } finally {
    await admin.query('drop database if exists zonedesk_bench_dispatch with (force)');
    await admin.end();
  }
}
