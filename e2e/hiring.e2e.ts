import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectHidden, expectVisible, loginAs, pickOption, pickTag, sidewaysScroll, type E2eContext } from './harness';

export const title =
  'the service officer reads the hiring totals, posts a demand (filled above headcount refused), adds a fair offering it (hires above applicants refused), downloads the demand list; 375 and 1440 px';
export const timeoutMs = 120_000;

const screensDir = path.resolve(import.meta.dirname, '..', 'test-results', 'screens');

async function noSidewaysScroll(page: Page, name: string) {
  fs.mkdirSync(screensDir, { recursive: true });
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 860 });
    await page.waitForLoadState('networkidle');
    const extra = await sidewaysScroll(page);
    await page.screenshot({ path: path.join(screensDir, `${name}-${width}.png`), fullPage: true });
    if (extra > 0) throw new Error(`${name} at ${width} px scrolls sideways by ${extra} px`);
  }
}

export default async function hiringWalk({ baseUrl, page }: E2eContext) {
  const position = `E2E激光焊工${Date.now().toString(36)}`;
  await loginAs(page, baseUrl, 'service');
  await page.getByRole('menuitem', { name: '揽才服务' }).click();
  await expectVisible(page.getByRole('heading', { name: '揽才服务' }));
  await expectVisible(page.getByTestId('hiring-summary-text').filter({ hasText: '岗位 520 个（7 家企业）' }));
  await noSidewaysScroll(page, 'hiring');

  // A demand post; filled above the headcount is refused under the field.
  await page.getByRole('tab', { name: '岗位需求' }).click();
  await page.getByTestId('hiring-new-post').click();
  const form = page.getByRole('dialog', { name: '发布岗位需求' });
  await pickOption(page, form.getByLabel('企业', { exact: true }), '中车汾东', '中车汾东轨道装备有限公司');
  await form.getByLabel('所属产业', { exact: true }).fill('光机电');
  await form.getByLabel('岗位名称', { exact: true }).fill(position);
  await form.getByLabel('需求人数', { exact: true }).fill('10');
  await form.getByLabel('已招', { exact: true }).fill('12');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expectVisible(form.getByText('已招人数不能超过岗位需求数'));
  await form.getByLabel('已招', { exact: true }).fill('2');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(form);
  await expectVisible(page.locator('tr').filter({ hasText: position }).getByText('2 / 10'));

  // A fair offering it; more hires than applicants is refused.
  await page.getByRole('tab', { name: '招聘会' }).click();
  await page.getByTestId('hiring-new-fair').click();
  const fair = page.getByRole('dialog', { name: '新增招聘会' });
  await fair.getByLabel('招聘会名称', { exact: true }).fill('E2E激光装备专场');
  await fair.getByLabel('求职人数', { exact: true }).fill('30');
  await fair.getByLabel('录用人数', { exact: true }).fill('31');
  await pickTag(page, fair.getByLabel('提供岗位', { exact: true }), 'E2E激光', position);
  await fair.getByLabel('招聘会名称', { exact: true }).click();
  await fair.getByRole('button', { name: /保\s*存/ }).click();
  await expectVisible(fair.getByText('录用人数不能超过求职人数'));
  await fair.getByLabel('录用人数', { exact: true }).fill('6');
  await fair.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(fair);
  const row = page.locator('tr').filter({ hasText: 'E2E激光装备专场' });
  await expectVisible(row);

  // The fair's demand list downloads.
  const href = await row.getByRole('link', { name: '.xlsx' }).getAttribute('href');
  const response = await page.request.get(`${baseUrl}${href}`);
  if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('spreadsheetml'))
    throw new Error(`demand list answered ${response.status()}`);

  // The totals follow: 530 positions.
  await page.getByRole('tab', { name: '汇总' }).click();
  await expectVisible(page.getByTestId('hiring-summary-text').filter({ hasText: '岗位 530 个（7 家企业）' }));
}
