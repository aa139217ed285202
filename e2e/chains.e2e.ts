import { chinaDaysFrom, systemClock } from '../src/server/platform/clock.ts';
import { expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title =
  'chains: a leader sees a gap on the chain view and makes three target leads in one step; an officer records a 小巨人 honour and yearly figures; the province sees which zones hold which links';
export const timeoutMs = 120_000;

export default async function chainsWalk({ baseUrl, page, browser }: E2eContext) {
  const stamp = Date.now().toString(36);
  // Trade names differ (names are compared without region, legal form and industry words).
  const names = ['常州恒通', '宁波碳谷', '东莞烯联'].map((firm) => `${firm}${stamp}碳材料有限公司`);

  // 1. The leader opens the carbon chain and sees the 碳/碳复合材料 gap.
  await loginAs(page, baseUrl, 'leader');
  await page.getByRole('menuitem', { name: '产业链' }).click();
  await expectVisible(page.getByRole('heading', { name: '产业规划与产业链' }));
  await page.getByRole('link', { name: '碳基新材料产业链' }).first().click();
  await expectVisible(page.getByTestId('chain-graph'));
  const gap = page.getByTestId('link-碳/碳复合材料');
  await expectVisible(gap.getByText('缺链'));
  await gap.click();
  await expectVisible(page.getByTestId('link-strength').filter({ hasText: '缺链' }));

  // 2. Three companies pasted as a target list, then three target leads in one click.
  await page.getByPlaceholder('粘贴名单').fill(names.map((n) => `${n}，江苏省`).join('\n'));
  await page.getByRole('button', { name: '导入名单' }).click();
  for (const n of names) await expectVisible(page.locator('.ant-drawer tr', { hasText: n }));
  for (const n of names) await page.locator('.ant-drawer tr', { hasText: n }).locator('input[type="checkbox"]').check();
  await page.getByTestId('make-leads').click();
  await expectVisible(page.getByText('已生成 3 条招商线索'));
  for (const n of names) await expectVisible(page.locator('.ant-drawer tr', { hasText: n }).getByRole('link'));
  // The success message sits over the drawer's close button, and a message under the pointer stays
  // (antd pauses it while hovered): move away and let it go before clicking.
  await page.mouse.move(10, 500);
  await page.locator('.ant-message-notice').first().waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.ant-drawer-close').click();

  // 3. The chain's conversion counts them: the gap now has four leads (one from the demo).
  await expectVisible(gap.getByText('4 条线索'));
  await expectVisible(page.getByTestId('conversion'));

  // 4. An officer records a 小巨人 honour and this year's figures on an enterprise of the copper chain.
  const officer = await browser.newPage();
  await loginAs(officer, baseUrl, 'officer');
  await officer.getByRole('menuitem', { name: '产业链' }).click();
  await officer.getByRole('link', { name: '铜基新材料产业链' }).first().click();
  await officer.getByTestId('link-超高纯铜').click();
  await officer.locator('.ant-drawer-body a[href^="/enterprises/"]').first().click();
  await expectVisible(officer.getByRole('tab', { name: '资质荣誉' }));
  const year = chinaDaysFrom(systemClock, 0).slice(0, 4);
  const honour = officer.getByTestId('honour-form');
  await pickOption(officer, honour.locator('.ant-select'), null, '专精特新“小巨人”');
  await honour.getByLabel('年份').fill(year);
  // The row is looked for once the server has taken the honour: on a loaded machine the list refetch follows it.
  const recorded = officer.waitForResponse((res) => res.request().method() === 'POST' && /\/honou?rs/.test(res.url()));
  await honour.getByRole('button', { name: '登 记' }).click();
  const answer = await recorded;
  if (!answer.ok()) throw new Error(`the honour was refused: ${answer.status()} ${await answer.text()}`);
  await expectVisible(officer.locator('tr', { hasText: year }).getByText('专精特新“小巨人”'));
  await officer.getByRole('tab', { name: '年度经营数据' }).click();
  const figures = officer.getByTestId('figures-form');
  await figures.getByLabel('年份').fill(year);
  await figures.getByLabel('产值（万元）').fill('52000');
  await figures.getByLabel('税收（万元）').fill('2600');
  await figures.getByLabel('用地（亩）').fill('130');
  await figures.getByRole('button', { name: '登 记' }).click();
  await expectVisible(officer.locator('tr', { hasText: '5.2亿元' }).getByText('20万元'));
  await officer.close();

  // 5. The province viewer compares the copper chain across zones.
  const province = await browser.newPage();
  await loginAs(province, baseUrl, 'province');
  await province.getByRole('menuitem', { name: '产业链' }).click();
  await province.getByRole('link', { name: '铜基新材料产业链' }).click();
  await expectVisible(province.getByRole('heading', { name: /全省同链对比/ }));
  await expectVisible(province.getByRole('link', { name: '河津开发区' }));
  await expectVisible(province.getByRole('link', { name: '汾东经开区' }));
  await province.close();
}
