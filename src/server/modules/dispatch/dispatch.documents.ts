/**
 * The dispatch documents in official-document layout (GB/T 9704-like): the 周调度简报 and the
 * 提醒函 (.docx, with the `docx` package), the 堵点清单 and the 三个一批 tracking sheet (.xlsx, with
 * exceljs). Builders take plain data; the service gathers it.
 *
 * Fonts: the title in 方正小标宋简体, headings in 黑体, body in 仿宋_GB2312 三号 (16 pt). Each run
 * names the East Asian font and a Latin one; a machine without the font substitutes its own CJK
 * serif/sans (LibreOffice via fontconfig, Word via its font map), so the layout holds everywhere.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import ExcelJS from 'exceljs';
import { xlsxBuffer } from '../../platform/xlsx-export.ts';
import {
  agendaItemKindLabels,
  blockerCategoryLabels,
  blockerLevelLabels,
  blockerLevels,
  blockerStatusLabels,
  campaignBatchLabels,
  campaignBatches,
  decisionStatusLabels,
} from '../../../contract/dispatch-enums.ts';
import type { AgendaItemKind, BlockerCategory, BlockerLevel, BlockerStatus, CampaignBatch, DecisionStatus } from '../../../contract/dispatch-enums.ts';
import { campaignStatusText } from '../../../contract/dispatch/campaign-text.ts';
import type { CampaignEntryStatus } from '../../../contract/dispatch/campaigns.ts';
import { formatMoney, yuanToWan } from '../../../contract/money.ts';
import type { Rates } from './campaign-rates.ts';
import { cnDate } from './cn-date.ts';

export const fonts = {
  title: '方正小标宋简体',
  heading: '黑体',
  body: '仿宋_GB2312',
  kai: '楷体_GB2312',
  latin: 'Times New Roman',
} as const;
const PT = 2; // docx sizes are half-points
const sizes = { title: 22 * PT, body: 16 * PT, small: 12 * PT } as const; // 二号, 三号, 小四
const lineExact = 560; // 28 pt fixed line pitch: 22 lines a page, as official documents use

/** 4月8日 (the year is in the title) */
/** Calendar days from one China date to a later one (ISO dates, so UTC arithmetic is exact). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const cnShortDate = (day: string | null | undefined) => (day ? `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日` : '—');

const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const sectionNumber = (i: number) => `${chineseNumerals[i] ?? String(i + 1)}、`;
const subNumber = (i: number) => `（${chineseNumerals[i] ?? String(i + 1)}）`;

const run = (text: string, font: string, size: number = sizes.body, bold = false) =>
  new TextRun({ text, bold, size, font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: font, cs: font } });

const spacing = { line: lineExact, lineRule: LineRuleType.EXACT } as const;
const body = (text: string | TextRun[], options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    spacing,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 }, // two characters of 三号
    children: typeof text === 'string' ? [run(text, fonts.body)] : text,
  });
const heading = (text: string) => new Paragraph({ spacing, indent: { firstLine: 640 }, children: [run(text, fonts.heading)] });
const subheading = (text: string) => new Paragraph({ spacing, indent: { firstLine: 640 }, children: [run(text, fonts.kai)] });

/** A4 with GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) and a centred page number. */
function officialDocument(children: (Paragraph | Table)[], title: string): Promise<Buffer> {
  const doc = new Document({
    creator: 'zonedesk',
    title,
    styles: { default: { document: { run: { font: { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.body }, size: sizes.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(20),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 14 * PT, font: { ascii: fonts.latin, eastAsia: fonts.body } })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const titleParagraph = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(text, fonts.title, sizes.title)] });
const blank = () => new Paragraph({ spacing, children: [] });

// ---------------------------------------------------------------- brief

export interface BriefBlocker {
  title: string;
  projectName: string | null;
  category: BlockerCategory;
  departmentName: string | null;
  ownerName: string | null;
  raisedOn: string;
  deadlineOn: string;
  level: BlockerLevel;
  status: BlockerStatus;
  overdueWorkdays: number;
}
export interface BriefDecision {
  task: string;
  ownerName: string;
  departmentName: string | null;
  deadlineOn: string;
  status: DecisionStatus;
  projectName: string | null;
}
export interface BriefSlipped {
  projectName: string;
  flag: string;
  milestones: { name: string; plannedOn: string; actualOn: string | null }[];
  /** A red project with no slipped node: its red reasons. */
  reasons?: string[];
}
/** A project that turned red or yellow since the last meeting, from the flag history. */
export interface BriefFlagChange {
  projectName: string;
  flag: 'red' | 'yellow';
  fromFlag: string | null;
  on: string;
  reasons: string[];
}
export interface BriefData {
  zoneName: string;
  zoneShortName: string;
  title: string;
  heldOn: string;
  weekLabel: string;
  headline: {
    projects: number;
    ytdYuan: number;
    planYuan: number;
    weekYuan: number;
    started: number;
    inProduction: number;
    red: number;
    yellow: number;
    signings: { count: number; amountYuan: number } | null;
  };
  slipped: BriefSlipped[];
  /** Absent in briefs frozen before the flag history was kept. */
  flagChanges?: BriefFlagChange[];
  flagChangesSince?: string | null;
  blockers: BriefBlocker[];
  decisions: BriefDecision[];
  agenda: { kind: AgendaItemKind; title: string; annotation: string | null }[];
  minutes: string | null;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

/** The headings of the brief, in order: the LibreOffice test looks for them in the PDF. */
export const briefSections = ['总体情况', '进度滞后项目', '堵点问题协调情况', '会议议定事项'] as const;

export function buildBrief(d: BriefData): Promise<Buffer> {
  const h = d.headline;
  const children: (Paragraph | Table)[] = [
    titleParagraph(`${d.zoneShortName}项目调度简报`),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(`（${d.weekLabel}）`, fonts.kai)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
      children: [run(`${d.zoneName}管委会　　　　${cnDate(d.heldOn)}`, fonts.body, sizes.small * 1.25)],
    }),
    blank(),
  ];

  // 一、总体情况
  children.push(heading(`${sectionNumber(0)}${briefSections[0]}`));
  children.push(
    body(
      `截至${cnShortDate(d.heldOn)}，全区纳入调度的重点项目${h.projects}个。今年以来完成投资${formatMoney(h.ytdYuan)}，` +
        `年度计划投资${formatMoney(h.planYuan)}，完成年度计划的${percent(h.ytdYuan, h.planYuan)}；本周填报完成投资${formatMoney(h.weekYuan)}。` +
        `今年以来新开工项目${h.started}个，新投产项目${h.inProduction}个。` +
        (h.signings ? `新签约项目${h.signings.count}个，签约金额${formatMoney(h.signings.amountYuan)}（同一项目只计一次，增资只计增量）。` : '') +
        `目前亮红灯项目${h.red}个、黄灯项目${h.yellow}个。`,
    ),
  );
  const overdue = d.blockers.filter((b) => b.overdueWorkdays > 0).length;
  children.push(body(`本期提请调度的堵点问题${d.blockers.length}个，其中超期未解决${overdue}个；本次会议议定事项${d.decisions.length}项。`));

  // 二、进度滞后项目
  children.push(heading(`${sectionNumber(1)}${briefSections[1]}`));
  if (d.flagChanges) {
    const since = d.flagChangesSince ? `自上次调度会（${cnShortDate(d.flagChangesSince)}）以来` : '本周';
    const list = (flag: 'red' | 'yellow') =>
      d
        .flagChanges!.filter((c) => c.flag === flag)
        .map((c) => `${c.projectName}（${cnShortDate(c.on)}${c.reasons.length ? `，${c.reasons.join('，')}` : ''}）`);
    const red = list('red');
    const yellow = list('yellow');
    children.push(
      body(
        `${since}新亮红灯项目${red.length}个${red.length ? `：${red.join('；')}` : ''}；新亮黄灯项目${yellow.length}个${yellow.length ? `：${yellow.join('；')}` : ''}。`,
      ),
    );
  }
  // A node finished after its date is no longer behind: it is told apart, with the days it was late.
  const behind = d.slipped.filter((p) => p.milestones.length === 0 || p.milestones.some((m) => !m.actualOn));
  const finishedLate = d.slipped.filter((p) => p.milestones.length > 0 && p.milestones.every((m) => m.actualOn));
  if (behind.length === 0) children.push(body('本期无节点滞后项目。'));
  behind.forEach((p, i) => {
    const nodes = p.milestones
      .map((m) =>
        m.actualOn
          ? `“${m.name}”计划${cnShortDate(m.plannedOn)}完成，实际${cnShortDate(m.actualOn)}完成（延期${daysBetween(m.plannedOn, m.actualOn)}天）`
          : `“${m.name}”计划${cnShortDate(m.plannedOn)}完成，目前尚未完成${daysBetween(m.plannedOn, d.heldOn) > 0 ? `（已超期${daysBetween(m.plannedOn, d.heldOn)}天）` : ''}`,
      )
      .join('；');
    children.push(
      body([
        run(`${subNumber(i)}${p.projectName}`, fonts.kai),
        run(
          `${p.flag === 'red' ? '（红灯）' : p.flag === 'yellow' ? '（黄灯）' : ''}：${nodes || `项目亮红灯${p.reasons?.length ? `（${p.reasons.join('，')}）` : ''}`}。`,
          fonts.body,
        ),
      ]),
    );
  });
  if (finishedLate.length)
    children.push(
      body(
        `本期延期完成节点${finishedLate.reduce((n, p) => n + p.milestones.length, 0)}个：` +
          finishedLate
            .map(
              (p) =>
                `${p.projectName}${p.milestones.map((m) => `“${m.name}”计划${cnShortDate(m.plannedOn)}完成，实际${cnShortDate(m.actualOn)}完成（延期${daysBetween(m.plannedOn, m.actualOn!)}天）`).join('、')}`,
            )
            .join('；') +
          '。',
      ),
    );

  // 三、堵点问题协调情况 (by escalation level, highest first)
  children.push(heading(`${sectionNumber(2)}${briefSections[2]}`));
  if (d.blockers.length === 0) children.push(body('本期无需调度的堵点问题。'));
  let sub = 0;
  for (const level of [...blockerLevels].reverse()) {
    const list = d.blockers.filter((b) => b.level === level);
    if (list.length === 0) continue;
    children.push(subheading(`${subNumber(sub++)}提请${blockerLevelLabels[level][0]}协调（${list.length}个）`));
    list.forEach((b, i) => {
      children.push(
        body(
          `${i + 1}. ${b.projectName ? `${b.projectName}：` : ''}${b.title}（${blockerCategoryLabels[b.category][0]}类）。` +
            `${cnShortDate(b.raisedOn)}提出，责任单位${b.departmentName ?? '未指定'}${b.ownerName ? `，责任人${b.ownerName}` : ''}，` +
            `办理期限${cnShortDate(b.deadlineOn)}，${b.overdueWorkdays > 0 ? `已超期${b.overdueWorkdays}个工作日` : blockerStatusLabels[b.status][0]}。`,
        ),
      );
    });
  }

  // 四、会议议定事项
  children.push(heading(`${sectionNumber(3)}${briefSections[3]}`));
  if (d.decisions.length === 0) children.push(body('本次会议无议定事项。'));
  else children.push(decisionsTable(d.decisions));

  if (d.minutes?.trim()) {
    children.push(heading(`${sectionNumber(4)}会议纪要`));
    for (const para of d.minutes.split(/\n+/).filter((p) => p.trim())) children.push(body(para.trim()));
  }
  return officialDocument(children, d.title);
}

function decisionsTable(decisions: BriefDecision[]): Table {
  const cell = (text: string, width: number, header = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? fonts.heading : fonts.body, sizes.small)],
        }),
      ],
    });
  // Twips across the 156 mm text width (A4 less the 28 mm and 26 mm margins).
  const widths = [700, 4200, 1500, 1500, 944];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: ['序号', '议定事项', '责任人', '完成时限', '状态'].map((t, i) => cell(t, widths[i], true)) }),
      ...decisions.map(
        (dec, i) =>
          new TableRow({
            children: [
              cell(String(i + 1), widths[0]),
              cell(`${dec.projectName ? `【${dec.projectName}】` : ''}${dec.task}`, widths[1]),
              cell(`${dec.ownerName}${dec.departmentName ? `（${dec.departmentName}）` : ''}`, widths[2]),
              cell(cnDate(dec.deadlineOn), widths[3]),
              cell(decisionStatusLabels[dec.status][0], widths[4]),
            ],
          }),
      ),
    ],
  });
}

// ---------------------------------------------------------------- reminder letter

export interface ReminderData {
  zoneName: string;
  departmentName: string | null;
  ownerName: string | null;
  projectName: string | null;
  title: string;
  category: BlockerCategory;
  raisedOn: string;
  deadlineOn: string;
  level: BlockerLevel;
  overdueWorkdays: number;
  today: string;
}

/** 提醒函: a reminder to the responsible unit of an overdue blocker. */
export function buildReminder(d: ReminderData): Promise<Buffer> {
  return officialDocument(
    [
      titleParagraph('堵点问题办理提醒函'),
      blank(),
      body(`${d.departmentName ?? d.ownerName ?? '有关单位'}：`, { indent: false }),
      body(
        `${d.projectName ? `“${d.projectName}”` : ''}堵点问题“${d.title}”（${blockerCategoryLabels[d.category][0]}类）于${cnDate(d.raisedOn)}提出，` +
          `办理期限为${cnDate(d.deadlineOn)}。截至${cnDate(d.today)}，该问题尚未销号，已超期${d.overdueWorkdays}个工作日，现由${blockerLevelLabels[d.level][0]}层级协调。`,
      ),
      body(
        `请你单位${d.ownerName ? `（责任人：${d.ownerName}）` : ''}高度重视，抓紧研究解决，并于3个工作日内将办理进展和下一步措施报送项目推进办公室。逾期未办结的，将按程序提请上一层级协调。`,
      ),
      body('特此提醒。'),
      blank(),
      body(`${d.zoneName}管委会`, { align: AlignmentType.RIGHT, indent: false }),
      body(cnDate(d.today), { align: AlignmentType.RIGHT, indent: false }),
    ],
    '堵点问题办理提醒函',
  );
}

// ---------------------------------------------------------------- spreadsheets

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function sheetWithTitle(wb: ExcelJS.Workbook, name: string, title: string, headers: { header: string; width: number }[]) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = headers.map((h) => ({ width: h.width }));
  ws.mergeCells(1, 1, 1, headers.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '黑体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const head = ws.getRow(2);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h.header;
    c.font = { name: '黑体', size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = border;
  });
  head.height = 22;
  return ws;
}

function addRows(ws: ExcelJS.Worksheet, rows: (string | number | null)[][]) {
  for (const values of rows) {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = border;
      c.alignment = { vertical: 'top', wrapText: true };
      c.font = { name: '仿宋_GB2312', size: 11 };
    });
  }
}

export interface BlockerSheetRow {
  /** Shown in a 开发区 column when the list spans zones (a city's or province's list). */
  zoneName?: string;
  title: string;
  projectName: string | null;
  leadName: string | null;
  category: BlockerCategory;
  raisedOn: string;
  departmentName: string | null;
  responsibleName: string | null;
  deadlineOn: string;
  level: BlockerLevel;
  status: BlockerStatus;
  overdueWorkdays: number;
  resolution: string | null;
  resolvedOn: string | null;
}

/** 堵点清单: issue, project, category, raised, department, deadline, level, status, result (DOMAIN.md, documents 5). */
export async function buildBlockersSheet(title: string, rows: BlockerSheetRow[], options: { zoneColumn?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const zoneColumn = options.zoneColumn ?? false;
  const ws = sheetWithTitle(wb, '堵点清单', title, [
    { header: '序号', width: 6 },
    ...(zoneColumn ? [{ header: '开发区', width: 16 }] : []),
    { header: '堵点问题', width: 36 },
    { header: '所属项目', width: 26 },
    { header: '问题类别', width: 12 },
    { header: '提出日期', width: 12 },
    { header: '责任单位', width: 18 },
    { header: '责任人', width: 10 },
    { header: '办理期限', width: 12 },
    { header: '协调层级', width: 12 },
    { header: '办理状态', width: 12 },
    { header: '办理结果', width: 40 },
  ]);
  addRows(
    ws,
    rows.map((r, i) => [
      i + 1,
      ...(zoneColumn ? [r.zoneName ?? ''] : []),
      r.title,
      r.projectName ?? (r.leadName ? `（线索）${r.leadName}` : ''),
      blockerCategoryLabels[r.category][0],
      r.raisedOn,
      r.departmentName ?? '',
      r.responsibleName ?? '',
      r.deadlineOn,
      blockerLevelLabels[r.level][0],
      r.status !== 'resolved' && r.overdueWorkdays > 0
        ? `${blockerStatusLabels[r.status][0]}（超期${r.overdueWorkdays}个工作日）`
        : blockerStatusLabels[r.status][0],
      r.resolution ? `${r.resolvedOn ? `${r.resolvedOn} ` : ''}${r.resolution}` : '',
    ]),
  );
  return xlsxBuffer(wb);
}

export interface CampaignSheetEntry {
  batch: CampaignBatch;
  name: string;
  signedOn: string | null;
  agreedAmountYuan: number | null;
  startOn: string | null;
  productionOn: string | null;
  outputReached: boolean;
  arrivedYuan: number | null;
  nominated: boolean;
  achieved: boolean;
  status: CampaignEntryStatus;
  statusOn: string | null;
  reason: string | null;
}

const rateText = (r: { done: number; planned: number; rate: number | null }) =>
  `${r.done}/${r.planned}（${r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`}）`;

/** 三个一批 tracking: batch, project, signing date, agreed amount, start, production, output, money arrived, and the rates (DOMAIN.md, documents 3). */
export async function buildCampaignSheet(title: string, entries: CampaignSheetEntry[], rates: Rates, gaps: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zonedesk';
  const ws = sheetWithTitle(wb, '三个一批', title, [
    { header: '批次', width: 12 },
    { header: '序号', width: 6 },
    { header: '项目名称', width: 34 },
    { header: '签约日期', width: 12 },
    { header: '签约金额（万元）', width: 14 },
    { header: '开工日期', width: 12 },
    { header: '投产日期', width: 12 },
    { header: '达产达效', width: 10 },
    { header: '到位资金（万元）', width: 14 },
    { header: '完成情况', width: 10 },
    { header: '认定依据', width: 30 },
    { header: '说明', width: 30 },
  ]);
  const rows: (string | number | null)[][] = [];
  for (const batch of campaignBatches) {
    entries
      .filter((e) => e.batch === batch)
      .forEach((e, i) =>
        rows.push([
          campaignBatchLabels[batch][0],
          i + 1,
          e.name,
          e.signedOn ?? '',
          e.agreedAmountYuan == null ? null : yuanToWan(e.agreedAmountYuan),
          e.startOn ?? '',
          e.productionOn ?? '',
          batch === 'production' ? (e.outputReached ? '是' : '否') : '',
          e.arrivedYuan == null ? null : yuanToWan(e.arrivedYuan),
          e.achieved ? (e.nominated ? '完成' : '完成（未提名）') : '未完成',
          campaignStatusText(e.status, e.statusOn, 'zh'),
          e.reason ?? '',
        ]),
      );
  }
  addRows(ws, rows);
  ws.addRow([]);
  const summary: [string, string][] = [
    ['签约完成率', rateText(rates.signing)],
    ['开工率', rateText(rates.start)],
    ['投产率', rateText(rates.production)],
    ['达效率', rateText(rates.output)],
  ];
  for (const [label, value] of summary) {
    const row = ws.addRow([label, '', value]);
    row.getCell(1).font = { name: '黑体', size: 11, bold: true };
    row.getCell(3).font = { name: '仿宋_GB2312', size: 11 };
  }
  // The same sentence the campaign page shows: nominated vs achieved, who is missing and why.
  for (const text of gaps) {
    const row = ws.addRow(['', '', text]);
    row.getCell(3).font = { name: '仿宋_GB2312', size: 11 };
  }
  return xlsxBuffer(wb);
}

export const agendaKindLabel = (kind: AgendaItemKind) => agendaItemKindLabels[kind][0];
