import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title =
  '智能录入 (issue 12): a pasted three-sentence news item → a project at 开工, a lead at 框架协议, a trip and the figures committed into 河津; a whole page → six articles with their zones, another zone written only when confirmed; nothing read → a fact added by hand; 375 and 1440 px';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = readFileSync(path.join(here, '../src/server/modules/intake/samples/shared/05-news-page-sxrb-zones.txt'), 'utf8');
const screens = path.join(here, '../test-results/screens');
const tag = Math.random().toString(36).slice(2, 6);

/** Three sentences, one line, as an official pastes them from a chat. */
const NEWS =
  `本报讯 11月上旬，河津开发区党工委书记带队赴长三角地区开展小分队招商，走访企业12家，签约3家，达成合作意向4家。` +
  `11月12日，总投资5亿元的河津龙门${tag}年产2万吨铝箔项目正式开工，该项目由山西龙门${tag}铝业有限公司投资建设。` +
  `同日，北京恒光${tag}储能科技有限公司与河津开发区签订框架协议，拟投资3亿元建设储能电站项目。`;

async function readPasted(page: E2eContext['page'], text: string) {
  const restart = page.getByRole('button', { name: '重新录入' });
  if (await restart.isVisible()) await restart.click();
  await page.getByRole('tab', { name: '粘贴文本' }).click();
  await page.getByLabel('文本内容', { exact: true }).fill(text);
  await page.getByRole('button', { name: /^读\s*取$/ }).click();
}

export default async function intakePage({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'deputy'); // 刘卫东: 汾东 and 河津
  await page.getByRole('menuitem', { name: '智能录入' }).click();
  await expectVisible(page.getByRole('heading', { name: '智能录入' }));

  // 1. A three-sentence news item on one line.
  await readPasted(page, NEWS);
  await expectVisible(page.getByTestId('intake-article-zone').filter({ hasText: '河津开发区' }));
  const cards = page.getByTestId('fact-card');
  const project = cards.filter({ hasText: `河津龙门${tag}年产2万吨铝箔项目` });
  await expectVisible(project);
  await expectVisible(cards.filter({ hasText: '储能电站项目' }));
  await expectVisible(page.getByTestId('figure-card').filter({ hasText: '走访企业数' }));
  // The trip: the text gives the month; the reviewer gives the days.
  const trip = page.getByTestId('trip-card');
  await expectVisible(trip.filter({ hasText: '赴长三角招商' }));
  await trip.getByLabel('出发日期', { exact: true }).fill('2026-11-03');
  await trip.getByLabel('返回日期', { exact: true }).fill('2026-11-07');
  // 开工 needs its gate dates: the reviewer gives them beside the text.
  await project.getByLabel('签约日期', { exact: true }).fill('2026-10-20');
  await project.getByLabel('供地日期', { exact: true }).fill('2026-11-01');
  await page.getByRole('button', { name: /^匹\s*配$/ }).click();
  await expectVisible(page.getByTestId('intake-zone-group').filter({ hasText: '写入 河津开发区' }));
  await expectVisible(page.getByTestId('proposal-card').first());
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expectVisible(page.getByText('已保存', { exact: true }));
  const saved = page.getByTestId('saved-records');
  await expectVisible(saved.getByRole('link', { name: `河津龙门${tag}年产2万吨铝箔项目` }));

  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { zones: { id: string; shortName: string }[] };
  const hejin = me.zones.find((z) => z.shortName === '河津开发区')!.id;
  const projects = ((await (await page.request.get(`${baseUrl}/api/projects?q=${encodeURIComponent(`河津龙门${tag}`)}&pageSize=20`)).json()) as { items: { stage: string; zoneName: string }[] }).items;
  if (projects.length !== 1 || projects[0].stage !== 'started' || !projects[0].zoneName.startsWith('河津')) throw new Error(`project not saved at 开工 in 河津: ${JSON.stringify(projects)}`);
  const leads = ((await (await page.request.get(`${baseUrl}/api/leads?q=${encodeURIComponent('储能电站项目')}&pageSize=50`)).json()) as { items: { stage: string; enterpriseName?: string | null; zoneId?: string }[] }).items;
  if (!leads.some((l) => l.stage === 'framework')) throw new Error(`lead not saved at 框架协议: ${JSON.stringify(leads)}`);
  const figures = (await (await page.request.get(`${baseUrl}/api/intake/figures?zoneId=${hejin}&label=${encodeURIComponent('走访企业数')}`)).json()) as { value: number }[];
  if (!figures.some((f) => f.value === 12)) throw new Error(`figure not saved: ${JSON.stringify(figures)}`);
  const trips = ((await (await page.request.get(`${baseUrl}/api/trips?zoneId=${hejin}&pageSize=50`)).json()) as { items: { destination: string; startOn: string }[] }).items;
  if (!trips.some((x) => x.destination === '长三角' && x.startOn === '2026-11-03')) throw new Error(`trip not saved: ${JSON.stringify(trips)}`);

  // 2. A whole newspaper page: six reports on six zones, none of them this user's.
  await page.getByRole('button', { name: '继续录入' }).click();
  await readPasted(page, PAGE);
  const articles = page.getByTestId('intake-article');
  await expectVisible(articles.first());
  if ((await articles.count()) !== 6) throw new Error(`expected 6 articles, saw ${await articles.count()}`);
  for (const zone of ['忻州经开区', '临汾经开区', '阳泉经开区', '孝义经开区', '运城经开区', '晋中开发区']) await expectVisible(page.getByTestId('intake-article-zone').filter({ hasText: zone }));
  const match = page.getByRole('button', { name: /^匹\s*配$/ });
  if (await match.isEnabled()) throw new Error('facts of zones the user does not cover must not be matchable');
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: width < 768 ? 800 : 900 });
    await page.screenshot({ path: path.join(screens, `intake-page-review-${width}.png`), fullPage: false });
    // The page's own content must fit (the shell's header is the shell's).
    const scroll = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="intake-page"]')!;
      return Math.max(0, ...[...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right - document.documentElement.clientWidth));
    });
    if (scroll > 1) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="intake-page"] *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 8)
          .map((e) => `${e.tagName}.${(e.className || '').toString().slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      throw new Error(`the review step scrolls sideways at ${width} px (${scroll} px): ${wide.join(' | ')}`);
    }
  }
  // Writing the 忻州 report into 河津 needs the reviewer's confirmation.
  await pickOption(page, page.locator('#intake-article-zone-0'), null, '河津开发区');
  await expectVisible(page.getByText('文中写的是“忻州经开区”，所选开发区是“河津开发区”'));
  if (await match.isEnabled()) throw new Error('a mismatched zone must be confirmed first');
  await page.getByRole('checkbox', { name: '我确认写入所选开发区' }).check();
  await expectVisible(match);
  if (!(await match.isEnabled())) throw new Error('once confirmed, the article can be matched');

  // 3. Nothing read: a fact is added by hand beside the text.
  await readPasted(page, '今天园区天气晴好，职工运动会顺利闭幕。');
  await expectVisible(page.getByText('没有读出事实：可对照原文手工添加项目、线索或数据'));
  await page.getByRole('button', { name: '手工添加项目' }).click();
  await expectVisible(page.getByTestId('fact-card').getByLabel('名称', { exact: true }));
}
