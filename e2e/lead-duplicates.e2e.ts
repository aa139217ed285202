import type { Page } from 'playwright-core';
import { expectHidden, expectVisible, loginAs, sidewaysScroll, type E2eContext } from './harness';

export const title =
  'officer types a lead that already exists: the form warns with the existing lead; saved as another project with a reason, the new lead page offers the merge, and after it one lead remains with the other’s history; a lead renamed into the same project in the edit drawer is merged into it from the warning';

async function newLead(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '招商线索' }).click();
  await page.getByRole('button', { name: '新建线索' }).click();
  await page.locator('.ant-modal').getByLabel('项目名称', { exact: true }).fill(name);
}

const ok = (page: Page) => page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ });

export default async function leadDuplicatesWalk({ baseUrl, page }: E2eContext) {
  const stamp = Date.now().toString(36);
  const name = `E2E${stamp}重复线索光伏组件项目`;
  const again = `E2E${stamp}重复线索 光伏组件`;
  await loginAs(page, baseUrl, 'officer');

  // 1. The first lead.
  await newLead(page, name);
  await ok(page).click();
  await expectVisible(page.getByRole('heading', { name: new RegExp(name) }));
  const firstUrl = page.url();

  // 2. The same project again, typed a little differently: the form warns before saving.
  await newLead(page, again);
  const modal = page.locator('.ant-modal');
  const warning = modal.getByTestId('lead-duplicate-warning');
  await expectVisible(warning);
  await expectVisible(modal.getByText('疑似重复，请先查看下方已有线索'));
  await expectVisible(warning.getByText(name));
  await expectVisible(warning.getByRole('link', { name: '打开已有线索' }));
  // Saving anyway is refused until the person says why it is another project.
  await modal.getByTestId('lead-duplicate-allow').click();
  await ok(page).click();
  await expectVisible(modal.getByText('为何是另一个项目（记入线索历史）'));
  await modal.getByLabel('为何是另一个项目（记入线索历史）').fill('E2E：先保存，再合并');
  await ok(page).click();
  await expectVisible(page.getByRole('heading', { name: new RegExp(again) }));
  expectDifferent(page.url(), firstUrl);

  // 3. The new lead's page shows the existing one and merges it in (on a phone too: no sideways scroll).
  const dupes = page.getByTestId('lead-duplicates');
  await expectVisible(dupes.getByText(name));
  await page.setViewportSize({ width: 375, height: 800 });
  await expectVisible(dupes.getByTestId('lead-duplicate-merge'));
  const overflow = await sidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screens/lead-duplicates-375.png' });
  if (overflow > 0) throw new Error(`the lead page scrolls sideways by ${overflow}px at 375 px`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await dupes.getByTestId('lead-duplicate-merge').click();
  await expectVisible(page.getByRole('dialog').filter({ hasText: '的协议、对接记录、附件、团队和历史并入' }));
  await page.getByTestId('lead-merge-ok').click();
  await expectVisible(page.getByText(/已将 .* 并入/));
  await expectHidden(page.getByTestId('lead-duplicates'));
  await expectVisible(page.locator('.ant-timeline').getByText('合并重复线索'));
  await expectVisible(page.locator('.ant-timeline').getByText(new RegExp(`并入重复线索 .*${name}`)));

  const keptUrl = page.url();

  // 4. The merged lead is gone; its page says so.
  await page.goto(firstUrl);
  await expectVisible(page.getByText('记录不存在或不在您的管辖范围内'));

  // 5. A third lead renamed into the same project in the edit drawer: the warning offers to merge it
  //    into the existing lead, which then opens.
  await newLead(page, `E2E${stamp}储能另一项目`);
  await ok(page).click();
  await expectVisible(page.getByRole('heading', { name: new RegExp(`E2E${stamp}储能另一项目`) }));
  await page.getByRole('button', { name: /^编\s*辑$/ }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('项目名称', { exact: true }).fill(again);
  await expectVisible(drawer.getByTestId('lead-duplicate-warning'));
  await drawer.getByTestId('lead-duplicate-merge').click();
  await expectVisible(page.getByRole('dialog').filter({ hasText: '的协议、对接记录、附件、团队和历史并入' }));
  await page.getByTestId('lead-merge-ok').click();
  await page.waitForURL(keptUrl, { timeout: 15_000 });
  await expectVisible(page.locator('.ant-timeline').getByText(/并入重复线索 .*储能另一项目/));
}

function expectDifferent(a: string, b: string) {
  if (a === b) throw new Error(`expected a new lead page, still on ${a}`);
}
