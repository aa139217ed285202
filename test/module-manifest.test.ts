/**
 * "Adding a module touches at most two files outside its folder" (issue 9): a scratch module,
 * defined whole in this file (policy, contract operation with a record kind, service, routes,
 * record check, security fixture), joins the app by being appended to the module list, which is
 * the one line a real module adds to src/server/modules/modules.ts (the other is its web feature's
 * line in src/web/app/features.ts). Nothing else is edited, and the app registers, guards and
 * scope-checks its route. docs/contributing.md walks through the same example.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '../src/contract/operation.ts';
import type { SessionContext } from '../src/server/platform/auth/session.ts';
import type { Router } from '../src/server/platform/http/operations.ts';
import { defineModule } from '../src/server/platform/module.ts';
import { allPermissions, definePolicy, inScope } from '../src/server/platform/policies.ts';
import { modules } from '../src/server/modules/modules.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';
import { createTestContext, type TestContext } from './harness.ts';

// src/server/modules/notes/notes.policy.ts
const notesPolicy = definePolicy({
  grants: { 'note.read': ['system_admin', 'zone_leader', 'deputy_leader'] },
  resources: { note: { read: 'note.read' } },
});

// src/contract/notes.ts
const noteSchema = z.object({ id: z.string(), zoneId: z.string(), text: z.string() });
const noteOperations = {
  get: defineOperation({
    method: 'GET',
    path: '/api/notes/:id',
    tags: ['notes'],
    summary: '便签 / Note',
    permission: 'note.read',
    record: { param: 'id', kind: 'note' },
    params: z.object({ id: z.uuid() }),
    response: noteSchema,
  }),
};

// src/server/modules/notes/notes.service.ts (a real one takes its repository and the db)
const fendongNote = demoId('note:fendong');
const hejinNote = demoId('note:hejin');
function createNotesService() {
  const notes = new Map([
    [fendongNote, { id: fendongNote, zoneId: demoId('zone:fendong'), text: '汾东便签' }],
    [hejinNote, { id: hejinNote, zoneId: demoId('zone:hejin'), text: '河津便签' }],
  ]);
  return {
    get: (id: string) => notes.get(id)!,
    inCallerScope: async (session: SessionContext, id: string) => inScope(session, notes.get(id)?.zoneId),
  };
}
type NotesService = ReturnType<typeof createNotesService>;

// src/server/modules/notes/notes.routes.ts
function notesRoutes(router: Router, notes: NotesService) {
  router.handle(noteOperations.get, ({ params }) => notes.get(params.id));
}

// src/server/modules/notes/notes.module.ts
const notesModule = defineModule({
  name: 'notes',
  policy: notesPolicy,
  service: () => createNotesService(),
  records: (notes) => ({ note: (session, id) => notes.inCallerScope(session, id) }),
  routes: notesRoutes,
  securityFixtures: { '/api/notes/:id': () => hejinNote },
});

let ctx: TestContext;
beforeAll(async () => {
  // The one line in modules.ts: the list, and the new module at its end.
  ctx = await createTestContext({ modules: [...modules, notesModule] });
});
afterAll(() => ctx.close());

describe('a module is one folder and one line', () => {
  it('registers its route, guarded by its permission, which the policy registry knows', async () => {
    const route = ctx.app.routeTable.find((r) => r.url === '/api/notes/:id');
    expect(route).toMatchObject({ method: 'GET', public: false, permission: 'note.read' });
    expect(allPermissions()).toContain('note.read');
    expect((await ctx.anon.get(`/api/notes/${fendongNote}`)).status).toBe(401);
    expect((await (await ctx.login('viewer')).get(`/api/notes/${fendongNote}`)).status).toBe(403);
  });

  it("answers its records within the caller's zones and 404 for another zone's", async () => {
    const leader = await ctx.login('leader');
    const own = await leader.call(noteOperations.get, { params: { id: fendongNote } });
    expect(own).toMatchObject({ status: 200, body: { text: '汾东便签' } });
    expect((await leader.call(noteOperations.get, { params: { id: hejinNote } })).status).toBe(404);
    // 河津's own leader reads it.
    expect((await (await ctx.login('hejin')).call(noteOperations.get, { params: { id: hejinNote } })).body.text).toBe('河津便签');
  });

  it("leaves the other modules' routes as they were", () => {
    const urls = new Set(ctx.app.routeTable.map((r) => `${r.method} ${r.url}`));
    for (const url of ['GET /api/zones', 'POST /api/auth/login', 'GET /api/workbench', 'GET /api/calendar/days']) expect(urls).toContain(url);
  });
});
