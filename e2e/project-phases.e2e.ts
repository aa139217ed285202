import { expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title =
  'projects officer filters 拿地即开工, sees the demo 二期 at "21 / 107 个工作日 · 拿地即开工" and the 标准地 verdicts derived from the records';

export default async function projectPhasesWalk({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'projects');
  await page.getByRole('menuitem', { name: '项目管理' }).click();
  await expectVisible(page.getByRole('heading', { name: '项目管理' }));

  // The list filter keeps the projects started within N working days of their land.
  await pickOption(page, page.getByTestId('filter-immediate'), null, /^拿地即开工$/);
  const row = page.getByRole('row').filter({ hasText: '晋汾新材料年产5万吨锂电池负极材料项目' });
  await expectVisible(row.getByTestId('immediate-start'));
  await row.getByRole('link').click();

  // The phases card: the 二期 went from land to construction in 21 working days (across 国庆).
  await expectVisible(page.getByTestId('land-to-start').filter({ hasText: '21 / 107 个工作日' }).filter({ hasText: '拿地即开工' }));

  // 标准地: promises typed, achieved figures from the records, each with its verdict.
  await page.getByRole('tab', { name: '标准地指标' }).click();
  await expectVisible(page.getByText('实际值（据记录）'));
  await expectVisible(page.getByText('进度填报累计完成投资'));
}
