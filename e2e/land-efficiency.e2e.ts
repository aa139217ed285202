import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectVisible, loginAs, pickOption, sidewaysScroll, type E2eContext } from './harness';

export const title =
  '亩均效益评价: the leader sees last year’s A/B/C/D from the seed, re-runs the evaluation, filters class A, opens an enterprise and sees its class on the profile; 375 and 1440 px';
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

export default async function landEfficiencyWalk({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'leader');
  await page.getByRole('menuitem', { name: '亩均效益评价' }).click();
  await expectVisible(page.getByRole('heading', { name: '亩均效益评价' }));
  const counts = page.getByTestId('le-counts');
  await expectVisible(counts.getByText(/A类（优先发展） \d+/));
  await expectVisible(counts.getByText(/D类（倒逼整治） \d+/));
  await expectVisible(counts.getByText(/数据不全 \d+/));
  await noSidewaysScroll(page, 'land-efficiency');

  // Re-run the year with the saved policy: it replaces the results and says what came out.
  await page.getByTestId('le-run').click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expectVisible(page.getByText(/评价完成：A类 \d+ 家/));

  // Class A only, then the first enterprise's profile shows its class.
  await pickOption(page, page.getByTestId('le-grade-filter'), null, 'A类（优先发展）');
  const firstRow = page.getByTestId('le-results').locator('tbody tr.ant-table-row').first();
  await expectVisible(firstRow.getByText('A类（优先发展）'));
  const name = (await firstRow.getByRole('link').first().textContent())!.trim();
  await firstRow.getByRole('link', { name }).click();
  await expectVisible(page.getByRole('heading', { name }));
  await expectVisible(page.getByTestId('profile-grade-latest').filter({ hasText: 'A' }));
  await page.getByRole('tab', { name: /亩均效益/ }).click();
  await expectVisible(page.getByTestId('profile-land-efficiency').getByTestId('profile-grade').filter({ hasText: 'A类（优先发展）' }).first());
  await noSidewaysScroll(page, 'land-efficiency-profile');

  // The policy tab: weights add up to 100.
  await page.goBack();
  await page.getByRole('tab', { name: '评价办法' }).click();
  await expectVisible(page.getByText('权重合计 100 / 100'));
}
