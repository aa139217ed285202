/**
 * Walks every registered /api route and proves the guard holds for each one: no session → 401;
 * every role (one demo user each) is either allowed by the route's permission, as the modules'
 * policies grant it (platform/policies.ts permissionsOf), or refused with 403 writing nothing; a
 * caller from another zone is refused (403/404) on that zone's records, with nothing written; lists
 * never leak another zone's data. A new route with an :id needs a fixture in its module's manifest
 * (`securityFixtures`), or `sharedRecordRoutes` for records every signed-in user may read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type Client, type TestContext } from './harness.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';
import { roles, type Role } from '../src/contract/roles.ts';
import { modules } from '../src/server/modules/modules.ts';
import { demoUsers } from '../src/server/modules/users/users.seed.ts';
import { permissionsOf } from '../src/server/platform/policies.ts';
import type { RouteInfo } from '../src/server/app.ts';

// Each walk calls every route (~200) once per role or zone: seconds alone, much more on a loaded CI machine.
vi.setConfig({ testTimeout: 180_000 });

let ctx: TestContext;
let outsider: Client;
const otherZone = demoId('zone:hejin');
const clients = new Map<Role, Client>();

const logins = new Map<string, Promise<Client>>();
/** A demo user logged in once for the fixtures (河津's leader makes the other zone's records). */
function loginOnce(username: string): Promise<Client> {
  if (!logins.has(username)) logins.set(username, ctx.login(username));
  return logins.get(username)!;
}
const hejinClient = () => loginOnce('hejin');

/**
 * Fallback fixtures, for route patterns with :id that no module manifest provides (`securityFixtures`):
 * the staged imports (platform/imports, not a module) of the other zone (河津开发区). Manifests win.
 */
const fallbackFixtures: Record<string, () => string | Promise<string>> = Object.fromEntries(
  ['/api/imports/:id', '/api/imports/:id/updates', '/api/imports/:id/progress', '/api/imports/:id/commit', '/api/imports/:id/names', '/api/imports/:id/undo', '/api/imports/:id/discard'].map((url) => [url, () => hejinImportId]),
);

/** Fixtures by route pattern: the modules' manifests first, then this file's fallbacks. */
const manifestFixtures = Object.fromEntries(modules.flatMap((m) => Object.entries(m.securityFixtures ?? {})));
const sharedRecordRoutes = new Set(modules.flatMap((m) => m.sharedRecordRoutes ?? []));
const resolved = new Map<string, Promise<string>>();
/** The other zone's record for a route pattern, made once (only reads run as allowed callers, so it stays as made). */
function otherZoneRecord(url: string): Promise<string> | undefined {
  const fixture = manifestFixtures[url] ?? fallbackFixtures[url];
  if (!fixture) return undefined;
  if (!resolved.has(url)) resolved.set(url, Promise.resolve(fixture({ login: loginOnce })));
  return resolved.get(url);
}

/** An import staged by 河津's leader (filled in beforeAll). */
let hejinImportId = '';

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  // A zone leader of 汾东: the widest non-admin powers, but none over 河津.
  outsider = await ctx.login('leader');
  for (const role of roles) {
    const user = demoUsers.find((u) => u.role === role);
    if (!user) throw new Error(`no demo user has the role ${role}`);
    clients.set(role, role === 'zone_leader' ? outsider : await ctx.login(user.username));
  }
  const { stageImportFixture } = await import('./pipeline-fixtures.ts');
  hejinImportId = await stageImportFixture(ctx, await hejinClient());
  // Every fixture made up front (in order: some share records), so the walks below only walk.
  for (const route of ctx.app.routeTable) if (route.url.includes(':id')) await otherZoneRecord(route.url);
});
afterAll(() => ctx.close());

const auditRows = async () => Number((await ctx.database.query<{ n: string }>('select count(*) as n from audit_log'))[0].n);

const mutating = (route: RouteInfo) => route.method !== 'GET';
/** A write a refused caller must not make: real-looking fields, so a guard that let it through would write. */
const writeBody = { version: 1, name: '越权修改', password: 'secret-123' };

let tables: Set<string> | undefined;
/** The tables a route writes to, guessed from its path (`/api/campaign-entries/:id` → campaign_entries), plus audit_log. */
async function touchedTables(url: string): Promise<string[]> {
  tables ??= new Set(
    (await ctx.database.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'")).map(
      (r) => r.table_name,
    ),
  );
  const aliases: Record<string, string> = { auth: 'users', imports: 'import_batches', calendar: 'calendar_days', notifications: 'notifications' };
  const named = url
    .split('/')
    .slice(2)
    .filter((part) => part && !part.startsWith(':'))
    .map((part) => aliases[part] ?? part.replace(/-/g, '_').replace(/\..*$/, ''))
    .filter((name) => tables!.has(name));
  return [...new Set(['audit_log', ...named.slice(0, 1), ...named.slice(-1)])];
}
async function rowCounts(names: string[]): Promise<Record<string, number>> {
  const [row] = await ctx.database.query<Record<string, string>>(`select ${names.map((n) => `(select count(*) from "${n}") as "${n}"`).join(', ')}`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/**
 * Routes whose service asks a further permission for some inputs: the full audit log needs
 * audit.read, while one record's history (entityType + entityId) is open to whoever covers its zone.
 */
const refinedByService: Record<string, string> = { 'GET /api/audit': 'audit.read' };

/** The route's URL for a walk: :id → the other zone's record when there is one, other params → a well-formed id. */
async function urlOf(route: RouteInfo): Promise<string> {
  const id = route.url.includes(':id') && !sharedRecordRoutes.has(`${route.method} ${route.url}`) ? await otherZoneRecord(route.url) : undefined;
  return route.url.replace(':id', id ?? demoId('any')).replace(/:(\w+)/g, () => demoId('any'));
}

describe('every route is guarded', () => {
  it('the route table is not empty and public routes are the expected few', () => {
    const publicRoutes = ctx.app.routeTable.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(ctx.app.routeTable.length).toBeGreaterThan(15);
    for (const r of publicRoutes) expect(r).toMatch(/^(GET \/api\/health|POST \/api\/auth\/login|GET \/api\/openapi\.json|GET \/api\/docs)/);
  });

  it('rejects a caller without a session on every guarded route', async () => {
    const guarded = ctx.app.routeTable.filter((r) => !r.public);
    for (const route of guarded) {
      const url = route.url.replace(/:(\w+)/g, () => demoId('any'));
      const res = await ctx.anon.request(route.method, url, route.method === 'GET' ? undefined : {});
      expect({ route: `${route.method} ${route.url}`, status: res.status, code: res.body.code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  // One test per role (each a few seconds), the same walk for each.
  const answered = { allowed: 0, refused: 0 };
  for (const role of roles) {
    it(`answers ${role} on every route as the route's permission says: allowed, or 403 writing nothing`, async () => {
      const client = clients.get(role)!;
      const granted = new Set<string>(permissionsOf(role));
      for (const route of ctx.app.routeTable.filter((r) => !r.public)) {
        const name = `${route.method} ${route.url}`;
        const refined = refinedByService[name];
        const allowed = (!route.permission || granted.has(route.permission)) && (!refined || granted.has(refined));
        const url = await urlOf(route);
        answered[allowed ? 'allowed' : 'refused'] += 1;
        if (!allowed) {
          const tablesOf = mutating(route) ? await touchedTables(route.url) : [];
          const before = mutating(route) ? await rowCounts(tablesOf) : {};
          const res = await client.request(route.method, url, mutating(route) ? writeBody : undefined);
          expect({ role, route: name, status: res.status }).toEqual({ role, route: name, status: 403 });
          if (mutating(route)) expect({ role, route: name, rows: await rowCounts(tablesOf) }).toEqual({ role, route: name, rows: before });
        } else if (!mutating(route)) {
          // Reads run: another zone's record is not found (404) for a role that does not cover it.
          const res = await client.request('GET', url);
          expect({ role, route: name, refused: [401, 403].includes(res.status) }).toEqual({ role, route: name, refused: false });
        } else {
          // Writes of an allowed role are not carried out: a body of an unknown media type is
          // refused after the guard (415) and before any handler, which shows the guard let it pass.
          const res = await client.request(route.method, url, 'probe', { 'content-type': 'application/x-zonedesk-probe' });
          expect({ role, route: name, status: res.status }).toEqual({ role, route: name, status: 415 });
        }
      }
    }, 90_000); // generous: a loaded CI machine; alone, a role walks in a few seconds
  }

  it('walked both sides: admins reach everything, viewers only read', () => {
    const guarded = ctx.app.routeTable.filter((r) => !r.public).length;
    expect(answered.allowed).toBeGreaterThan(guarded);
    expect(answered.refused).toBeGreaterThan(guarded);
  });

  it("refuses a caller outside the record's zone on every route with an id, writing nothing", async () => {
    const withId = ctx.app.routeTable.filter((r) => !r.public && r.url.includes(':id') && !sharedRecordRoutes.has(`${r.method} ${r.url}`));
    expect(withId.length).toBeGreaterThan(5);
    for (const route of withId) {
      const record = otherZoneRecord(route.url);
      expect(record, `add a fixture for ${route.url} to its module's securityFixtures`).toBeDefined();
      const url = route.url.replace(':id', await record!);
      const tablesOf = await touchedTables(route.url);
      const before = await rowCounts(tablesOf);
      const res = await outsider.request(route.method, url, route.method === 'GET' ? undefined : writeBody);
      expect({ route: `${route.method} ${route.url}`, refused: [403, 404].includes(res.status) }).toEqual({
        route: `${route.method} ${route.url}`,
        refused: true,
      });
      expect({ route: `${route.method} ${route.url}`, rows: await rowCounts(tablesOf) }).toEqual({ route: `${route.method} ${route.url}`, rows: before });
    }
  });

  it("never lists another zone's data, even when asked for that zone", async () => {
    const lists = ctx.app.routeTable.filter((r) => !r.public && r.method === 'GET' && !r.url.includes(':'));
    for (const route of lists) {
      const res = await outsider.get(`${route.url}?zoneId=${otherZone}`);
      if (res.status !== 200) {
        expect([400, 403]).toContain(res.status);
        continue;
      }
      expect({ route: route.url, leaks: JSON.stringify(res.body).includes(otherZone) }).toEqual({ route: route.url, leaks: false });
    }
  });
});
