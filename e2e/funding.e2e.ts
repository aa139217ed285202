import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectHidden, expectVisible, loginAs, sidewaysScroll, submitUntilAnswered, type E2eContext } from './harness';

export const title =
  'the service officer reads the funding summary from the seed, advances an application, refuses granted above asked, records a contact, exports; the page fits 375 and 1440 px';
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

export default async function fundingWalk({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'service');
  await page.getByRole('menuitem', { name: '向上争取资金' }).click();
  await expectVisible(page.getByRole('heading', { name: '向上争取资金' }));
  // The seed's worked example, computed from the records.
  await expectVisible(page.getByTestId('funding-summary-text').filter({ hasText: '储备 12 个，申报 5 个，对接 20 次，争取资金 9500 万元' }));
  await noSidewaysScroll(page, 'funding');

  // Applications: 智能矿山装备 (谋划) moves to 申报; 汾东冷链 is not applying yet.
  await page.getByRole('tab', { name: '资金申报' }).click();
  const row = page.locator('tr').filter({ hasText: '智能矿山装备制造基地项目' });
  await row.getByRole('button', { name: '推进到“申报”' }).click();
  const advance = page.getByRole('dialog', { name: /推进申报/ });
  await advance.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(advance);
  await expectVisible(row.getByRole('button', { name: '推进到“评审”' }));
  await row.getByRole('button', { name: '推进到“评审”' }).click();
  await advance.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(advance);
  // 下达 above the amount asked (1200 万元) is refused under the field.
  await row.getByRole('button', { name: '推进到“下达”' }).click();
  await advance.getByLabel('下达金额（万元）', { exact: true }).fill('1300');
  const refused = await submitUntilAnswered(page, advance.getByRole('button', { name: /保\s*存/ }), (method, url) => method === 'PATCH' && url.includes('/api/funding/applications/'));
  if (refused.status() !== 400) throw new Error(`下达 above the amount asked answered ${refused.status()}`);
  await expectVisible(advance.getByText('下达资金不能超过申请金额'));
  await advance.getByLabel('下达金额（万元）', { exact: true }).fill('1000');
  await advance.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(advance);
  await expectVisible(row.getByText('下达'));

  // A contact with an upper department.
  await page.getByRole('tab', { name: '对接记录' }).click();
  await page.getByTestId('funding-new-contact').click();
  const contact = page.getByRole('dialog', { name: '新增对接记录' });
  await contact.getByLabel('对接部门', { exact: true }).fill('省工业和信息化厅');
  await contact.getByLabel('对接内容', { exact: true }).fill('E2E 汇报技改项目储备');
  await contact.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(contact);
  await expectVisible(page.getByText('E2E 汇报技改项目储备'));

  // The summary follows: 申报 6, 对接 21, 争取资金 10500 万元.
  await page.getByRole('tab', { name: '汇总' }).click();
  await expectVisible(page.getByTestId('funding-summary-text').filter({ hasText: '储备 12 个，申报 6 个，对接 21 次，争取资金 10500 万元' }));

  // The ledger downloads.
  const href = await page.getByTestId('funding-export').getAttribute('href');
  const response = await page.request.get(`${baseUrl}${href}`);
  if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('spreadsheetml'))
    throw new Error(`export answered ${response.status()}`);
}
