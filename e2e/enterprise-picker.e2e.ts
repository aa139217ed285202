import { expectVisible, loginAs, type E2eContext } from './harness';

export const title =
  'enterprise picker on a phone: the project form searches enterprises as one types, picks one with the keyboard, and shows its name when the project is edited';

/** The shared EnterprisePicker (src/web/components/enterprise-picker.tsx) as the project form uses it, at a phone's width. */
export default async function enterprisePickerWalk({ baseUrl, page }: E2eContext) {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, baseUrl, 'projects');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // One enterprise of the demo library, read as the page would (the session cookie is the page's).
  const answer = await page.evaluate(async () => (await fetch('/api/enterprises?pageSize=1', { credentials: 'same-origin' })).json());
  const enterprise = (answer as { items?: { name: string; creditCode: string | null }[] }).items?.[0];
  if (!enterprise) throw new Error(`no enterprise to pick: ${JSON.stringify(answer).slice(0, 300)}`);

  await page.goto(`${baseUrl}/projects/new`);
  const form = page.locator('form');
  const name = `E2E企业选择项目${Date.now().toString(36)}`;
  await form.getByLabel('项目名称', { exact: true }).fill(name);
  await form.getByLabel('总投资（万元）', { exact: true }).fill('5000');

  // Type part of the name: the list narrows to it, name and credit code on two lines, within the screen.
  const investor = form.getByLabel('投资企业', { exact: true });
  await investor.click();
  await investor.pressSequentially(enterprise.name.slice(0, 4));
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: enterprise.name }).first();
  await expectVisible(option);
  if (enterprise.creditCode) await expectVisible(option.getByText(enterprise.creditCode));
  const box = await page.locator('.ant-select-dropdown:visible').boundingBox();
  if (!box || box.x < 0 || box.x + box.width > 390) throw new Error(`the dropdown does not fit a 390 px screen: ${JSON.stringify(box)}`);

  // Keyboard: move to the enterprise and take it with Enter.
  for (let i = 0; i < 20 && (await option.getAttribute('class'))?.includes('ant-select-item-option-active') !== true; i += 1) await investor.press('ArrowDown');
  await investor.press('Enter');
  await expectVisible(form.locator('.ant-select').filter({ hasText: enterprise.name }));

  await page.getByTestId('project-save').click();
  await expectVisible(page.getByTestId('project-title').filter({ hasText: name }));

  // Editing: the picker shows the chosen enterprise's name before any search.
  await page.goto(`${page.url()}/edit`);
  await expectVisible(page.locator('form .ant-select').filter({ hasText: enterprise.name }));
}
