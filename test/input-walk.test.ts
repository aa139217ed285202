/**
 * Walks every registered operation with hostile input and proves none answers 500 (issue 17 item 7):
 * a NUL in each text field and query parameter, impossible and out-of-range dates, integers past
 * PostgreSQL's `integer` (versions ≥ 2³¹), over-long and broken path ids. Each body is first made
 * valid where the walk can guess it (one plausible value per field, tried against the field's own
 * schema), so the hostile value is the only thing wrong and reaches as deep as the schema lets it.
 * Refusals must carry the registry's body (code, message in the caller's language, requestId).
 * Runs as the system admin (every permission, every zone), on records the manifests' fixtures make.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestContext, type Client, type TestContext } from './harness.ts';
import { modules } from '../src/server/modules/modules.ts';
import { registeredOperations } from '../src/server/platform/http/operations.ts';
import { errorRegistry } from '../src/contract/errors.ts';
import { multipartBody, pathOf, type OperationSpec } from '../src/contract/operation.ts';
import { demoId } from '../src/server/seed/demo-ids.ts';

// Some 4,000 requests one after another: 80 s on a quiet machine, over 300 s at load 20.
vi.setConfig({ testTimeout: 900_000 });

let ctx: TestContext;
let admin: Client;
const fixtures = Object.fromEntries(modules.flatMap((m) => Object.entries(m.securityFixtures ?? {})));
const logins = new Map<string, Promise<Client>>();
const ids = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' } });
  admin = await ctx.login('admin');
  const login = (u: string) => {
    if (!logins.has(u)) logins.set(u, ctx.login(u));
    return logins.get(u)!;
  };
  for (const [url, make] of Object.entries(fixtures)) {
    try {
      ids.set(url, await make({ login }));
    } catch {
      // a fixture that needs another's state: the route gets a random id (404 before validation)
    }
  }
});
afterAll(() => ctx.close());

const INT_PAST = 2 ** 31;
const badDates = ['2026-02-30', '2027-02-29', '0000-01-01', '9999-12-31'];
const fendong = demoId('zone:fendong');

/** The object shape behind a schema (through optional/default/pipe wrappers), or undefined. */
function shapeOf(schema: unknown): Record<string, z.ZodType> | undefined {
  let s = schema as z.ZodType | undefined;
  for (let i = 0; i < 6 && s; i++) {
    if (s instanceof z.ZodObject) return s.shape as Record<string, z.ZodType>;
    const def = (s as unknown as { def?: { innerType?: z.ZodType; in?: z.ZodType; schema?: z.ZodType } }).def;
    s = def?.innerType ?? def?.in ?? def?.schema;
  }
  return undefined;
}

/** A value the field's own schema accepts, from a list of plausible ones; undefined when none fits. */
function plausible(field: z.ZodType): unknown {
  const options = (field as unknown as { options?: unknown[] }).options;
  const candidates: unknown[] = [
    ...(Array.isArray(options) ? options.slice(0, 1) : []),
    fendong,
    '2026-11-18',
    '2026-11',
    1,
    10,
    '100',
    '测试 walk',
    'walk-test-1',
    'a'.repeat(8),
    true,
    [],
    {},
    null,
  ];
  for (const c of candidates) if (field.safeParse(c).success) return c;
  return undefined;
}

/** Hostile variants for one field, by what the field accepts. */
function hostile(field: z.ZodType): unknown[] {
  const out: unknown[] = [];
  if (field.safeParse('2026-11-18').success) out.push(...badDates);
  if (field.safeParse(1).success || field.safeParse('1').success) out.push(INT_PAST, -INT_PAST - 1, 1e308, String(INT_PAST));
  if (field.safeParse('x').success || field.safeParse('测试 walk').success || field.safeParse(fendong).success) out.push('a\u0000b');
  if (field.safeParse(['x']).success) out.push(['a\u0000b']);
  // The wrong type: its reason must still be in the caller's language.
  out.push({ unexpected: true });
  return out;
}

function pathFor(op: OperationSpec): string {
  const params: Record<string, string> = {};
  for (const name of op.path.match(/:([A-Za-z0-9_]+)/g) ?? []) {
    const key = name.slice(1);
    params[key] = ids.get(op.path) ?? (key === 'day' ? '2026-11-18' : key === 'year' ? '2026' : '00000000-0000-4000-8000-000000000000');
  }
  return pathOf(op, params);
}

const statuses = new Map<number, number>();

interface Finding {
  call: string;
  status: number;
  body: unknown;
}

async function send(client: Client, op: OperationSpec, url: string, body: unknown, findings: Finding[], note: string) {
  const res = await client.request(op.method, url, op.method === 'GET' ? undefined : body, { 'accept-language': 'zh-CN' });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const b = res.body as { code?: string; message?: string; requestId?: string; details?: { fields?: { reason: string }[] } };
  const bad =
    res.status >= 500 ||
    (res.status >= 400 &&
      (!b?.code || !(b.code in errorRegistry) || !b.requestId || b.message !== errorRegistry[b.code as keyof typeof errorRegistry].zh)) ||
    (b?.details?.fields ?? []).some((f) => /Invalid input|Expected|must be/i.test(f.reason));
  if (bad) findings.push({ call: `${op.method} ${url.slice(0, 120)} ${note}`, status: res.status, body: JSON.stringify(res.body).slice(0, 300) });
}

describe('every operation, hostile input', () => {
  it('no 500, and every refusal is the registry body in the caller language', async () => {
    const ops = [...registeredOperations.values()].filter((op) => !op.path.startsWith('/api/auth/'));
    expect(ops.length).toBeGreaterThan(100);
    const findings: Finding[] = [];
    for (const op of ops) {
      const url = pathFor(op);
      // Query parameters: each one hostile in turn (the rest left out or plausible).
      const query = shapeOf(op.query);
      if (query) {
        const valid = Object.fromEntries(Object.entries(query).map(([k, f]) => [k, plausible(f)]).filter(([, v]) => v !== undefined && typeof v !== 'object'));
        for (const [key, field] of Object.entries(query)) {
          for (const value of [...hostile(field), 'a\u0000']) {
            const qs = new URLSearchParams({ ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, String(v)])), [key]: String(value) });
            await send(admin, op, `${url}?${qs}`, undefined, findings, `?${key}=${JSON.stringify(value)}`);
          }
        }
      }
      if (op.method === 'GET' || op.body === multipartBody) continue;
      const body = shapeOf(op.body);
      if (!body) continue;
      const valid = Object.fromEntries(Object.entries(body).map(([k, f]) => [k, plausible(f)]).filter(([, v]) => v !== undefined));
      for (const [key, field] of Object.entries(body)) {
        for (const value of hostile(field)) await send(admin, op, url, { ...valid, [key]: value }, findings, `${key}=${JSON.stringify(value)}`);
      }
      // Every version-like field past int4 at once.
      if ('version' in body) await send(admin, op, url, { ...valid, version: INT_PAST }, findings, `version=${INT_PAST}`);
    }
    if (process.env.WALK_STATS) console.log([...statuses].sort(), findings.length);
    expect(findings).toEqual([]);
  });

  it('over-long, NUL-bearing and broken path ids answer the registry body with a requestId', async () => {
    for (const url of [`/api/leads/${'a'.repeat(150)}`, '/api/leads/a%00b', '/api/leads/%E0%A4%A', `/api/projects/${'9'.repeat(500)}`]) {
      const res = await admin.request('GET', url, undefined, { 'accept-language': 'zh-CN' });
      expect(res.status, url).toBeLessThan(500);
      expect(res.body.requestId, url).toBeTruthy();
      expect(res.body.message, url).toBe(errorRegistry[res.body.code as keyof typeof errorRegistry].zh);
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    }
  });

  it('a NUL anywhere is refused naming the field; impossible dates and huge versions name theirs', async () => {
    const nul = await admin.request('GET', '/api/leads?q=%00');
    expect(nul.status).toBe(400);
    expect(nul.body.details.fields).toEqual([{ field: 'querystring.q', reason: '不能包含空字符（\\0）' }]);
    const workdays = await admin.request('GET', '/api/calendar/workdays?from=2026-01-01&to=2026-02-30');
    expect(workdays.body.details.fields[0]).toMatchObject({ field: 'querystring.to', reason: '日期不存在（如 2 月 30 日）' });
    const far = await admin.request('GET', '/api/calendar/workdays?from=2026-01-01&to=9999-12-31');
    expect(far.status).toBe(400);
    expect(far.body.details.fields).toContainEqual({ field: 'querystring.to', reason: '日期应在 1900-01-01 至 2100-12-31 之间' });
    // The probe's 390-second meeting: a heldOn in year 9999 is refused at the door.
    const meeting = await admin.request('POST', '/api/meetings', { zoneId: demoId('zone:fendong'), title: '调度会', heldOn: '9999-12-31' });
    expect(meeting.status).toBe(400);
    expect(meeting.body.details.fields).toContainEqual({ field: 'heldOn', reason: '日期应在 1900-01-01 至 2100-12-31 之间' });
    const wide = await admin.request('GET', '/api/calendar/workdays?from=1900-01-01&to=2100-12-31');
    expect(wide.status).toBe(200);
    expect(wide.body.workdays).toBeGreaterThan(50_000);
  });
});
