import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { expectVisible, loginAs, type E2eContext } from './harness';

export const title =
  'import wizard: officer uploads a ledger once, maps an unknown column to 招商方式, sees the row error, imports the valid row; a real 调度表 (sample 01) shows its period, skipped rows and new names, and imports every project';

async function ledgerSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['项目名称', '备用列', '推进阶段']);
  ws.addRow(['向导导入测试项目甲', '产业链招商', '意向']);
  ws.addRow(['向导导入测试项目乙', '飞鸽传书', '线索']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export default async function importWizard({ baseUrl, page }: E2eContext) {
  await loginAs(page, baseUrl, 'officer');
  await expectVisible(page.getByRole('menuitem', { name: '工作台' }));
  await page.goto(`${baseUrl}/leads/import`);
  await page.locator('input[type="file"]').setInputFiles({
    name: '台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await ledgerSheet(),
  });
  // "备用列" is no header word of the ledger: ignored, so both rows are valid at first.
  const preview = page.getByTestId('import-preview');
  await expectVisible(preview.getByText('共 2 行，有效 2 行，错误 0 行'));
  await preview.getByTestId('import-map-2').click();
  await page.locator('.ant-select-item-option[title="招商方式"]').click();
  await preview.getByRole('button', { name: '按新的对应重新校验' }).click();
  await expectVisible(preview.getByText('共 2 行，有效 1 行，错误 1 行'));
  await expectVisible(preview.getByRole('cell', { name: '不是允许的取值' }));
  await preview.getByRole('button', { name: '仅导入有效行' }).click();
  await expectVisible(page.getByTestId('import-done'));
  await dispatchSample({ baseUrl, page } as E2eContext);
}

/** Sample 01 of issue 11: the period from the title, skipped rows counted, names listed, all ten projects imported. */
async function dispatchSample({ baseUrl, page }: E2eContext) {
  const file = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'samples', 'excel', '01-taiyuan-progress.xlsx'));
  await page.goto(`${baseUrl}/projects/import-dispatch`);
  await page.locator('input[type="file"]').setInputFiles({ name: '01-taiyuan-progress.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  const preview = page.getByTestId('import-preview');
  await expectVisible(preview.getByText('共 10 行，有效 10 行，错误 0 行'));
  await expectVisible(preview.getByTestId('import-period').getByText(/截至2026年9月30日/));
  await expectVisible(preview.getByTestId('import-skipped').getByText(/小计 2/));
  await expectVisible(preview.getByTestId('import-names').getByText('张卫东').first());
  await preview.getByRole('button', { name: '全部导入' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expectVisible(page.getByTestId('import-done'));
}
