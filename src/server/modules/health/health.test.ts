import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ template: 'empty' });
});
afterAll(() => ctx.close());

describe('health and API docs', () => {
  it('reports the database kind and version without a session', async () => {
    const res = await ctx.anon.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves OpenAPI generated from the contract, with field descriptions', async () => {
    const res = await ctx.anon.get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users/{id}', '/api/zones/{id}']));
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(JSON.stringify(res.body)).toContain('X-CSRF-Token');
    const docs = await ctx.anon.get('/api/docs/');
    expect(docs.status).toBe(200);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await ctx.anon.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('the web app', () => {
  it('serves the built app shell for client-side routes, and JSON 404 under /api', async () => {
    const { webDistDir } = await import('../../app.ts');
    const fs = await import('node:fs');
    if (!fs.existsSync(`${webDistDir}/index.html`)) return; // built by `npm start` / the e2e runner
    const page = await ctx.anon.get('/projects/some-id');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    expect(page.body).toContain('<div id="root"');
    const api = await ctx.anon.get('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('ROUTE_NOT_FOUND');
  });
});
