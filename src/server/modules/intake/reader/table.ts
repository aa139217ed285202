import { projectStages, projectStageWords } from '../../../../contract/intake.ts';
import { findDates, isAfter, resolveDate, type RefDate } from './dates.ts';
import { categorise } from './issues.ts';
import { MONEY_UNIT, NUM, toWan } from './numbers.ts';
import type { ProjectFacts } from './projects.ts';
import type { Block, Found } from './text-tools.ts';

type Column = 'name' | 'investor' | 'total' | 'toDate' | 'output' | 'tax' | 'land' | 'start' | 'production' | 'stage' | 'issue' | 'skip';

const HEADERS: [Column, RegExp][] = [
  ['toDate', /累计完成|已完成投资|累计投资/],
  ['total', /总投资|投资总额|计划投资/],
  ['name', /项目名称|^名称$|^项目$/],
  ['investor', /建设单位|投资主体|业主|企业|实施主体|投资方/],
  ['output', /产值/],
  ['tax', /税收/],
  ['land', /占地|用地/],
  ['production', /投产/],
  ['start', /开工/],
  ['stage', /阶段|状态|进度/],
  ['issue', /问题|困难|堵点/],
];

interface Cell {
  text: string;
  start: number;
  end: number;
}

function cellsOf(text: string, block: Block): Cell[] {
  const cells: Cell[] = [];
  let start = block.start;
  for (let i = block.start; i <= block.end; i++) {
    if (i === block.end || text[i] === '|') {
      let s = start;
      let e = i;
      while (s < e && text[s] === ' ') s++;
      while (e > s && text[e - 1] === ' ') e--;
      cells.push({ text: text.slice(s, e), start: s, end: e });
      start = i + 1;
    }
  }
  // `| a | b |` has empty cells at both edges.
  if (cells.length && cells[0].text === '' && text[block.start] === '|' && /[|｜]\s*$/.test(text.slice(block.start, block.end))) cells.shift();
  if (cells.length && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

const TABLE_CAPACITY = new RegExp(`年产(${NUM})(万|亿|千)?(吨|台套|台|套|辆|件|片|只|颗|块|组|GWh|GW|MWh|MW)`);
/** Physical progress as a table writes it (`主体封顶`, `设备安装调试`, `基础施工`): under construction. */
const progressStage = (t: string) =>
  /封顶|安装|调试|施工|钢结构|土建|完成\d+%|总工程量/.test(t) && !/暂缓|停工|尚未开工/.test(t) ? ('construction' as const) : undefined;

const found = <T>(value: T, cell: Cell): Found<T> => ({ value, start: cell.start, end: cell.end });

function moneyCell(cell: Cell, headerUnit: string): Found<number> | undefined {
  const m = new RegExp(`^(${NUM})\\s*(${MONEY_UNIT})?$`).exec(cell.text);
  return m ? found(toWan(m[1], m[2] ?? headerUnit), cell) : undefined;
}

function dateCell(cell: Cell, ref: RefDate, planned: boolean): string | undefined {
  const dotted = /^(\d{4})[.\-/年](\d{1,2})月?$/.exec(cell.text);
  if (dotted) return `${dotted[1]}-${dotted[2].padStart(2, '0')}`;
  const d = findDates(cell.text)[0];
  return d ? resolveDate(d, ref, planned ? 'future' : 'unknown') : undefined;
}

/**
 * Projects from pipe-separated tables (`序号|项目名称|总投资（亿元）|…`): the header row names the
 * columns and may carry the money unit; each later row is one project. Rows of a table that has no
 * name column are left alone.
 */
export function readTables(text: string, blocks: Block[], ref: RefDate): ProjectFacts[] {
  const projects: ProjectFacts[] = [];
  let columns: { column: Column; unit: string; planned: boolean }[] | undefined;
  for (const block of blocks) {
    if (!block.isTable) {
      columns = undefined;
      continue;
    }
    const cells = cellsOf(text, block);
    const header = cells.map((c) => {
      const column = HEADERS.find(([, re]) => re.test(c.text))?.[0];
      return column ? { column, unit: /亿/.test(c.text) ? '亿元' : '万元', planned: /计划|预计/.test(c.text) } : undefined;
    });
    if (header.some((h) => h?.column === 'name')) {
      columns = header.map((h) => h ?? { column: 'skip', unit: '', planned: false });
      continue;
    }
    if (!columns) continue;
    const project = rowToProject(cells, columns, ref, block);
    if (project) projects.push(project);
  }
  return projects;
}

function rowToProject(cells: Cell[], columns: { column: Column; unit: string; planned: boolean }[], ref: RefDate, block: Block): ProjectFacts | undefined {
  const nameAt = columns.findIndex((c) => c.column === 'name');
  const nameCell = cells[nameAt];
  if (!nameCell || nameCell.text.length < 2) return undefined;
  if (/^(?:合计|小计|总计|共计)$/.test(nameCell.text.replace(/\s/g, ''))) return undefined;
  const p: ProjectFacts = { name: found(nameCell.text, nameCell), scope: [block.start, block.end], issues: [], evidence: true };
  const cap = TABLE_CAPACITY.exec(nameCell.text);
  if (cap) p.capacity = { value: { value: Number(cap[1]), unit: (cap[2] ?? '') + cap[3] }, start: nameCell.start + cap.index, end: nameCell.start + cap.index + cap[0].length };
  columns.forEach((col, i) => {
    const cell = cells[i];
    if (!cell || cell.text === '' || /^[-—/无]+$/.test(cell.text)) return;
    switch (col.column) {
      case 'investor':
        p.investor = found(cell.text, cell);
        break;
      case 'total':
        p.total_investment_wan = moneyCell(cell, col.unit);
        break;
      case 'toDate':
        p.invested_to_date_wan = moneyCell(cell, col.unit);
        break;
      case 'output':
        p.output_value_wan = moneyCell(cell, col.unit);
        break;
      case 'tax':
        p.tax_wan = moneyCell(cell, col.unit);
        break;
      case 'land': {
        const m = new RegExp(`^(${NUM})\\s*亩?$`).exec(cell.text);
        if (m) p.land_mu = found(Number(m[1].replace(/,/g, '')), cell);
        break;
      }
      case 'start': {
        const iso = dateCell(cell, ref, col.planned);
        if (iso) {
          if (col.planned || isAfter(iso, ref)) p.planned_start = found(iso, cell);
          else p.started = found(iso, cell);
        }
        break;
      }
      case 'production': {
        const iso = dateCell(cell, ref, true);
        if (iso) p.planned_production = found(iso, cell);
        break;
      }
      case 'stage': {
        const pct = new RegExp(`(?:^|总工程量的?|形象进度|工程进度)(${NUM})%$|(?:总工程量的?|形象进度|工程进度)(${NUM})%`).exec(cell.text);
        if (pct) p.percent_complete = found(Number(pct[1] ?? pct[2]), cell);
        const stage = projectStages.find((s) => projectStageWords[s].split('/').some((w) => cell.text.includes(w))) ?? progressStage(cell.text);
        if (stage) p.stage = found(stage, cell);
        break;
      }
      case 'issue':
        p.issues.push(found({ text: cell.text, category: categorise(cell.text) }, cell));
        break;
    }
  });
  return p;
}
