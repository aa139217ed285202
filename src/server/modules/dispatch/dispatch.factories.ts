/**
 * Builders for dispatch tests: records made through the API with dates from the test clock
 * (test/clock.ts), so a test never depends on the demo seed's dates.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { blockerOperations, meetingOperations, type createBlockerBody, type createMeetingBody } from '../../../contract/dispatch.ts';
import { testDaysAgo, testToday } from '../../../../test/clock.ts';
import type { Client } from '../../../../test/harness.ts';
import type { Database } from '../../db/client.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { buildProject } from '../projects/projects.factories.ts';

export const fendong = demoId('zone:fendong');
export const hejin = demoId('zone:hejin');
export const user = (username: string) => demoId(`user:${username}`);

let serial = 0;

/** A blocker of 汾东 raised today, due in a week, unless the overrides say otherwise. */
export async function buildBlocker(client: Client, overrides: Partial<z.input<typeof createBlockerBody>> = {}) {
  const res = await client.call(blockerOperations.create, {
    body: { zoneId: fendong, title: `测试堵点${++serial}`, category: 'land', raisedOn: testToday, deadlineOn: testDaysAgo(-7), ...overrides },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A meeting of 汾东 held today (its agenda generated), unless the overrides say otherwise. */
export async function buildMeeting(client: Client, overrides: Partial<z.input<typeof createMeetingBody>> = {}) {
  const res = await client.call(meetingOperations.create, { body: { zoneId: fendong, heldOn: testToday, ...overrides } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The first field error of a 400 answer. */
export const fieldOf = (res: { body: unknown }) => (res.body as { details?: { fields?: { field: string; reason: string }[] } }).details?.fields?.[0];

/** A milestone of a project planned on `plannedOn` and not done: it slipped (the agenda's 节点滞后). */
export async function buildSlippedMilestone(database: Database, projectId: string, plannedOn: string, name = '测试节点') {
  await database.query(
    `insert into project_milestones (zone_id, project_id, sort_order, name, planned_on)
     select zone_id, id, 900 + (select count(*) from project_milestones where project_id = $1), $2, $3::date from projects where id = $1`,
    [projectId, name, plannedOn],
  );
}

/** Flags a project red as the projects module would for an overdue node (the agenda's 红灯项目). */
export async function flagRed(database: Database, projectId: string, on: string = testToday) {
  await flagTurn(database, projectId, { to: 'red', on, reasons: [{ level: 'red', code: 'milestone_overdue', milestone: '测试节点', days: 3 }] });
}

/**
 * Sets a project's stored flag and writes the change to its flag history dated `on`, as the
 * projects module's refresh does (project_flag_events), so the agenda and the brief can read it.
 */
export async function flagTurn(database: Database, projectId: string, turn: { to: 'red' | 'yellow' | 'green'; on: string; reasons: object[] }) {
  await database.query(
    `with before as (select id, zone_id, flag from projects where id = $1)
     insert into project_flag_events (zone_id, project_id, from_flag, to_flag, reasons, "on")
     select zone_id, id, flag, $2, $3::jsonb, $4::date from before`,
    [projectId, turn.to, JSON.stringify(turn.reasons), turn.on],
  );
  // flag_on is left as it is: the flag stays fresh for today, as the refresh leaves it.
  await database.query(`update projects set flag = $2, flag_reasons = $3::jsonb where id = $1`, [projectId, turn.to, JSON.stringify(turn.reasons)]);
}

/** A project of 河津 with nobody responsible and no level (no demo meetings there): the brief tests' subject. */
export async function buildHejinProject(client: Client, overrides: Record<string, unknown>) {
  const res = await client.post(
    '/api/projects',
    buildProject({ zoneId: hejin, parkId: null, level: 'none', leaderUserId: null, officerUserId: null, departmentId: null, ...overrides }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; flag: string };
}

/** The brief's text (its document.xml without the markup). */
export function docxText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-brief-text-'));
  try {
    fs.writeFileSync(path.join(dir, 'brief.docx'), bytes);
    const xml = spawnSync('unzip', ['-p', path.join(dir, 'brief.docx'), 'word/document.xml'], { encoding: 'utf8' }).stdout;
    return xml.replace(/<[^>]+>/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
