import type { Page } from 'playwright-core';
import { chinaDaysFrom, systemClock } from '../src/server/platform/clock.ts';
import { expectVisible, loginAs, type E2eContext } from './harness';

export const title = 'projects officer creates a project, plans its milestones, files progress, and sees the flag turn red when a node slips';

/** A day in China relative to today (the app under test runs on the system clock). */
const chinaDay = (offsetDays = 0) => chinaDaysFrom(systemClock, offsetDays);

/** antd's DatePicker: type the date into its input and confirm. */
async function pickDate(page: Page, testId: string, day: string) {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

async function flagIs(page: Page, flag: 'green' | 'yellow' | 'red') {
  await expectVisible(page.locator(`h4 ~ [data-testid="project-flag"][data-flag="${flag}"], [data-testid="project-flag"][data-flag="${flag}"]`));
}

export default async function projectsWalk({ baseUrl, page }: E2eContext) {
  const name = `E2E测试新材料项目${Date.now().toString(36)}`;

  // 1. Create: money typed in 万元.
  await loginAs(page, baseUrl, 'projects');
  await page.getByRole('menuitem', { name: '项目管理' }).click();
  await expectVisible(page.getByRole('heading', { name: '项目管理' }));
  await page.getByRole('button', { name: '新建项目' }).click();
  await expectVisible(page.getByRole('heading', { name: '新建项目' }));
  const form = page.locator('form');
  await form.getByLabel('项目名称', { exact: true }).fill(name);
  await form.getByLabel('总投资（万元）', { exact: true }).fill('12000');
  await page.getByTestId('project-save').click();
  await expectVisible(page.getByTestId('project-title').filter({ hasText: name }));
  await flagIs(page, 'green');

  // 2. Plan the first node ahead of today: still green.
  await page.getByRole('tab', { name: '节点计划' }).click();
  await pickDate(page, 'milestone-planned-0', chinaDay(10));
  await pickDate(page, 'milestone-planned-1', chinaDay(60));
  await page.getByTestId('milestones-save').click();
  await expectVisible(page.getByText('节点计划已保存'));
  await flagIs(page, 'green');

  // 3. File progress for the current period.
  await page.getByRole('tab', { name: '进度填报' }).click();
  await page.locator('[data-testid="report-amount"] input, input[data-testid="report-amount"]').first().fill('800');
  await page.getByTestId('report-submit').click();
  await expectVisible(page.getByText('进度已填报，累计完成投资和形象进度已更新'));
  await expectVisible(page.locator('.ant-table-row').filter({ hasText: '800万元' }));

  // 4. The first node slips: planned 40 days ago and not done. The flag turns red, here and in the list.
  await page.getByRole('tab', { name: '节点计划' }).click();
  await pickDate(page, 'milestone-planned-0', chinaDay(-40));
  await page.getByTestId('milestones-save').click();
  await flagIs(page, 'red');
  await expectVisible(page.getByText('超期 40'));
  // The flag history keeps the change: 绿灯 → 红灯, with its reason.
  await page.getByRole('tab', { name: '红黄绿灯变化' }).click();
  await expectVisible(page.getByTestId('flag-history').locator('[data-flag="red"]').filter({ hasText: '超期 40' }));
  await page.getByRole('menuitem', { name: '项目管理' }).click();
  await expectVisible(page.locator('.ant-table-row').filter({ hasText: name }).locator('[data-flag="red"]'));

  // 4b. 标准地履标 exports the list as filtered on screen.
  await page.getByRole('menuitem', { name: '标准地履标' }).click();
  await expectVisible(page.getByRole('heading', { name: '标准地履标' }));
  const landDownload = page.waitForEvent('download', { timeout: 15_000 });
  await page.getByRole('link', { name: /导\s*出/ }).click();
  const landFile = await landDownload;
  if (!landFile.suggestedFilename().startsWith('标准地履标')) throw new Error(`unexpected download ${landFile.suggestedFilename()}`);
  await page.getByRole('menuitem', { name: '项目管理' }).click();

  // 5. Export the dispatch sheet (重点项目调度表) of the zone: the download is an .xlsx.
  await page.getByTestId('sheet-export').click();
  const sheetDownload = page.getByTestId('sheet-download');
  await expectVisible(sheetDownload);
  if (await sheetDownload.isDisabled()) {
    await page.getByTestId('sheet-zone').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
  }
  const download = page.waitForEvent('download', { timeout: 15_000 });
  await sheetDownload.click();
  const file = await download;
  if (!file.suggestedFilename().endsWith('.xlsx')) throw new Error(`unexpected download ${file.suggestedFilename()}`);
  if (await file.failure()) throw new Error(`the dispatch sheet download failed: ${await file.failure()}`);
}
