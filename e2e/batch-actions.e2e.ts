import { expectHidden, expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title = '堵点台账 row selection: the leader selects two blockers, 批量转办 them to 王磊, then exports the selected rows';

export default async function batchActions({ baseUrl, browser }: E2eContext) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  try {
    await loginAs(page, baseUrl, 'leader');
    await page.getByRole('menuitem', { name: '堵点台账' }).click();
    await expectVisible(page.getByRole('heading', { name: '堵点台账' }));
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expectVisible(rows.first());
    const pick = async (n: number) => {
      for (let i = 0; i < n; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
    };

    await pick(2);
    const bar = page.getByRole('toolbar', { name: '已选 2 条' });
    await expectVisible(bar);
    await bar.getByRole('button', { name: '批量转办' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '批量转办' });
    await expectVisible(modal);
    await pickOption(page, modal.getByLabel('责任人'), '王', '王磊');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await expectVisible(page.getByText('已批量处理 2 条'));
    await expectHidden(page.getByRole('toolbar', { name: /已选/ }));

    await pick(2);
    await expectVisible(page.getByRole('toolbar', { name: '已选 2 条' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出所选' }).click()]);
    const name = download.suggestedFilename();
    if (!/^堵点清单-\d{4}-\d{2}-\d{2}\.xlsx$/.test(name)) throw new Error(`the selected blockers downloaded as ${name}`);
    await expectVisible(page.getByText('已导出 2 条'));
  } finally {
    await context.close();
  }
}
