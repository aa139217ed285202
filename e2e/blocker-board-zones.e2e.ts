import { expectVisible, loginAs, type E2eContext } from './harness';

export const title = "a city viewer's 堵点台账 over all its zones names each blocker's 开发区";

export default async function blockerBoardZones({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'city');
  await page.getByRole('menuitem', { name: '堵点台账' }).click();
  await expectVisible(page.getByRole('heading', { name: '堵点台账' }));
  await expectVisible(page.getByRole('columnheader', { name: '开发区' }));
  await expectVisible(page.getByRole('row').filter({ hasText: '汾东经开区' }));
}
