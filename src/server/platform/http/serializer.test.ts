import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, type Client, type TestContext } from '../../../../test/harness.ts';
import { leadOperations } from '../../../contract/leads/operations.ts';
import { projectCoreOperations } from '../../../contract/projects/operations.ts';
import { fileResponse } from '../../../contract/operation.ts';
import { demoId } from '../../seed/demo-ids.ts';
import { registeredOperations } from './operations.ts';
import { createSerializerCompiler, serializerFallbacks, toFastSchema } from './serializer.ts';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

/** Both serialisers of one response schema, compiled as Fastify compiles them. */
function serializers(schema: z.ZodType) {
  const routeSchema = { schema, method: 'GET', url: '/test', httpStatus: '200' };
  return { fast: createSerializerCompiler('fast')(routeSchema), zod: createSerializerCompiler('zod')(routeSchema) };
}

/**
 * A copy of `value` with fields no schema lists on every object the schema declares as one, at
 * every depth (a record's keys are its data, so a record gets none).
 */
function withLeaks(value: unknown, schema: z.ZodType): unknown {
  const def = schema._zod.def as unknown as Record<string, any>;
  if (value === null || value === undefined) return value;
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'readonly':
      return withLeaks(value, def.innerType);
    case 'array':
      return (value as unknown[]).map((item) => withLeaks(item, def.element));
    case 'record':
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLeaks(v, def.valueType)]));
    case 'object':
      return {
        ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, def.shape[k] ? withLeaks(v, def.shape[k]) : v])),
        passwordHash: 'argon2id$leak',
        leakedObject: { token: 'x' },
      };
    default:
      return value;
  }
}

describe('the compiled response serializer', () => {
  const lists = [
    ['leads list', leadOperations.list.response, '/api/leads?page=1&pageSize=20'],
    ['projects list', projectCoreOperations.list.response, '/api/projects?page=1&pageSize=20'],
    ['funnel', leadOperations.funnel.response, '/api/leads/funnel'],
    ['project detail (dates, nulls, nested arrays)', projectCoreOperations.get.response, `/api/projects/${demoId('project:hejin-lng')}`],
  ] as const;

  it.each(lists)('compiles the %s schema (no zod fallback)', (_label, schema) => {
    expect(toFastSchema(schema)).toHaveProperty('schema');
  });

  it.each(lists)('writes the same JSON as zod for the %s, and never a field the schema does not list', async (_label, schema, url) => {
    const res = await admin.get(url);
    expect(res.status).toBe(200);
    const { fast, zod } = serializers(schema);
    const leaky = withLeaks(res.body, schema);
    const written = fast(leaky);
    expect(written).toBe(zod(leaky));
    expect(written).toBe(JSON.stringify(res.body));
    expect(written).not.toContain('passwordHash');
    expect(written).not.toContain('leakedObject');
    expect(JSON.stringify(leaky)).toContain('passwordHash');
  });

  it('has real data behind those comparisons (a detail with null and non-null dates)', async () => {
    const res = await admin.get(`/api/projects/${demoId('project:hejin-lng')}`);
    const values = Object.values(res.body as Record<string, unknown>);
    expect(values).toContain(null);
    expect(res.body.milestones.length).toBeGreaterThan(0);
    const list = await admin.get('/api/leads?page=1&pageSize=20');
    expect(list.body.items.length).toBeGreaterThan(0);
  });

  it('writes strings exactly as JSON.stringify does (quotes, controls, lone surrogates, CJK)', () => {
    const schema = z.object({ texts: z.array(z.string()), maybe: z.string().nullable(), later: z.string().optional() });
    const { fast, zod } = serializers(schema);
    const data = { texts: ['', 'a"b\\c', 'line\nbreak\t', '\u0000\u001f', '\ud800 alone', '招商线索'.repeat(20), 'x'.repeat(6000) + '"'], maybe: null, later: undefined };
    expect(fast(data)).toBe(zod(data));
    expect(fast(data)).toBe(JSON.stringify(data));
  });

  it('drops unknown keys inside records of objects and nullable objects too', () => {
    const schema = z.object({ byZone: z.record(z.string(), z.object({ n: z.number() })), owner: z.object({ id: z.string() }).nullable() });
    const { fast, zod } = serializers(schema);
    for (const data of [{ byZone: { a: { n: 1, secret: 1 } }, owner: { id: 'u', secret: 2 }, secret: 3 }, { byZone: {}, owner: null }]) {
      expect(fast(data)).toBe(zod(data));
      expect(fast(data)).not.toContain('secret');
    }
  });

  it('refuses to compile what it cannot write as zod does: those routes keep the zod serializer', () => {
    const cases: [string, z.ZodType][] = [
      ['transform', z.object({ a: z.string().transform((s) => s.toUpperCase()) })],
      ['trim (a check that rewrites)', z.object({ a: z.string().trim() })],
      ['default', z.object({ a: z.string().default('x') })],
      ['date', z.object({ at: z.date() })],
      ['loose object', z.looseObject({ a: z.string() })],
      ['union of objects', z.object({ v: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) })],
      ['enum-keyed record', z.record(z.enum(['a', 'b']), z.number())],
    ];
    for (const [label, schema] of cases) expect(toFastSchema(schema), label).toHaveProperty('reason');
    // And the compiler hands back zod's own serializer for them, which still strips unknown keys.
    const { fast, zod } = serializers(cases[1]![1]);
    const data = { a: ' padded ', leak: 1 };
    expect(fast(data)).toBe(zod(data));
    expect(fast(data)).not.toContain('leak');
  });

  it("keeps zod's key order when an optional key comes before required ones", () => {
    const { fast, zod } = serializers(z.object({ id: z.string(), title: z.string().optional(), task: z.string(), tags: z.array(z.object({ a: z.string().optional(), b: z.number() })) }));
    for (const data of [{ id: '1', title: 't', task: 'x', tags: [{ a: 'a', b: 1 }, { b: 2 }] }, { id: '1', task: 'x', tags: [] }]) expect(fast(data)).toBe(zod(data));
  });

  it('still refuses a response missing a required field (a 500, not a half object)', () => {
    const { fast } = serializers(z.object({ id: z.string(), name: z.string() }));
    expect(() => fast({ id: 'x' })).toThrow();
  });

  it('lists the routes whose response schema falls back to zod', () => {
    const fallbacks = [...registeredOperations.values()]
      .filter((op) => op.response !== fileResponse)
      .flatMap((op) => {
        const converted = toFastSchema(op.response as z.ZodType);
        return 'reason' in converted ? [`${op.method} ${op.path}: ${converted.reason}`] : [];
      })
      .sort();
    // A new entry here is a route serialised through zod on every request: fine when its schema
    // needs it (a transform, a union of objects), worth a look on a hot list.
    expect(fallbacks).toEqual(EXPECTED_FALLBACKS);
    expect(fallbacks.join('\n')).not.toMatch(/GET \/api\/(leads|projects|leads\/funnel):/);
    // The app built above fell back on exactly those routes (what development logs at start).
    const atRuntime = new Set([...serializerFallbacks.keys()].filter((k) => !k.startsWith('HEAD ') && k.includes(' /api/')).map((k) => k.replace(/ \d+$/, '')));
    expect([...atRuntime].sort()).toEqual([...new Set(fallbacks.map((f) => f.split(': ')[0]))].sort());
  });
});

/** Routes serialised through zod, with the part of their schema the compiler refuses (none is a hot list). */
const EXPECTED_FALLBACKS: string[] = [
  'GET /api/assessment/schemes: [].items[].source: default',
  'GET /api/imports/:id: details{}: a union fast-json-stringify would resolve by validation',
  'GET /api/industries: [].divisions[]: tuple',
  'GET /api/intake/figures: [].what: a check that rewrites the value (e.g. trim)',
  'GET /api/kpis/dashboard: headline.campaign: a record whose keys are not plain strings',
  'GET /api/kpis/ranking: rows[].values: a record whose keys are not plain strings',
  'GET /api/land-efficiency/config: indicators[].benchmark: a union fast-json-stringify would resolve by validation',
  'GET /api/land-efficiency/results: run.config.indicators[].benchmark: a union fast-json-stringify would resolve by validation',
  'GET /api/project-flag-rules: landToStartStatutoryDays: default',
  'GET /api/project-templates: milestones[].name: a check that rewrites the value (e.g. trim)',
  'PATCH /api/imports/:id: details{}: a union fast-json-stringify would resolve by validation',
  'POST /api/imports/:id/commit: details{}: a union fast-json-stringify would resolve by validation',
  'POST /api/imports/:id/discard: details{}: a union fast-json-stringify would resolve by validation',
  'POST /api/imports/:id/undo: details{}: a union fast-json-stringify would resolve by validation',
  'POST /api/imports: details{}: a union fast-json-stringify would resolve by validation',
  'POST /api/intake/match: proposals[].changes[].current: a union fast-json-stringify would resolve by validation',
  'POST /api/intake/read-file: result.zone_span: tuple',
  'POST /api/intake/read: result.zone_span: tuple',
  'POST /api/land-efficiency/runs: config.indicators[].benchmark: a union fast-json-stringify would resolve by validation',
  'PUT /api/assessment/schemes/:year: items[].source: default',
  'PUT /api/imports/:id/names: details{}: a union fast-json-stringify would resolve by validation',
  'PUT /api/land-efficiency/config: indicators[].benchmark: a union fast-json-stringify would resolve by validation',
  'PUT /api/project-flag-rules: landToStartStatutoryDays: default',
  'PUT /api/project-templates: milestones[].name: a check that rewrites the value (e.g. trim)',
];
