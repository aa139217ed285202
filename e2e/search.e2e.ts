import { expectVisible, loginAs, type E2eContext } from './harness';

export const title = 'officer presses Ctrl+K, types part of a project name, opens it with Enter';

export default async function globalSearch({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'officer');
  await expectVisible(page.getByRole('heading', { name: '工作台' }));
  await page.keyboard.press('Control+k');
  const box = page.getByPlaceholder('项目、线索、企业或堵点的名称、编号');
  await expectVisible(box);
  await box.fill('精密铸造');
  await expectVisible(page.getByRole('option').filter({ hasText: '恒远精密铸造智能化改造项目' }));
  // Another zone's project never shows (河津's 铝型材 project, searched from 汾东).
  await box.fill('铝型材');
  await expectVisible(page.getByText('没有找到可查看的记录').or(page.getByRole('option').filter({ hasText: '企业' })));
  if ((await page.getByRole('option').filter({ hasText: '河津高端铝型材项目' }).count()) > 0) throw new Error('another zone\'s project in the search');
  await box.fill('精密铸造');
  await expectVisible(page.getByRole('option').filter({ hasText: '恒远精密铸造智能化改造项目' }));
  await box.press('Enter');
  await expectVisible(page.getByRole('heading', { name: '恒远精密铸造智能化改造项目' }));
  if (!page.url().includes('/projects/')) throw new Error(`Enter did not open the project: ${page.url()}`);
}
