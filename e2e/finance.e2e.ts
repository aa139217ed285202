import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectHidden, expectVisible, loginAs, pickOption, sidewaysScroll, type E2eContext } from './harness';

export const title =
  'the service officer reads the quarterly 银企对接 summary from the seed, records a financing need, refers it to a bank, records the loan (above the need refused), exports; 375 and 1440 px';
export const timeoutMs = 150_000;

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
  await page.setViewportSize({ width: 1366, height: 800 });
}

export default async function financeWalk({ baseUrl, page }: E2eContext) {
  const purpose = `E2E设备更新${Date.now().toString(36)}`;
  await loginAs(page, baseUrl, 'service');
  await page.getByRole('menuitem', { name: '银企对接' }).click();
  await expectVisible(page.getByRole('heading', { name: '金融服务 · 银企对接' }));
  // The seed's quarters, computed from the records.
  await expectVisible(page.getByTestId('finance-summary-text').filter({ hasText: '对接会 1 场，融资需求 2 笔 1500 万元，推荐对接 1 次，放款 1 笔 600 万元' }));
  await expectVisible(page.getByTestId('finance-summary-total').filter({ hasText: '近四个季度：对接会 4 场，融资需求 8 笔 14400 万元，推荐对接 10 次，放款 6 笔 10600 万元' }));
  await noSidewaysScroll(page, 'finance');

  // A financing need of 中车汾东.
  await page.getByRole('tab', { name: '融资需求' }).click();
  await page.getByTestId('finance-new-need').click();
  const needForm = page.getByRole('dialog', { name: '登记融资需求' });
  const enterprise = needForm.getByLabel('企业', { exact: true });
  await pickOption(page, enterprise, '中车汾东', '中车汾东轨道装备有限公司');
  await needForm.getByLabel('融资金额（万元）', { exact: true }).fill('300');
  await needForm.getByLabel('资金用途', { exact: true }).fill(purpose);
  await needForm.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(needForm);
  const needRow = page.locator('tr').filter({ hasText: purpose });
  await expectVisible(needRow.getByText('待对接'));
  await noSidewaysScroll(page, 'finance-needs');

  // Referred to 建设银行.
  await page.getByRole('tab', { name: '推荐对接' }).click();
  await page.getByTestId('finance-new-referral').click();
  const referForm = page.getByRole('dialog', { name: '推荐', exact: true });
  await pickOption(page, referForm.getByLabel('融资需求', { exact: true }), 'E2E', purpose);
  await pickOption(page, referForm.getByLabel('金融机构', { exact: true }), '建设', '中国建设银行运城分行');
  await pickOption(page, referForm.getByLabel('金融产品', { exact: true }), null, '善新贷');
  await referForm.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(referForm);
  const row = page.locator('tr').filter({ hasText: '中车汾东' }).filter({ hasText: '善新贷' }).filter({ hasText: '跟进中' });
  await expectVisible(row);

  // The loan: above the need (300 万元) is refused under the field, then granted.
  await row.getByRole('button', { name: '登记结果' }).click();
  const outcome = page.getByRole('dialog', { name: /对接结果/ });
  await pickOption(page, outcome.getByLabel('结果', { exact: true }), null, '已放款');
  await outcome.getByLabel('放款金额（万元）', { exact: true }).fill('400');
  await outcome.getByRole('button', { name: /保\s*存/ }).click();
  await expectVisible(outcome.getByText('放款金额不能超过融资需求金额'));
  await outcome.getByLabel('放款金额（万元）', { exact: true }).fill('300');
  await outcome.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(outcome);
  await expectVisible(page.locator('tr').filter({ hasText: '善新贷' }).filter({ hasText: '已放款' }).filter({ hasText: '300万元' }));

  // The quarter follows: 3 needs (1800 万元), 2 referrals, 2 loans (900 万元); the need reads 已放款.
  await page.getByRole('tab', { name: '季度汇总' }).click();
  await expectVisible(page.getByTestId('finance-summary-text').filter({ hasText: '融资需求 3 笔 1800 万元，推荐对接 2 次，放款 2 笔 900 万元' }));
  await page.getByRole('tab', { name: '融资需求' }).click();
  await expectVisible(needRow.getByText('已放款'));

  // The ledger downloads.
  const href = await page.getByTestId('finance-export').getAttribute('href');
  const response = await page.request.get(`${baseUrl}${href}`);
  if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('spreadsheetml'))
    throw new Error(`export answered ${response.status()}`);
}
