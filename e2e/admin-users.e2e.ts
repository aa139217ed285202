import { expectHidden, expectVisible, loginAs, pickTag, type E2eContext } from './harness';

export const title = 'admin creates a user in 用户管理 and reads its 历史记录';

export default async function adminCreatesUser({ baseUrl, page }: E2eContext) {
  const username = `e2e${Date.now().toString(36)}`;
  const displayName = `测试${username.slice(-4)}`;

  await loginAs(page, baseUrl, 'admin');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expectVisible(page.getByRole('heading', { name: '用户管理' }));

  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await expectVisible(dialog);
  await dialog.getByLabel('用户名', { exact: true }).fill(username);
  await dialog.getByLabel('姓名', { exact: true }).fill(displayName);
  await dialog.getByLabel('初始密码', { exact: true }).fill('zonedesk-e2e');
  // The default role (招商专员) needs zones: type to filter, then pick the match from the dropdown
  // (antd's visible options are not the ARIA `option`s, which sit in a hidden listbox).
  await pickTag(page, dialog.getByLabel('开发区', { exact: true }), '汾东', '汾东经开区');
  // antd spaces two-character Chinese button labels ("保 存").
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(dialog);

  const row = page.getByRole('row').filter({ hasText: username });
  await expectVisible(row);
  await expectVisible(row.getByText(displayName));

  await row.getByRole('button', { name: /历史记录/ }).click();
  const drawer = page.getByRole('dialog', { name: new RegExp(`历史记录.*${displayName}`) });
  await expectVisible(drawer);
  await expectVisible(drawer.getByTestId('history-entry').filter({ hasText: '新建用户' }));
  await expectVisible(drawer.getByText(username));
}
