import { expectHidden, expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title = 'admin gives a person record (a 包联领导 an import named) a login in 用户管理; it signs in and must change its password';

export default async function personLogin({ baseUrl, browser, page }: E2eContext) {
  const username = `yang${Date.now().toString(36)}`;
  await loginAs(page, baseUrl, 'admin');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expectVisible(page.getByRole('heading', { name: '用户管理' }));

  // Only the person records: the demo's 杨志强, who has no login.
  await pickOption(page, page.getByLabel('类型筛选', { exact: true }), null, '人员记录');
  const row = page.getByRole('row').filter({ hasText: '杨志强' });
  await expectVisible(row);
  await expectVisible(row.getByText('人员记录'));
  await expectHidden(row.getByRole('button', { name: '重置密码' }), 2_000);

  await row.getByRole('button', { name: '开通登录' }).click();
  const dialog = page.getByRole('dialog', { name: '为 杨志强 开通登录账号' });
  await expectVisible(dialog);
  await dialog.getByLabel('用户名', { exact: true }).fill(username);
  await dialog.getByLabel('初始密码', { exact: true }).fill('Baolian-2026');
  await dialog.getByRole('button', { name: '开通登录' }).click();
  await expectVisible(page.getByText(`已为 杨志强 开通登录账号 ${username}`));
  await expectHidden(dialog);
  // No longer a person record: the filtered list empties of him.
  await expectHidden(page.getByRole('row').filter({ hasText: '杨志强' }));

  const context = await browser.newContext();
  const fresh = await context.newPage();
  try {
    await loginAs(fresh, baseUrl, username, 'Baolian-2026');
    await expectVisible(fresh.getByRole('dialog', { name: '修改密码' }));
  } finally {
    await context.close();
  }
}
