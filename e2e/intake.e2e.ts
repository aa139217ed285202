import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title =
  '智能录入: an uploaded and a pasted work report read into three facts; the pasted one becomes three reviewed projects, one amount edited, 华晟 at its stage read with the gate dates given';

const sample = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/server/modules/intake/samples/shared/02-work-report.txt'), 'utf8');

/**
 * 刘卫东 (分管领导 of 汾东 and 河津) reads the work report into 河津, where none of its projects exists yet
 * (in 汾东 they exist: that case, an update with a diff, is covered by intake.test.ts).
 */
export default async function intakeWorkReport({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'deputy');
  await page.getByRole('menuitem', { name: '智能录入' }).click();
  await expectVisible(page.getByRole('heading', { name: '智能录入' }));
  await expectVisible(page.getByRole('button', { name: '填入示例文本' })); // the empty state

  // The same report as an uploaded .txt file (the read-file operation, multipart) reads into the same three facts.
  await page.getByRole('tab', { name: '上传文件' }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: '工作汇报.txt', mimeType: 'text/plain', buffer: Buffer.from(sample, 'utf8') });
  await page.getByRole('button', { name: /^读\s*取$/ }).click();
  const uploaded = page.getByTestId('fact-card');
  await expectVisible(uploaded.filter({ hasText: '北斗智联物流园项目' }));
  if ((await uploaded.count()) !== 3) throw new Error(`expected 3 facts from the uploaded file, saw ${await uploaded.count()}`);

  // The stage select shows the read stage by its label (the value is the projects' key).
  await expectVisible(uploaded.first().getByText('在建', { exact: true }));

  await page.getByRole('button', { name: '重新录入' }).click();
  await page.getByRole('tab', { name: '粘贴文本' }).click();
  await page.getByLabel('文本内容', { exact: true }).fill(sample);
  // antd spaces two-character Chinese button labels ("读 取").
  await page.getByRole('button', { name: /^读\s*取$/ }).click();

  const cards = page.getByTestId('fact-card');
  await expectVisible(cards.first());
  const names = ['华晟光伏组件二期项目', '润康生物医药产业园项目', '北斗智联物流园项目'];
  if ((await cards.count()) !== 3) throw new Error(`expected 3 facts, saw ${await cards.count()}`);
  for (const name of names) await expectVisible(cards.filter({ hasText: name }));

  // Clicking a fact highlights its span in the text.
  const runkang = cards.filter({ hasText: '润康生物医药产业园项目' });
  await runkang.getByText('润康生物医药产业园项目', { exact: true }).click();
  const mark = page.locator('mark[data-fact-key="p1"]').first();
  await expectVisible(mark);
  if (!(await mark.textContent())?.includes('润康生物医药产业园项目')) throw new Error('the highlighted span is not the project text');

  // The reviewer corrects one amount: 4.5 亿 → 46000 万元.
  const total = runkang.getByLabel('总投资', { exact: true });
  await total.fill('46000');
  await total.press('Tab');
  // 华晟 is written at 在建, as read: the reviewer gives the gate dates the stage needs; the other two are kept in 谋划/储备.
  const huasheng = cards.filter({ hasText: '华晟光伏组件二期项目' });
  await huasheng.getByLabel('投资主体', { exact: true }).fill('山西华晟光伏科技有限公司');
  await huasheng.getByLabel('签约日期', { exact: true }).fill('2025-06-02');
  await huasheng.getByLabel('供地日期', { exact: true }).fill('2025-09-01');
  await huasheng.getByLabel('开工时间', { exact: true }).fill('2025-11-05');
  // The last date's picker is closed first: its panel covers the cards below and shifts them as it goes.
  await page.keyboard.press('Escape');
  for (const name of names.slice(1)) {
    await pickOption(page, cards.filter({ hasText: name }).getByLabel('阶段', { exact: true }), null, '谋划/储备');
  }

  await pickOption(page, page.getByLabel('保存到开发区', { exact: true }), null, '河津开发区');
  await page.getByRole('button', { name: /^匹\s*配$/ }).click();

  const proposals = page.getByTestId('proposal-card');
  await expectVisible(proposals.first());
  if ((await proposals.count()) !== 3) throw new Error(`expected 3 proposals, saw ${await proposals.count()}`);
  for (const name of names) await expectVisible(proposals.filter({ hasText: name }).getByText('新建草稿'));
  await expectVisible(proposals.filter({ hasText: '华晟光伏组件二期项目' }).getByText('在建'));
  await expectVisible(proposals.filter({ hasText: '润康生物医药产业园项目' }).getByText('46000 万元'));
  for (const box of await proposals.getByRole('checkbox', { name: '确认' }).all()) {
    if (!(await box.isChecked())) throw new Error('a proposal is not confirmed by default');
  }

  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expectVisible(page.getByText('已保存', { exact: true }));
  const saved = page.getByTestId('saved-records');
  for (const name of names) await expectVisible(saved.getByRole('link', { name }));

  // The drafts are in 河津, with the amount as edited; 华晟 at 在建.
  const res = await page.request.get(`${baseUrl}/api/projects?q=${encodeURIComponent('润康生物医药产业园项目')}&pageSize=50`);
  const items = ((await res.json()) as { items: { zoneName: string; stage: string; totalInvestmentYuan: number }[] }).items;
  const draft = items.find((p) => p.zoneName.startsWith('河津'));
  if (!draft || draft.stage !== 'planning' || draft.totalInvestmentYuan !== 460_000_000)
    throw new Error(`draft not saved as expected: ${JSON.stringify(items)}`);
  const hs = await page.request.get(`${baseUrl}/api/projects?q=${encodeURIComponent('华晟光伏组件二期项目')}&pageSize=50`);
  const hsItems = ((await hs.json()) as { items: { zoneName: string; stage: string }[] }).items;
  if (!hsItems.some((p) => p.zoneName.startsWith('河津') && p.stage === 'construction')) throw new Error(`华晟 not saved at 在建 in 河津: ${JSON.stringify(hsItems)}`);
}
