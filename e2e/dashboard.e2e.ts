import type { Page } from 'playwright-core';
import { expectVisible, loginAs, type E2eContext } from './harness';

export const title =
  'the leader’s 工作台 is the 驾驶舱 (demo figures; the funding, hiring and 银企对接 lines and their pages; a figure and a slipped project click through to their records; print view); the province viewer ranks the zones, by city, drills province → city → zone → project';
export const timeoutMs = 180_000;

/** The page's content fits the phone's width (no sideways scrolling of the page itself; tables scroll in their own box). */
async function expectFits(page: Page, width: number) {
  const content = await page.evaluate(() => {
    const main = document.querySelector('.ant-layout-content') as HTMLElement | null;
    return main ? { scroll: main.scrollWidth, right: Math.round(main.getBoundingClientRect().right) } : null;
  });
  if (content && (content.scroll > width + 1 || content.right > width + 1)) throw new Error(`the page content is wider than ${width} px: ${JSON.stringify(content)}`);
}

/** The KPI job fills the summaries a second after the server starts: reload until the figures are in. */
async function waitForFigures(page: Page) {
  const signed = page.getByTestId('kpi-signed');
  for (let i = 0; i < 30; i++) {
    await expectVisible(signed, 30_000);
    if (!(await signed.innerText()).includes('0万元\n') && !/签约额\s*0万元/.test(await signed.innerText())) return;
    await page.waitForTimeout(1000);
    await page.reload();
  }
}

export default async function dashboardWalk({ baseUrl, page }: E2eContext) {
  // ── The leader ──
  await loginAs(page, baseUrl, 'leader');
  await expectVisible(page.getByTestId('kpi-dashboard'), 30_000);
  await waitForFigures(page);
  await expectVisible(page.getByText(/驾驶舱 · 汾东/));
  await expectVisible(page.getByText('投资计划与完成（按月）'));
  await expectVisible(page.getByText('招商漏斗'));
  // Charts drew (as SVG, without ECharts: the 驾驶舱's first screen).
  await expectVisible(page.locator('[data-testid=kpi-dashboard] svg.zd-chart-svg').first(), 30_000);
  await expectVisible(page.getByRole('button', { name: /导出数据/ }).first());
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `test-results/dashboard-leader-${width}.png`, fullPage: true });
    await expectFits(page, width);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // The print view hides the shell and the buttons.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'test-results/dashboard-print.png', fullPage: true });
  if (await page.locator('.ant-layout-sider').isVisible()) throw new Error('the print view still shows the side menu');
  await page.emulateMedia({ media: 'screen' });

  // 企业服务: the funding sentence, the 岗位 total and the quarter's 银企对接 line of the seed, each opening its page.
  const funding = page.getByTestId('kpi-funding');
  await expectVisible(funding);
  const fundingText = '储备 12 个，申报 5 个，对接 20 次，争取资金 9500 万元';
  if ((await funding.innerText()).trim() !== fundingText) throw new Error(`the 驾驶舱's funding line reads "${await funding.innerText()}", not "${fundingText}"`);
  const hiring = await page.getByTestId('kpi-hiring').innerText();
  if (!hiring.startsWith('岗位 520 个')) throw new Error(`the 驾驶舱's hiring line reads "${hiring}"`);
  const finance = await page.getByTestId('kpi-finance').innerText();
  if (!/季度：对接会 \d+ 场/.test(finance)) throw new Error(`the 驾驶舱's 银企对接 line reads "${finance}"`);
  await funding.click();
  await page.waitForURL(/\/funding$/);
  await expectVisible(page.getByTestId('funding-summary-text').getByText(fundingText));
  await page.goto(`${baseUrl}/`);
  await expectVisible(page.getByTestId('kpi-hiring'), 30_000);
  await page.getByTestId('kpi-hiring').click();
  await page.waitForURL(/\/hiring$/);
  await page.goto(`${baseUrl}/`);
  await expectVisible(page.getByTestId('kpi-finance'), 30_000);
  await page.getByTestId('kpi-finance').click();
  await page.waitForURL(/\/finance$/);
  await page.goto(`${baseUrl}/`);
  await waitForFigures(page);

  // 红灯项目 → the projects list filtered to red.
  const red = page.getByTestId('kpi-red');
  const redCount = Number((await red.locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
  await red.click();
  await page.waitForURL(/\/projects\?flag=red/);
  await expectVisible(page.locator('.ant-table-row').first());
  const rows = await page.locator('.ant-table-row').count();
  if (rows !== redCount) throw new Error(`the 驾驶舱 said ${redCount} red projects, the list shows ${rows}`);

  // A slipped project → its page.
  await page.goto(`${baseUrl}/`);
  const slipped = page.getByTestId('kpi-slipped-project').first();
  await expectVisible(slipped, 30_000);
  const projectName = await slipped.innerText();
  await slipped.click();
  await page.waitForURL(/\/projects\/[0-9a-f-]+$/);
  await expectVisible(page.getByText(projectName).first());

  // ── The province viewer ──
  await page.context().clearCookies();
  await loginAs(page, baseUrl, 'province');
  await expectVisible(page.getByTestId('kpi-dashboard'), 30_000);
  await expectVisible(page.getByText(/驾驶舱 · 全部 \d+ 个开发区/));
  // The province's funding line is the sum over its zones: more reserve entries than 汾东's 12.
  const provinceFunding = await page.getByTestId('kpi-funding').innerText();
  const reserve = Number(/储备 (\d+) 个/.exec(provinceFunding)?.[1]);
  if (!(reserve > 12)) throw new Error(`the province's funding line reads "${provinceFunding}"`);
  await page.getByRole('menuitem', { name: /开发区排名/ }).click();
  await page.waitForURL(/\/rankings/);
  const table = page.getByTestId('rank-table');
  await expectVisible(table.locator('.ant-table-row').first());
  if ((await table.locator('.ant-table-row').count()) < 3) throw new Error('the province ranking lists fewer than 3 zones');
  // Rank on 工业投资 growth (the address keeps it).
  await page.goto(`${baseUrl}/rankings?indicator=industrialInvestment&basis=growth`);
  await expectVisible(table.locator('.ant-table-row').first());
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `test-results/dashboard-ranking-${width}.png`, fullPage: true });
    await expectFits(page, width);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // Province → city → zone → project.
  await page.getByText('按市', { exact: true }).click();
  const city = table.getByTestId('rank-drill').filter({ hasText: /^运城市$/ });
  await expectVisible(city);
  await city.click();
  const zone = table.getByTestId('rank-drill').filter({ hasText: /^汾东/ });
  await expectVisible(zone);
  await expectVisible(page.locator('.ant-breadcrumb').getByText('运城市'));
  await zone.click();
  await page.waitForURL(/\/rankings\/zones\/[0-9a-f-]+$/);
  await expectVisible(page.getByText(/驾驶舱 · 汾东/), 30_000);
  const project = page.getByTestId('kpi-slipped-project').first();
  await expectVisible(project);
  await project.click();
  await page.waitForURL(/\/projects\/[0-9a-f-]+$/);
}
