/**
 * Legacy .xls (BIFF) and WPS .et workbooks. Not readable yet: answered as "not a valid file" with
 * the format named, so the user saves it as .xlsx.
 */
import { WorkbookError, type Workbook } from './workbook.ts';

export async function openLegacy(_file: Buffer): Promise<Workbook> {
  throw new WorkbookError('not_xlsx', 'legacy .xls/.et');
}
