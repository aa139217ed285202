import { expectVisible, loginAs, type E2eContext } from './harness';

export const title =
  '企业库: sort kept in the address across a reload, industries by name, a duplicate credit code names the field and links the existing enterprise';

export default async function enterprises({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'officer');
  await expectVisible(page.getByRole('heading', { name: '工作台' }));
  await page.goto(`${baseUrl}/enterprises`);
  await expectVisible(page.getByRole('heading', { name: '企业库' }));
  await expectVisible(page.getByText(/^共 \d+ 条$/));

  // Sort by registered capital, largest first: the address keeps it, a reload shows the same order.
  // antd cycles 升序 → 降序 → none on each click: click until the address says descending (a click that lands while
  // the table re-renders is lost on a loaded machine).
  const header = page.getByRole('columnheader', { name: '注册资本' });
  for (let i = 0; i < 4 && new URL(page.url()).searchParams.get('order') !== 'desc'; i++) {
    await header.click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'registeredCapital', { timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
  }
  await page.waitForURL((url) => url.searchParams.get('sort') === 'registeredCapital' && url.searchParams.get('order') === 'desc');
  // The sorted page has arrived (the table's spinner gone, the header marked descending).
  await expectVisible(page.locator('th[aria-sort="descending"]').filter({ hasText: '注册资本' }));
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'hidden' });
  const firstBefore = await page.locator('.ant-table-tbody tr').first().locator('a').first().innerText();
  await page.reload();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'hidden' });
  await expectVisible(page.locator('.ant-table-tbody tr a').filter({ hasText: firstBefore }));
  if ((await page.locator('.ant-table-tbody tr').first().locator('a').first().innerText()) !== firstBefore) throw new Error('the order changed on reload');
  // 所属行业 by name, never a bare code.
  await expectVisible(page.locator('.ant-table-tbody td').filter({ hasText: /^C\d{2} \S+/ }));
  const exportHref = await page.getByRole('link', { name: /导出企业库/ }).getAttribute('href');
  if (!exportHref?.includes('sort=registeredCapital')) throw new Error(`export does not follow the list: ${exportHref}`);

  // A duplicate credit code: the field is marked and the existing enterprise is one click away.
  await page.getByRole('button', { name: '新建企业' }).click();
  const modal = page.locator('.ant-modal');
  await modal.getByLabel('企业名称', { exact: true }).fill('汾东轨道重复测试有限公司');
  await modal.getByLabel('统一社会信用代码', { exact: true }).fill('91140802M5KRTH9K5A');
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expectVisible(modal.getByText('该统一社会信用代码已登记为另一家企业'));
  await expectVisible(modal.locator('.ant-form-item-has-error').filter({ hasText: '统一社会信用代码' }));
  await modal.getByRole('link', { name: '打开已有企业' }).click();
  await expectVisible(page.getByRole('heading', { name: '中车汾东轨道装备有限公司' }));
}
