import { expectHidden, expectVisible, loginAs, type E2eContext } from './harness';

export const title = 'officer logs in, sees 工作台 and 汾东经开区, switches to English and back';

export default async function officerShell({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'officer');
  await expectVisible(page.getByRole('heading', { name: '工作台' }));
  await expectVisible(page.getByText('汾东经开区', { exact: true }));
  // An investment officer has no admin pages, so the menu must not offer them.
  if ((await page.getByRole('menuitem', { name: '用户管理' }).count()) > 0) throw new Error('officer sees 用户管理 in the menu');

  await page.getByText('English', { exact: true }).click();
  await expectVisible(page.getByRole('heading', { name: 'Workbench' }));
  await expectVisible(page.getByRole('menuitem', { name: 'Workbench' }));
  if ((await page.locator('html').getAttribute('lang')) !== 'en-US') throw new Error('<html lang> did not follow the language');

  await page.getByText('中文', { exact: true }).click();
  await expectVisible(page.getByRole('heading', { name: '工作台' }));
  await expectHidden(page.getByRole('heading', { name: 'Workbench' }));
}
