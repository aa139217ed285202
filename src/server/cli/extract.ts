import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { readIntakeFile } from '../modules/intake/file-reader.ts';
import { intakeResultSchema, leadStageWords, projectStageWords, type IntakeResult } from '../../contract/intake.ts';
import { readText } from '../modules/intake/reader/read-text.ts';

const USAGE = 'usage: zonedesk extract FILE [--date YYYY-MM-DD] [--json]';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const yi = (wan: number | undefined) => (wan === undefined ? undefined : wan >= 10000 ? `${wan / 10000} 亿元` : `${wan} 万元`);

/** A readable Chinese summary of what the reader found. */
export function summarise(result: IntakeResult): string {
  const lines: string[] = [`参考日期 ${result.reference_date}`];
  if (result.zone) lines.push(`开发区：${result.zone}`);
  lines.push(`项目 ${result.projects.length} 个`);
  for (const p of result.projects) {
    const parts = [
      p.investor && `投资主体 ${p.investor}`,
      p.total_investment_wan !== undefined && `总投资 ${yi(p.total_investment_wan)}`,
      p.phase1_investment_wan !== undefined && `一期 ${yi(p.phase1_investment_wan)}`,
      p.invested_to_date_wan !== undefined && `累计完成 ${yi(p.invested_to_date_wan)}`,
      p.land_mu !== undefined && `占地 ${p.land_mu} 亩`,
      p.area_m2 !== undefined && `面积 ${p.area_m2} 平方米`,
      p.capacity && `年产 ${p.capacity.value}${p.capacity.unit}`,
      p.output_value_wan !== undefined && `产值 ${yi(p.output_value_wan)}`,
      p.tax_wan !== undefined && `税收 ${yi(p.tax_wan)}`,
      p.percent_complete !== undefined && `进度 ${p.percent_complete}%`,
      p.started && `开工 ${p.started}`,
      p.planned_start && `计划开工 ${p.planned_start}`,
      p.planned_production && `计划投产 ${p.planned_production}`,
      p.stage && `阶段 ${projectStageWords[p.stage]}`,
    ].filter(Boolean);
    lines.push(`  · ${p.name}${parts.length ? `：${parts.join('，')}` : ''}`);
    for (const issue of p.issues ?? []) lines.push(`      问题［${issue.category}］${issue.text}`);
  }
  lines.push(`招商线索 ${result.leads.length} 条`);
  for (const l of result.leads) {
    const parts = [
      l.project_name && `拟建 ${l.project_name}`,
      l.planned_investment_wan !== undefined && `计划投资 ${yi(l.planned_investment_wan)}`,
      l.phase1_investment_wan !== undefined && `一期 ${yi(l.phase1_investment_wan)}`,
      l.stage && `阶段 ${leadStageWords[l.stage]}`,
      l.signed && `签约 ${l.signed}`,
      l.planned_start && `计划开工 ${l.planned_start}`,
      l.planned_production && `计划投产 ${l.planned_production}`,
      l.next_step && `下一步 ${l.next_step}`,
    ].filter(Boolean);
    lines.push(`  · ${l.enterprise}${parts.length ? `：${parts.join('，')}` : ''}`);
  }
  lines.push(`主要数据 ${result.figures.length} 项`);
  for (const f of result.figures) lines.push(`  · ${f.what}：${f.value}`);
  return lines.join('\n');
}

/** `zonedesk extract FILE [--date YYYY-MM-DD] [--json]`; returns the exit code. */
export async function runExtract(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { date: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new Error(USAGE);
    const referenceDate = values.date ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
      throw new Error(`--date 须为 YYYY-MM-DD / --date must be YYYY-MM-DD: ${referenceDate}`);
    }
    const { text } = await readIntakeFile(file);
    const result = readText(text, { referenceDate });
    // Parsing through the contract puts the keys in contract order and proves the shape.
    console.log(values.json ? JSON.stringify(intakeResultSchema.parse(result), null, 2) : summarise(result));
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runExtract(process.argv.slice(2));
}
