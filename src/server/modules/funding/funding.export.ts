/** 向上争取资金台账 (.xlsx): the summary line, the applications, the reserve and the 对接记录, one sheet each. */
import { fromYuan } from '../../../contract/money.ts';
import { applicationStatusLabels } from '../../../contract/services/labels.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import type { FundingService } from './funding.service.ts';

type ExportData = Awaited<ReturnType<FundingService['exportData']>>;
const wan = (yuan: number | null) => (yuan == null ? null : Number(fromYuan(yuan, 'wan')));

export async function fundingWorkbook(data: ExportData, title: string, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';

  const sheet = (name: string, heading: string, headers: string[], widths: number[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.columns = widths.map((width) => ({ width }));
    writeTitle(ws, heading, headers.length);
    ws.mergeCells(2, 1, 2, headers.length);
    ws.getCell(2, 1).value = `${data.summary.text}　　金额单位：万元　　导出日期：${today}`;
    ws.getCell(2, 1).alignment = { horizontal: 'right' };
    writeHeader(ws, 3, headers);
    for (const r of rows) ws.addRow(r);
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
    return ws;
  };

  sheet(
    '资金申报',
    `${title}向上争取资金申报台账`,
    ['序号', '储备项目', '资金项目', '年度', '申报截止', '状态', '申请金额（万元）', '下达金额（万元）', '申报日期', '下达日期', '拨付日期', '负责人', '备注'],
    [6, 28, 32, 8, 12, 8, 14, 14, 12, 12, 12, 10, 30],
    data.applications.map((a, i) => [
      i + 1,
      a.reserveName,
      a.programmeName,
      a.year,
      a.deadlineOn,
      applicationStatusLabels[a.status][0],
      wan(a.askedYuan),
      wan(a.grantedYuan),
      a.submittedOn,
      a.approvedOn,
      a.disbursedOn,
      a.ownerName,
      a.note,
    ]),
  );
  sheet(
    '项目储备库',
    `${title}项目储备库`,
    ['序号', '项目名称', '企业', '总投资（万元）', '前期手续', '可研', '资金申请报告', '适合的资金项目', '入库日期', '负责人'],
    [6, 30, 28, 14, 10, 8, 12, 40, 12, 10],
    data.reserve.map((r, i) => [
      i + 1,
      r.name,
      r.enterpriseName,
      wan(r.totalInvestmentYuan),
      r.preliminaryDone ? '已完成' : '未完成',
      r.feasibilityDone ? '已完成' : '未完成',
      r.reportDone ? '已完成' : '未完成',
      r.programmes.map((p) => p.name).join('；'),
      r.addedOn,
      r.ownerName,
    ]),
  );
  sheet(
    '对接记录',
    `${title}对接上级部门记录`,
    ['序号', '日期', '对接部门', '对接人', '对接内容', '下一步', '资金项目', '储备项目', '记录人'],
    [6, 12, 24, 12, 40, 30, 28, 24, 10],
    data.contacts.map((c, i) => [i + 1, c.contactedOn, c.department, c.person, c.subject, c.nextStep, c.programmeName, c.reserveName, c.recordedByName]),
  );
  sheet(
    '汇总',
    `${title}向上争取资金汇总`,
    ['资金项目', '年度', '储备', '申报', '对接', '申请金额（万元）', '争取资金（万元）'],
    [36, 8, 8, 8, 8, 14, 14],
    data.summary.byProgramme.map((p) => [p.name, p.year, p.reserve, p.applied, p.contacts, wan(p.askedYuan), wan(p.grantedYuan)]),
  );
  return xlsxBuffer(wb);
}
