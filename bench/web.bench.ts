import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureWebBuilt } from '../src/server/cli/web-build.ts';
import { line, startServer, tempDir } from './lib.ts';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/**
 * First load as a browser meets it: the JavaScript the login page and the first page after login
 * (工作台) fetch, measured in Debian's chromium against the real server, as bytes on the wire
 * (the precompressed .br/.gz the server sends) and as raw bytes. Target (issue 16): < 500 kB gzip.
 */
export async function benchWeb(): Promise<void> {
  await ensureWebBuilt();
  const server = await startServer({ DATA_DIR: `${tempDir('zonedesk-bench-web-')}/data`, DATABASE_URL: '' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    const encodings = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.endsWith('.js')) return;
      scripts.add(url.pathname);
      encodings.add(response.headers()['content-encoding'] ?? 'identity');
    });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    const loginScripts = new Set(scripts);
    await page.getByLabel('用户名', { exact: true }).fill('leader');
    await page.getByLabel('密码', { exact: true }).fill('zonedesk');
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.waitForLoadState('networkidle');
    // The leader's 工作台 is the 驾驶舱: wait for its charts (ECharts loads on first draw).
    await page.locator('[data-testid=kpi-dashboard] canvas').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');

    const sizeOf = (files: Iterable<string>, suffix: '' | '.gz' | '.br') =>
      [...files].reduce((sum, file) => {
        const onDisk = path.join(webDir, `${file}${suffix}`);
        return sum + (fs.existsSync(onDisk) ? fs.statSync(onDisk).size : fs.statSync(path.join(webDir, file)).size);
      }, 0);
    const kB = (bytes: number) => bytes / 1000;
    line('login page JS, gzip', kB(sizeOf(loginScripts, '.gz')), 'kB', `${loginScripts.size} files; brotli ${kB(sizeOf(loginScripts, '.br')).toFixed(0)} kB; raw ${kB(sizeOf(loginScripts, '')).toFixed(0)} kB`);
    const dashboardOnly = [...scripts].filter((f) => !loginScripts.has(f));
    line(
      '驾驶舱 page JS on top of the shell (the leader’s 工作台 with its charts, minus the login page’s), gzip',
      kB(sizeOf(dashboardOnly, '.gz')),
      'kB',
      `${dashboardOnly.length} files; brotli ${kB(sizeOf(dashboardOnly, '.br')).toFixed(0)} kB; raw ${kB(sizeOf(dashboardOnly, '')).toFixed(0)} kB; target < 300 kB gzip`,
    );
    line('first page after login (工作台) JS, gzip, cumulative', kB(sizeOf(scripts, '.gz')), 'kB', `${scripts.size} files; brotli ${kB(sizeOf(scripts, '.br')).toFixed(0)} kB; raw ${kB(sizeOf(scripts, '')).toFixed(0)} kB; target < 500 kB gzip; sent as ${[...encodings].join('/')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
