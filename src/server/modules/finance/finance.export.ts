/**
 * 银企对接台账 (.xlsx): the quarterly summary (季度汇总, with the institutions' share), the financing
 * needs, the referrals and their outcomes, the 银企对接会 and the institutions with their products.
 * The latest quarter's line in each sheet's second row; amounts in 万元.
 */
import { fromYuan } from '../../../contract/money.ts';
import { financeNeedStatusLabels, institutionKindLabels, referralOutcomeLabels } from '../../../contract/services/labels.ts';
import { loadExcel, writeHeader, writeTitle } from '../../platform/xlsx.ts';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import type { FinanceService } from './finance.service.ts';

type ExportData = Awaited<ReturnType<FinanceService['exportData']>>;
const wan = (yuan: number | null) => (yuan == null ? null : Number(fromYuan(yuan, 'wan')));

export async function financeWorkbook(data: ExportData, title: string, today: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const sheet = (name: string, heading: string, headers: string[], widths: number[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = widths.map((width) => ({ width }));
    writeTitle(ws, heading, headers.length);
    ws.mergeCells(2, 1, 2, headers.length);
    ws.getCell(2, 1).value = `${data.summary.text}　　金额单位：万元　　导出日期：${today}`;
    ws.getCell(2, 1).alignment = { horizontal: 'right' };
    writeHeader(ws, 3, headers);
    for (const r of rows) ws.addRow(r);
    return ws;
  };

  const s = data.summary;
  const summary = sheet(
    '季度汇总',
    `${title}银企对接季度汇总`,
    ['季度', '银企对接会（场）', '融资需求（笔）', '需求金额（万元）', '推荐对接（次）', '放款（笔）', '放款金额（万元）', '未获批（笔）'],
    [20, 14, 14, 16, 14, 12, 16, 12],
    s.quarters.map((q) => [q.label, q.events, q.needs, wan(q.needYuan), q.referrals, q.granted, wan(q.grantedYuan), q.declined]),
  );
  const total = summary.addRow(['合计', s.total.events, s.total.needs, wan(s.total.needYuan), s.total.referrals, s.total.granted, wan(s.total.grantedYuan), s.total.declined]);
  total.font = { bold: true };
  summary.addRow([]);
  summary.addRow([`跟进中的推荐 ${s.pending} 次，待对接的融资需求 ${s.openNeeds} 笔`]);
  summary.addRow([]);
  writeHeader(summary, summary.rowCount + 1, ['金融机构', '类型', '推荐对接（次）', '放款（笔）', '放款金额（万元）']);
  for (const b of s.byInstitution) summary.addRow([b.name, institutionKindLabels[b.kind][0], b.referrals, b.granted, wan(b.grantedYuan)]);

  sheet(
    '融资需求',
    `${title}企业融资需求台账`,
    ['序号', '企业', '融资金额（万元）', '资金用途', '期限（月）', '担保/抵押', '登记日期', '状态', '推荐（次）', '已放款（万元）', '备注'],
    [6, 30, 14, 30, 10, 20, 12, 10, 10, 14, 30],
    data.needs.map((d, i) => [i + 1, d.enterpriseName, wan(d.amountYuan), d.purpose, d.termMonths, d.collateral, d.raisedOn, financeNeedStatusLabels[d.status][0], d.referralCount, wan(d.grantedYuan), d.note]),
  );
  sheet(
    '推荐对接',
    `${title}银企推荐对接及结果`,
    ['序号', '企业', '需求金额（万元）', '金融机构', '金融产品', '对接会', '推荐日期', '结果', '放款金额（万元）', '放款日期', '备注'],
    [6, 28, 14, 26, 18, 26, 12, 10, 14, 12, 30],
    data.referrals.map((r, i) => [
      i + 1,
      r.enterpriseName,
      wan(r.needAmountYuan),
      r.institutionName,
      r.productName,
      r.eventName,
      r.referredOn,
      referralOutcomeLabels[r.outcome][0],
      wan(r.grantedYuan),
      r.grantedOn,
      r.note,
    ]),
  );
  sheet(
    '银企对接会',
    `${title}银企对接会`,
    ['序号', '名称', '日期', '地点', '推荐对接（次）', '企业（家）', '金融机构（家）', '放款金额（万元）', '备注'],
    [6, 32, 12, 24, 14, 10, 14, 16, 30],
    data.events.map((v, i) => [i + 1, v.name, v.heldOn, v.place, v.referralCount, v.enterpriseCount, v.institutionCount, wan(v.grantedYuan), v.note]),
  );
  sheet(
    '金融机构及产品',
    `${title}金融机构及产品`,
    ['金融机构', '类型', '联系人', '产品', '最高额度（万元）', '期限（月）', '利率', '担保方式'],
    [28, 10, 20, 20, 14, 10, 16, 24],
    data.institutions.flatMap((i) => {
      const products = data.products.filter((p) => p.institutionId === i.id);
      const head = [i.name, institutionKindLabels[i.kind][0], i.contact];
      return products.length
        ? products.map((p, k) => [...(k === 0 ? head : ['', '', '']), p.name, wan(p.maxAmountYuan), p.termMonths, p.rate, p.collateral])
        : [[...head, null, null, null, null, null]];
    }),
  );
  return xlsxBuffer(wb);
}
