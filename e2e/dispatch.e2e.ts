import type { Page } from 'playwright-core';
import { chinaDaysFrom, systemClock } from '../src/server/platform/clock.ts';
import { expectHidden, expectVisible, fillDate, loginAs, pickOption, type E2eContext } from './harness';

export const title =
  'officer raises an overdue blocker, it escalates; the leader sees it on the generated agenda, records a decision, closes the meeting, downloads the brief';

/** The app under test runs on the real clock: dates are days from today in China. */
const chinaDay = (offsetDays = 0) => chinaDaysFrom(systemClock, offsetDays);

export default async function dispatchWalk({ baseUrl, browser, page }: E2eContext) {
  const blockerTitle = `E2E堵点${Date.now().toString(36)}`;

  // 1. The officer raises a blocker on a project, entered late: raised 20 days ago, due 12 days ago.
  await loginAs(page, baseUrl, 'officer');
  await page.getByRole('menuitem', { name: '堵点台账' }).click();
  await expectVisible(page.getByRole('heading', { name: '堵点台账' }));
  await page.getByRole('button', { name: '提出堵点' }).click();
  const dialog = page.getByRole('dialog', { name: '提出堵点' });
  await expectVisible(dialog);
  await pickOption(page, dialog.getByLabel('所属项目', { exact: true }), '华晟', '华晟光伏组件二期项目');
  await dialog.getByLabel('堵点问题', { exact: true }).fill(blockerTitle);
  await fillDate(dialog.getByLabel('提出日期', { exact: true }), chinaDay(-20));
  await fillDate(dialog.getByLabel('办理期限', { exact: true }), chinaDay(-12));
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expectHidden(dialog);

  // 1b. No 责任单位 was picked: the blocker has the project's.
  const unit = page.locator('.ant-descriptions-item-label', { hasText: /^责任单位$/ }).locator('xpath=following-sibling::*[1]');
  await expectVisible(unit);
  if ((await unit.innerText()).trim() === '—') throw new Error("the blocker did not take its project's 责任单位");

  // 2. Overdue by more than two escalation periods: it has escalated on its own, and says so in its timeline.
  await expectVisible(page.getByRole('heading', { name: blockerTitle }));
  await expectVisible(page.getByTestId('blocker-event').filter({ hasText: '提级' }).filter({ hasText: '自动' }));
  await expectVisible(page.getByTestId('blocker-event').filter({ hasText: '包联领导 → 周调度会' }));

  // 2b. Editing refuses a deadline before the raised date, under the field; reassigning is recorded as 转办.
  await page.getByRole('button', { name: /^编\s*辑$/ }).click();
  const edit = page.getByRole('dialog', { name: '编辑堵点' });
  await fillDate(edit.getByLabel('办理期限', { exact: true }), chinaDay(-30));
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await expectVisible(edit.getByText('期限不能早于提出日期'));
  await edit.getByRole('button', { name: /取\s*消/ }).click();
  await expectHidden(edit);
  await page.getByRole('button', { name: /^转\s*交$/ }).click();
  const reassign = page.getByRole('dialog', { name: '转交堵点' });
  await pickOption(page, reassign.getByLabel('责任人', { exact: true }), '王磊', '王磊');
  await reassign.getByRole('button', { name: /转\s*交/ }).click();
  await expectHidden(reassign);
  await expectVisible(page.getByTestId('blocker-event').filter({ hasText: '转办' }));

  // 3. The leader opens a new weekly meeting: the blocker is on the generated agenda.
  const leaderContext = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  const leader = await leaderContext.newPage();
  leader.setDefaultTimeout(15_000);
  try {
    await loginAs(leader, baseUrl, 'leader');
    // The bell shows the escalations addressed to the leader.
    await expectVisible(leader.getByRole('button', { name: /^消息 [1-9]/ }));
    await leader.getByRole('menuitem', { name: '周调度会' }).click();
    await expectVisible(leader.getByRole('heading', { name: '周调度会' }));
    await leader.getByRole('button', { name: '新建调度会' }).click();
    const create = leader.getByRole('dialog', { name: '新建调度会' });
    await create.getByLabel('会议名称', { exact: true }).fill('E2E项目调度会');
    await create.getByRole('button', { name: /保\s*存/ }).click();
    await expectVisible(leader.getByRole('heading', { name: 'E2E项目调度会' }));
    await expectVisible(leader.getByTestId('agenda-item').filter({ hasText: blockerTitle }).filter({ hasText: '提请调度会协调' }));

    // 4. A decision with an owner and a deadline.
    await leader.getByRole('button', { name: '记录议定事项' }).click();
    const decision = leader.getByRole('dialog', { name: '记录议定事项' });
    await decision.getByLabel('事项', { exact: true }).fill('供电公司一周内出具专线接入批复意见');
    await pickOption(leader, decision.getByLabel('责任人', { exact: true }), '王磊', '王磊');
    await fillDate(decision.getByLabel('完成时限', { exact: true }), chinaDay(7));
    await decision.getByRole('button', { name: /保\s*存/ }).click();
    await expectHidden(decision);
    await expectVisible(leader.getByRole('row').filter({ hasText: '供电公司一周内出具专线接入批复意见' }).filter({ hasText: '王磊' }));

    // 5. Close the meeting: its record freezes.
    await leader.getByRole('button', { name: '结束会议' }).click();
    await leader
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expectVisible(leader.getByText('会议已结束，记录已冻结'));
    await expectHidden(leader.getByRole('button', { name: '结束会议' }));

    // 6. Download the brief.
    const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByRole('link', { name: /下载周调度简报/ }).click()]);
    const name = download.suggestedFilename();
    if (!name.endsWith('.docx')) throw new Error(`the brief downloaded as ${name}`);
    const size = (await download.createReadStream()).readableLength;
    void size;

    // 7. The decision is on the 议定事项 list; the 三个一批 rates roll-up shows the zone.
    await leader.getByRole('menuitem', { name: '议定事项' }).click();
    await expectVisible(leader.getByRole('heading', { name: '议定事项' }));
    await expectVisible(leader.getByRole('row').filter({ hasText: '供电公司一周内出具专线接入批复意见' }).filter({ hasText: '王磊' }));
    const [decisionsFile] = await Promise.all([leader.waitForEvent('download'), leader.getByRole('link', { name: /导\s*出/ }).click()]);
    if (!decisionsFile.suggestedFilename().startsWith('议定事项')) throw new Error(`the 议定事项 export downloaded as ${decisionsFile.suggestedFilename()}`);
    await leader.getByRole('menuitem', { name: '三个一批完成率' }).click();
    await expectVisible(leader.getByRole('heading', { name: '三个一批完成率' }));
    await expectVisible(leader.getByRole('row').filter({ hasText: '汾东经开区' }).first());
  } finally {
    await leaderContext.close();
  }
}
