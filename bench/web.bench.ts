import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ensureWebBuilt } from '../src/server/cli/web-build.ts';
import { line, startServer, tempDir } from './lib.ts';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

/** The demo users, one per role (users.seed.ts); the first four land on the 驾驶舱. */
const roles = [
  ['leader', 'zone_leader'],
  ['deputy', 'deputy_leader'],
  ['city', 'city_viewer'],
  ['province', 'province_viewer'],
  ['officer', 'investment_officer'],
  ['projects', 'project_officer'],
  ['agent', 'approval_agent'],
  ['service', 'service_officer'],
  ['viewer', 'viewer'],
  ['admin', 'system_admin'],
] as const;
const cockpitRoles = new Set<string>(['zone_leader', 'deputy_leader', 'city_viewer', 'province_viewer']);

const sizeOf = (files: Iterable<string>, suffix: '' | '.gz' | '.br') =>
  [...files].reduce((sum, file) => {
    const onDisk = path.join(webDir, `${file}${suffix}`);
    return sum + (fs.existsSync(onDisk) ? fs.statSync(onDisk).size : fs.statSync(path.join(webDir, file)).size);
  }, 0);
const kB = (bytes: number) => bytes / 1000;
/** With BENCH_WEB_FILES=1 the bench also lists a first page's files, biggest first (what to cut next). */
const listFiles = (files: Set<string>) => {
  if (!process.env.BENCH_WEB_FILES) return;
  for (const file of [...files].sort((a, b) => sizeOf([b], '.gz') - sizeOf([a], '.gz'))) console.log(`    ${kB(sizeOf([file], '.gz')).toFixed(1)} kB gzip  ${file}`);
};
const summary = (files: Set<string>) => `${files.size} files; brotli ${kB(sizeOf(files, '.br')).toFixed(0)} kB; raw ${kB(sizeOf(files, '')).toFixed(0)} kB`;

interface FirstLoad {
  login: Set<string>;
  firstPage: Set<string>;
  encodings: Set<string>;
  /** The first page's scripts once its charts are scrolled into view (the 驾驶舱's). */
  afterScroll: Set<string>;
}

/**
 * Logs in as `username` in a fresh browser (no cache) at the given width and collects the scripts
 * fetched until the first page is idle, with the charts on screen drawn (ECharts loads when a chart
 * first comes on screen); then scrolls to the page's end and collects again.
 */
async function firstLoad(browser: Browser, url: string, username: string, width: number, cockpit: boolean): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width, height: width < 768 ? 812 : 900 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  const encodings = new Set<string>();
  page.on('response', (response) => {
    const u = new URL(response.url());
    if (!u.pathname.endsWith('.js')) return;
    scripts.add(u.pathname);
    encodings.add(response.headers()['content-encoding'] ?? 'identity');
  });
  try {
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    const login = new Set(scripts);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('zonedesk');
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    // networkidle alone can fire in the gap between the login and the first page's requests.
    await page.getByRole('heading', { name: '工作台' }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const dashboard = page.locator('[data-testid=kpi-dashboard]');
    if (cockpit) {
      await dashboard.waitFor({ timeout: 60_000 });
      // A chart on screen draws (as SVG on the 驾驶舱; ECharts elsewhere); wait for it, so what it fetches is counted.
      await page.locator('.zd-chart').first().waitFor({ timeout: 60_000 });
      const chartOnScreen = await page.evaluate(() =>
        [...document.querySelectorAll('.zd-chart [role=img]')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
        }),
      );
      if (chartOnScreen) await dashboard.locator('canvas, svg.zd-chart-svg').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    }
    const firstPage = new Set(scripts);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page
      .locator('main, #root')
      .first()
      .evaluate((el) => el.scrollTo?.(0, el.scrollHeight));
    // Scrolled to the end the first chart may be off screen again: it need only exist.
    if (cockpit) await dashboard.locator('canvas, svg.zd-chart-svg').first().waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { login, firstPage, encodings, afterScroll: new Set(scripts) };
  } finally {
    await context.close();
  }
}

/**
 * First load as a browser meets it: the JavaScript the login page and the first page after login
 * (工作台) fetch for each role, measured in Debian's chromium against the real server, as bytes on
 * the wire (the precompressed .gz/.br the server sends) and as raw bytes, cumulative from the login
 * page. Target (issue 16): < 500 kB gzip for every role.
 */
export async function benchWeb(): Promise<void> {
  await ensureWebBuilt();
  const server = await startServer({ DATA_DIR: `${tempDir('zonedesk-bench-web-')}/data`, DATABASE_URL: '' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    let loginShown = false;
    for (const [username, role] of roles) {
      const load = await firstLoad(browser, server.url, username, 1440, cockpitRoles.has(role));
      if (!loginShown) {
        line('login page JS, gzip', kB(sizeOf(load.login, '.gz')), 'kB', `${summary(load.login)}; sent as ${[...load.encodings].join('/')}`);
        loginShown = true;
      }
      line(
        `first page after login (工作台), ${role} (${username}), 1440 px, JS gzip, cumulative`,
        kB(sizeOf(load.firstPage, '.gz')),
        'kB',
        `${summary(load.firstPage)}; target < 500 kB gzip`,
      );
      listFiles(load.firstPage);
      const more = new Set([...load.afterScroll].filter((f) => !load.firstPage.has(f)));
      if (more.size > 0)
        line(`  then scrolled to the end (the charts below the fold), ${username}, JS gzip added`, kB(sizeOf(more, '.gz')), 'kB', summary(more));
    }
    const phone = await firstLoad(browser, server.url, 'leader', 375, true);
    line(
      'first page after login (驾驶舱), zone_leader (leader), 375 px, JS gzip, cumulative',
      kB(sizeOf(phone.firstPage, '.gz')),
      'kB',
      `${summary(phone.firstPage)}; target < 500 kB gzip`,
    );
    const more = new Set([...phone.afterScroll].filter((f) => !phone.firstPage.has(f)));
    line('  then scrolled to the charts, leader, 375 px, JS gzip added', kB(sizeOf(more, '.gz')), 'kB', summary(more));
  } finally {
    await browser.close();
    await server.stop();
  }
}
