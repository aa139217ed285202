import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthOperations } from '../../../contract/health.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ template: 'empty' });
});
afterAll(() => ctx.close());

describe('health and API docs', () => {
  it('reports the database kind and version without a session', async () => {
    const res = await ctx.anon.call(healthOperations.health);
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
    // A stand-in for dist/web, so this runs whether or not the web app has been built.
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
    const web = await createTestContext({ template: 'empty', webDir });
    try {
      const page = await web.anon.get('/projects/some-id');
      expect(page.status).toBe(200);
      expect(String(page.headers['content-type'])).toContain('text/html');
      expect(page.body).toContain('<div id="root"');
      const api = await web.anon.get('/api/no-such-thing');
      expect(api.status).toBe(404);
      expect(api.body.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('sends the build precompressed, hashed assets cached for a year and the shell revalidated', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const zlib = await import('node:zlib');
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-web-'));
    const shell = '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>';
    const script = `console.log(${JSON.stringify('开发区'.repeat(500))});`;
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), shell);
    fs.writeFileSync(path.join(webDir, 'assets', 'index-3f2a9c.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'index-3f2a9c.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(webDir, 'assets', 'index-3f2a9c.js.gz'), zlib.gzipSync(script));
    const web = await createTestContext({ template: 'empty', webDir });
    try {
      const fetchAsset = (url: string, encoding: string) => web.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
      const brotli = await fetchAsset('/assets/index-3f2a9c.js', 'br, gzip');
      expect(brotli.statusCode).toBe(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

      const gzip = await fetchAsset('/assets/index-3f2a9c.js', 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);

      const plain = await fetchAsset('/assets/index-3f2a9c.js', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);

      const page = await web.anon.get('/projects/some-id');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect((await web.app.inject({ method: 'HEAD', url: '/leads' })).statusCode).toBe(200);
      // A chunk of a previous build is gone: a 404, never the HTML shell run as a script.
      expect((await web.anon.get('/assets/index-000000.js')).status).toBe(404);
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('does not send browsers to https over plain HTTP, and does behind HTTPS', async () => {
    const csp = String((await ctx.anon.call(healthOperations.health)).headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const secure = await createTestContext({ template: 'empty', config: { COOKIE_SECURE: 'true' } });
    try {
      expect(String((await secure.anon.call(healthOperations.health)).headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });
});
