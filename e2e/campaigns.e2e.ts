import { demoId } from '../src/server/seed/demo-ids.ts';
import { expectHidden, expectVisible, loginAs, pickOption, pickTag, type E2eContext } from './harness';

export const title =
  'the leader reads the quarter’s 三个一批 lists, achievement derived from the records with the nominated-vs-achieved sentence, nominates a project; the 专班 is picked as people on the project form';

export default async function campaignsWalk({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'leader');
  await expectVisible(page.getByRole('menuitem', { name: /三个一批/ }));
  await page.goto(`${baseUrl}/dispatch/campaigns`);
  await expectVisible(page.getByRole('heading', { name: '三个一批' }));
  // The seeded production list has no production dates: the sentence says who is missing and why.
  const production = page.getByTestId('campaign-gap-production');
  await expectVisible(production.filter({ hasText: '提名2个，已投产0个' }));
  await expectVisible(production.filter({ hasText: '尚无投产日期' }));
  await expectVisible(page.getByText('清单为提名；是否完成由记录认定'));
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/campaigns-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Nominate a project for 开工一批: it shows at once with its derived status.
  const startCard = page.locator('.ant-card').filter({ has: page.getByText('开工一批', { exact: true }) });
  await startCard.getByRole('button', { name: '列入清单' }).click();
  const dialog = page.getByRole('dialog', { name: /列入清单/ });
  await expectVisible(dialog);
  const select = dialog.getByLabel('所属项目', { exact: true });
  await pickOption(page, select, '氢能', '汾东氢能装备产业园项目');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(dialog);
  await expectVisible(startCard.locator('.ant-table-row').filter({ hasText: '汾东氢能装备产业园项目' }).filter({ hasText: '尚无实际开工日期' }));

  // The project form: 专班成员 is a people picker of the zone's working users.
  await page.goto(`${baseUrl}/projects/${demoId('project:hydrogen-park')}/edit`);
  const members = page.getByTestId('task-force-members');
  await expectVisible(members);
  await pickTag(page, members, '陈静', '陈静');
  await page.keyboard.press('Escape');
  await page.getByTestId('project-save').click();
  // Saved: the detail page names the team.
  await page.waitForURL(/\/projects\/[0-9a-f-]+$/, { timeout: 15_000 });
  await expectVisible(page.locator('.ant-descriptions-item-content').filter({ hasText: '陈静' }));
}
