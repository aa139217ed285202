import { expectVisible, loginAs, type E2eContext } from './harness';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'leader edits a project and reads the change as Chinese prose in the audit log and the record history';

const screenshot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots', 'audit-page.png');

export default async function auditWalk({ baseUrl, page }: E2eContext) {
  // 1. 张建国 (leader) changes a project's total investment, typed in 万元.
  await loginAs(page, baseUrl, 'leader');
  await page.getByRole('menuitem', { name: '项目管理' }).click();
  await expectVisible(page.getByRole('heading', { name: '项目管理' }));
  await page.locator('.ant-table-row a').first().click();
  const projectName = (await page.getByTestId('project-title').first().innerText()).trim();
  await page.getByRole('button', { name: /^编\s?辑$/ }).click();
  const form = page.locator('form');
  await form.getByLabel('总投资（万元）', { exact: true }).fill('34321');
  await form.getByLabel('固定资产投资（万元）', { exact: true }).fill('30000');
  await page.getByTestId('project-save').click();
  await expectVisible(page.getByTestId('project-title').filter({ hasText: projectName }));

  // 2. The history drawer says it in a sentence.
  await page.getByRole('button', { name: '历史记录' }).click();
  await expectVisible(
    page
      .getByTestId('history-entry')
      .filter({ hasText: `张建国 修改了 项目「${projectName}」` })
      .filter({ hasText: '改为 3.4321亿元' }),
  );
  await page.keyboard.press('Escape');

  // 3. The audit page: actor by display name, action label, field label, 亿元 value; no raw codes.
  await page.goto(`${baseUrl}/admin/audit`);
  await expectVisible(page.getByRole('heading', { name: '操作日志' }));
  const row = page.locator('.ant-table-row').filter({ hasText: projectName }).first();
  await expectVisible(row.filter({ hasText: '张建国' }).filter({ hasText: '修改项目' }));
  const sentence = (await row.getByTestId('audit-sentence').innerText()).trim();
  if (!sentence.startsWith(`张建国 修改了 项目「${projectName}」：`) || !/总投资 由 [\d.,]+(万|亿)元 改为 3\.4321亿元/.test(sentence)) {
    throw new Error(`unexpected sentence: ${sentence}`);
  }
  const pageText = await page.locator('.ant-table-tbody').innerText();
  for (const raw of ['project.update', 'totalInvestmentYuan', '[object Object]', 'leader ']) {
    if (pageText.includes(raw)) throw new Error(`the audit page shows a raw "${raw}"`);
  }
  // Expanded, the row lists the field with both values.
  await row.locator('.ant-table-row-expand-icon').click();
  await expectVisible(page.getByTestId('audit-diff').filter({ hasText: '总投资' }).filter({ hasText: '3.4321亿元' }));

  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
}
