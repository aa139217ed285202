import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectVisible, loginAs, sidewaysScroll, type E2eContext } from './harness';

export const title = 'the main pages at 375, 768 and 1440 px: no sideways scroll, a menu drawer on a phone, screenshots in test-results/screens';

/** Where `npm run test:e2e` leaves the screenshots (the README names it). */
const screensDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results/screens');

const widths = [375, 768, 1440] as const;

// 33 page loads with a full-page screenshot each.
export const timeoutMs = 240_000;

export default async function responsive({ baseUrl, browser, page }: E2eContext) {
  fs.mkdirSync(screensDir, { recursive: true });
  await loginAs(page, baseUrl, 'leader');
  await expectVisible(page.getByRole('heading', { name: '工作台' }));

  // Detail pages: the first project and lead of the demo zone, opened from their lists.
  await page.goto(`${baseUrl}/projects`);
  const projectHref = await page
    .locator('a[href^="/projects/"]')
    .filter({ hasNotText: /新建|导入/ })
    .first()
    .getAttribute('href');
  await page.goto(`${baseUrl}/leads`);
  const leadHref = await page.locator('a[href^="/leads/"]').first().getAttribute('href');
  if (!projectHref || !leadHref) throw new Error('no project or lead link on the lists');

  const pages: Array<[string, string]> = [
    ['workbench', '/'],
    ['projects', '/projects'],
    ['project', projectHref],
    ['leads', '/leads'],
    ['lead', leadHref],
    ['enterprises', '/enterprises'],
    ['blockers', '/dispatch/blockers'],
    ['meetings', '/dispatch/meetings'],
    ['campaigns', '/dispatch/campaigns'],
    ['intake', '/intake'],
    ['audit', '/admin/audit'],
  ];
  const overflowing: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 768 ? 800 : 900 });
    for (const [name, url] of pages) {
      await page.goto(`${baseUrl}${url}`);
      await page.waitForLoadState('networkidle');
      await page
        .locator('.ant-spin-spinning')
        .first()
        .waitFor({ state: 'hidden', timeout: 15_000 })
        .catch(() => undefined);
      const extra = await sidewaysScroll(page);
      if (extra > 0) overflowing.push(`${name} at ${width} px: ${extra} px too wide`);
      await page.screenshot({ path: path.join(screensDir, `${name}-${width}.png`), fullPage: true });
    }
  }
  if (overflowing.length > 0) throw new Error(`pages scroll sideways:\n${overflowing.join('\n')}`);

  // On a phone the menu is a drawer behind the header's button, not a strip beside the page.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${baseUrl}/`);
  if (await page.locator('.ant-layout-sider').isVisible()) throw new Error('the side menu shows at 375 px');
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('menuitem', { name: '项目管理' }).click();
  await expectVisible(page.getByRole('heading', { name: '项目管理' }));
  if ((await page.title()) !== '项目管理 · zonedesk') throw new Error(`tab title is "${await page.title()}"`);

  // The province viewer's header also holds the zone switcher (全部开发区): it still fits a phone.
  const province = await browser.newContext({ viewport: { width: 375, height: 800 } });
  try {
    const phone = await province.newPage();
    await loginAs(phone, baseUrl, 'province');
    await expectVisible(phone.getByRole('heading', { name: '工作台' }), 30_000);
    await phone.waitForLoadState('networkidle');
    const extra = await sidewaysScroll(phone);
    if (extra > 0) throw new Error(`the province viewer's 工作台 at 375 px is ${extra} px too wide`);
    await phone.screenshot({ path: path.join(screensDir, 'workbench-province-375.png'), fullPage: true });
  } finally {
    await province.close();
  }
}
