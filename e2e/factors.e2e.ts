import { expectHidden, expectVisible, loginAs, sidewaysScroll, type E2eContext } from './harness';

export const title =
  'the service officer raises an unresolved 要素保障 request as a 堵点 in one step and opens the blocker, downloads the 要素保障清单; the page fits 375 px';

export default async function factorsWalk({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'service');
  await page.getByRole('menuitem', { name: '要素保障' }).click();
  await expectVisible(page.getByRole('heading', { name: '要素保障' }));
  const row = page.locator('tr').filter({ hasText: '二期用地指标' });
  await row.getByRole('button', { name: '转为堵点' }).click();
  const dialog = page.getByRole('dialog', { name: /转为堵点/ });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // One transaction writes the blocker, its notifications and the request: on a loaded CI machine with the
  // embedded database this has taken longer than a form's usual wait.
  await expectHidden(dialog, 40_000);
  await expectVisible(row.getByText('已转堵点'));
  await row.getByRole('link', { name: '查看堵点' }).click();
  await expectVisible(page.getByRole('heading', { name: '用地保障：二期用地指标' }));
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${baseUrl}/factors`);
  await page.waitForLoadState('networkidle');
  const extra = await sidewaysScroll(page);
  if (extra > 0) throw new Error(`要素保障 at 375 px scrolls sideways by ${extra} px`);

  // The 要素保障清单 downloads.
  const href = await page.getByTestId('factors-export').getAttribute('href');
  const response = await page.request.get(`${baseUrl}${href}`);
  if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('spreadsheetml'))
    throw new Error(`export answered ${response.status()}`);
}
