import fs from 'node:fs';
import path from 'node:path';
import { expectHidden, expectVisible, loginAs, sidewaysScroll, type E2eContext } from './harness';

export const title = 'the approval agent sees the overdue case escalated on the worklist, moves a 全代办 case to its next step; 375 and 1440 px';
export const timeoutMs = 90_000;

const screensDir = path.resolve(import.meta.dirname, '..', 'test-results', 'screens');

export default async function approvalServicesWalk({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'agent');
  await page.getByRole('menuitem', { name: '审批服务' }).click();
  await expectVisible(page.getByRole('heading', { name: /审批服务/ }));
  const overdue = page.locator('tr').filter({ hasText: '施工图设计文件审查' });
  await expectVisible(overdue.getByText(/超期 \d+ 个工作日/));
  await expectVisible(overdue.getByText('分管领导'));
  fs.mkdirSync(screensDir, { recursive: true });
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 860 });
    await page.waitForLoadState('networkidle');
    const extra = await sidewaysScroll(page);
    await page.screenshot({ path: path.join(screensDir, `approval-services-${width}.png`), fullPage: true });
    if (extra > 0) throw new Error(`approval services at ${width} px scrolls sideways by ${extra} px`);
  }
  const fresh = page.locator('tr').filter({ hasText: '山西汾东氢能装备有限公司' }).filter({ hasText: '受理' });
  await fresh.getByRole('button', { name: '推进到“材料齐全”' }).click();
  const dialog = page.getByRole('dialog', { name: /推进办件/ });
  // The dialog opens animated and fills its date after it mounts: save once both are done (a click
  // before was lost once on a loaded machine).
  await expectVisible(dialog);
  await dialog.locator('input').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => [...document.querySelectorAll('.ant-modal input')].some((i) => (i as HTMLInputElement).value !== ''));
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(dialog);
  await expectVisible(page.locator('tr').filter({ hasText: '山西汾东氢能装备有限公司' }).getByRole('button', { name: '推进到“报件”' }));
}
