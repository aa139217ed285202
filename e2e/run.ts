/**
 * The browser test: builds the web app if needed, starts the real server on a fresh embedded
 * database and a free port, runs every e2e/*.e2e.ts in Debian's chromium, then stops the server.
 * `npm run test:e2e -- shell pipeline` runs only the files whose names contain one of the words.
 * Prints ✓/✗ per test, screenshots failures to test-results/, exits 1 if any failed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { E2eTest } from './harness';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(e2eDir, '..');
const resultsDir = path.join(repoRoot, 'test-results');
const testTimeoutMs = 60_000;

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function buildWebIfMissing() {
  if (fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) return;
  console.log('dist/web is missing: building the web app (vite build) …');
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000}s:\n${log()}`);
}

/** Whether the server is still there and answering, for the report of a failed run. */
async function serverState(baseUrl: string, server: ChildProcess): Promise<string> {
  if (server.exitCode !== null || server.signalCode !== null) return `exited (code ${server.exitCode}, signal ${server.signalCode})`;
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return `answers /api/health with ${response.status}`;
  } catch (error) {
    return `runs but does not answer /api/health within 5 s (${(error as Error).message})`;
  }
}

const lastLines = (text: string, n: number) => text.trimEnd().split('\n').slice(-n).join('\n') || '(empty)';

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface LoadedTest {
  file: string;
  title: string;
  run: E2eTest;
  /** A test that walks many pages may allow itself more than the default (`export const timeoutMs`). */
  timeoutMs: number;
}

/** The e2e files to run: all of them, or those whose names contain one of the words given. */
function selectFiles(words: string[]): string[] {
  const all = fs.readdirSync(e2eDir).filter((f) => f.endsWith('.e2e.ts')).sort();
  if (words.length === 0) return all;
  const chosen = all.filter((f) => words.some((w) => f.includes(w)));
  if (chosen.length === 0) throw new Error(`no e2e file name contains ${words.map((w) => `"${w}"`).join(' or ')}; the files: ${all.join(', ')}`);
  return chosen;
}

async function loadTests(files: string[]): Promise<LoadedTest[]> {
  const tests: LoadedTest[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(e2eDir, file)).href)) as { default?: E2eTest; title?: string; timeoutMs?: number };
    if (typeof mod.default !== 'function') throw new Error(`${file} must export a default test function`);
    tests.push({ file, title: mod.title ?? file, run: mod.default, timeoutMs: mod.timeoutMs ?? testTimeoutMs });
  }
  return tests;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms / 1000}s`)), ms).unref())]);
}

async function runTests(baseUrl: string, browser: Browser, tests: LoadedTest[]): Promise<number> {
  let failed = 0;
  for (const test of tests) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const started = Date.now();
    try {
      await withTimeout(test.run({ baseUrl, browser, page }), test.timeoutMs);
      console.log(`✓ ${test.title} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      fs.mkdirSync(resultsDir, { recursive: true });
      const shot = path.join(resultsDir, `${test.file.replace(/\.e2e\.ts$/, '')}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      console.log(`✗ ${test.title}\n    ${(error as Error).message.split('\n').join('\n    ')}\n    screenshot: ${path.relative(repoRoot, shot)}`);
    } finally {
      await context.close();
    }
  }
  return failed;
}

async function main(): Promise<number> {
  const files = selectFiles(process.argv.slice(2).filter((a) => a !== '--'));
  buildWebIfMissing();
  const tests = await loadTests(files);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-e2e-'));
  let output = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(tempDir, 'data'), LOG_LEVEL: 'warn', DATABASE_URL: '', SEED_ON_EMPTY: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));

  let browser: Browser | undefined;
  try {
    await waitForHealth(baseUrl, server, () => output);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    const failed = await runTests(baseUrl, browser, tests);
    console.log(failed === 0 ? `\nall ${tests.length} browser tests passed` : `\n${failed} of ${tests.length} browser tests failed`);
    // When one failure drags the rest down, the server's own words say why (a crash, a hang, an error).
    if (failed > 0) console.log(`\nthe server ${await serverState(baseUrl, server)}; the last of its log:\n${lastLines(output, 60)}`);
    return failed === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await stopServer(server);
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
