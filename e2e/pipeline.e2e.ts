import type { Page } from 'playwright-core';
import { creditCodeCheckChar } from '../src/contract/credit-code.ts';
import { expectVisible, loginAs, pickOption, submitUntilAnswered, type E2eContext } from './harness';

export const title =
  'officer registers an enterprise (bad code refused), opens a lead and edits it, logs a trip and records one more meeting on it, signs it through the gates, re-signs without double counting, sees the signing events, converts it and exports the ledger';

const pdf = { name: '协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 e2e') };

/** A valid credit code unique to this run. */
function freshCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let n = Date.now(), i = 0; i < 9; i++, n = Math.floor(n / 31)) body = alphabet[n % 31] + body;
  const first17 = `91140802${body}`;
  return first17 + creditCodeCheckChar(first17);
}

async function chooseStage(page: Page, stage: string) {
  await pickOption(page, page.getByTestId('stage-select'), null, stage);
}

/** Fills the gate modal (amount, event, file) and confirms. */
async function passGate(page: Page, amountWan: string, event: string) {
  const modal = page.locator('.ant-modal').filter({ hasText: '需录入协议' });
  await expectVisible(modal);
  await modal.getByLabel('金额（万元）').fill(amountWan);
  await modal.getByLabel('签约活动').fill(event);
  await modal.locator('input[type=file]').setInputFiles(pdf);
  await expectVisible(modal.getByText('协议.pdf'));
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
}

export default async function pipelineWalk({ baseUrl, page }: E2eContext) {
  const stamp = Date.now().toString(36);
  await loginAs(page, baseUrl, 'officer');

  // 1. An enterprise: a wrong check character is refused as it is typed; the right code is accepted.
  await page.getByRole('menuitem', { name: '企业库' }).click();
  await page.getByRole('button', { name: '新建企业' }).click();
  const enterpriseName = `E2E测试新能源${stamp}有限公司`;
  // In the dialog: the list behind it has sortable 企业名称 / 统一社会信用代码 headers of the same names.
  const enterpriseForm = page.locator('.ant-modal');
  await enterpriseForm.getByLabel('企业名称', { exact: true }).fill(enterpriseName);
  const good = freshCreditCode();
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  await enterpriseForm.getByLabel('统一社会信用代码', { exact: true }).fill(bad);
  await expectVisible(page.getByText('统一社会信用代码校验位不正确，请核对'));
  await enterpriseForm.getByLabel('统一社会信用代码', { exact: true }).fill(good);
  await expectVisible(page.getByText('校验通过'));
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.getByPlaceholder('名称或统一社会信用代码').fill(good);
  await page.getByPlaceholder('名称或统一社会信用代码').press('Enter');
  await expectVisible(page.locator('.ant-table-row').filter({ hasText: enterpriseName }));

  // 2. A lead.
  await page.getByRole('menuitem', { name: '招商线索' }).click();
  await page.getByRole('button', { name: '新建线索' }).click();
  const leadName = `E2E储能项目${stamp}`;
  await page.locator('.ant-modal').getByLabel('项目名称', { exact: true }).fill(leadName);
  await page.locator('.ant-modal').getByLabel('投资方', { exact: true }).fill(good);
  await page.locator('.ant-select-item-option').filter({ hasText: enterpriseName }).first().click();
  await page.locator('.ant-modal').getByLabel('计划投资（万元）', { exact: true }).fill('5000');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expectVisible(page.getByRole('heading', { name: new RegExp(leadName) }));
  const leadUrl = page.url();

  // 2b. Edit it: planned output and the next step, saved with the version read.
  await page.getByRole('button', { name: /^编\s*辑$/ }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('预计产值（万元）').fill('8000');
  await drawer.getByLabel('下一步工作').fill('安排实地考察');
  await drawer.getByLabel('下一步工作').press('Enter');
  await expectVisible(page.locator('.ant-descriptions').getByText('8,000万元'));
  await expectVisible(page.locator('.ant-descriptions').getByText('安排实地考察'));

  // 3. A trip that met three enterprises.
  await page.getByRole('menuitem', { name: '外出招商' }).click();
  await page.getByRole('button', { name: '登记外出招商' }).click();
  const trip = page.locator('.ant-modal');
  await trip.getByLabel('主题').fill(`E2E赴长三角招商${stamp}`);
  await trip.getByLabel('目的地').fill('江苏省苏州市');
  await trip.getByLabel('带队领导').fill('刘卫东');
  for (let i = 0; i < 3; i++) {
    await trip.getByRole('button', { name: '添加拜访企业' }).click();
    await trip.getByPlaceholder('企业名称').nth(i).fill(`E2E苏州拜访企业${stamp}${i}有限公司`);
    await trip.getByText('暂无代码').nth(i).click();
  }
  await trip.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expectVisible(page.getByTestId('trip-results').filter({ hasText: '对接 3 家' }));

  // 3b. One more meeting recorded afterwards: the counted results follow.
  await page.getByRole('button', { name: '登记拜访' }).click();
  const meeting = page.locator('.ant-modal').filter({ hasText: '登记拜访' });
  await meeting.getByText('登记新企业').click();
  // 企业名称 labels the library picker too: the name is typed once the form has switched to a new
  // enterprise (its credit-code field shows), or it lands in the picker and the new name stays empty.
  await expectVisible(meeting.getByLabel('统一社会信用代码'));
  await meeting.getByLabel('企业名称').fill(`E2E苏州补录拜访企业${stamp}有限公司`);
  await meeting.getByText('暂无代码', { exact: true }).click();
  await meeting.getByText('达成合作意向').click();
  const recorded = await submitUntilAnswered(page, meeting.getByRole('button', { name: /确\s*定|OK/ }), (method, url) => method === 'POST' && /\/api\/trips\/[^/]+\/meetings/.test(url));
  if (!recorded.ok()) throw new Error(`the meeting was refused: ${recorded.status()} ${await recorded.text()}`);
  await expectVisible(page.getByTestId('trip-results').filter({ hasText: '对接 4 家' }).filter({ hasText: '达成意向 1 家' }));

  // 4. The gates: 正式签约 straight away is refused; 框架协议 with its agreement, then 正式签约.
  await page.goto(leadUrl);
  await chooseStage(page, '正式签约');
  await passGate(page, '5000', '首次签约仪式');
  await expectVisible(page.getByText('进入“框架协议”阶段需先录入框架协议', { exact: false }));
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /取\s*消|Cancel/ })
    .click();
  await chooseStage(page, '框架协议');
  await passGate(page, '5000', '框架协议签约');
  await expectVisible(page.getByTestId('lead-stage').filter({ hasText: '框架协议' }));
  await page.getByRole('button', { name: '推进到 正式签约' }).click();
  await passGate(page, '5000', `首次签约仪式${stamp}`);
  await expectVisible(page.getByTestId('lead-stage').filter({ hasText: '正式签约' }));
  await expectVisible(page.getByTestId('signed-total').filter({ hasText: '5,000万元' }));

  // 5. A second ceremony: the signed total counts the project once.
  await page.getByRole('button', { name: '录入协议' }).click();
  const agreement = page.locator('.ant-modal').filter({ hasText: '录入协议' });
  await agreement.getByLabel('金额（万元）').fill('5000');
  await agreement.getByLabel('签约活动').fill(`“三个一批”签约活动${stamp}`);
  await agreement.locator('input[type=file]').setInputFiles(pdf);
  await agreement.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expectVisible(page.getByText('重复签约，不计入'));
  await expectVisible(page.getByTestId('signed-total').filter({ hasText: '5,000万元' }));

  // 5b. The signing event named with the agreement is listed with the zone's events.
  const leadPage = page.url();
  await page.getByRole('menuitem', { name: '签约活动' }).click();
  await expectVisible(page.locator('.ant-table-row').filter({ hasText: `“三个一批”签约活动${stamp}` }));
  await page.goto(leadPage);

  // 6. Convert into a project, once the reloaded lead page (with its current version) is up.
  await expectVisible(page.getByText('重复签约，不计入'));
  await page.getByRole('button', { name: '转为项目' }).click();
  // The conversion writes the project, its events and the lead in one transaction: on a loaded CI
  // machine with the embedded database it has taken longer than 15 s (passes in 30 s here, quiet).
  await page.waitForURL(/\/projects\//, { timeout: 40_000 });

  // 7. Export the ledger.
  await page.goto(`${baseUrl}/leads`);
  const download = page.waitForEvent('download', { timeout: 15_000 });
  await page
    .getByRole('link', { name: '导出台账' })
    .or(page.getByRole('button', { name: '导出台账' }))
    .first()
    .click();
  const file = await download;
  if (!file.suggestedFilename().endsWith('.xlsx')) throw new Error(`unexpected download ${file.suggestedFilename()}`);
}
