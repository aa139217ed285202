import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leadStages, leadStageWords, projectStages, projectStageWords, type IntakeResult } from '../../../../contract/intake.ts';
import { readText } from '../reader/read-text.ts';

/**
 * The intake scoring script (issue 12 item 6): reads every sample of `../shared/samples/intake/`
 * (or the folder given) and scores the reader against its `.expected.json`. Names compare with
 * whitespace removed; a project counts as found only with its exact total investment (when the
 * sample gives one); a figure counts when label and value agree.
 */

interface ExpectedFigure {
  what: string;
  value: number;
  from?: number;
  period?: string;
  from_period?: string;
}
interface ExpectedArticle {
  zone: string;
  projects?: string[];
  leads?: string[];
  figures?: ExpectedFigure[];
}
interface ExpectedFile {
  reference_date: string;
  zone?: string;
  projects?: (Record<string, unknown> & { name: string })[];
  leads?: (Record<string, unknown> & { enterprise: string })[];
  figures?: ExpectedFigure[];
  articles?: ExpectedArticle[];
  not_projects?: string[];
}

export interface SampleScore {
  name: string;
  projects: { expected: number; found: number; exactAmount: number; fieldsRight: number; fieldsExpected: number };
  reported: number;
  spurious: string[];
  decoys: string[];
  leads: { expected: number; found: number; spurious: string[]; fieldsRight: number; fieldsExpected: number };
  figures: { expected: number; found: number; withPeriod: number; missing: string[] };
  wrong: string[];
  zones: { expected: string[]; got: string[]; right: number };
  ms: number;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const here = path.dirname(fileURLToPath(import.meta.url));
/** The repo root's sibling `shared/` (as CI and every checkout lay it out). */
export const SHARED_SAMPLES = path.resolve(here, '../../../../../../shared/samples/intake');

const stageKey = <K extends string>(keys: readonly K[], words: Record<K, string>, word: unknown) => keys.find((k) => words[k] === word) ?? word;

function sameValue(field: string, want: unknown, got: unknown): boolean {
  if (field === 'stage') return false;
  return JSON.stringify(want) === JSON.stringify(got);
}

function articlesOf(result: IntakeResult): { zone: string | null; projects: string[]; leads: string[] }[] {
  const r = result as IntakeResult & { articles?: { zone: string | null }[] };
  if (!r.articles || r.articles.length === 0) return [{ zone: result.zone, projects: result.projects.map((p) => p.name), leads: result.leads.map((l) => l.enterprise) }];
  return r.articles.map((a, i) => ({
    zone: a.zone,
    projects: result.projects.filter((p) => (p as { article?: number }).article === i).map((p) => p.name),
    leads: result.leads.filter((l) => (l as { article?: number }).article === i).map((l) => l.enterprise),
  }));
}

export function scoreSample(name: string, text: string, expected: ExpectedFile): SampleScore {
  const t0 = performance.now();
  const result = readText(text, { referenceDate: expected.reference_date });
  const ms = performance.now() - t0;
  const wantProjects = expected.projects ?? [];
  const score: SampleScore = {
    name,
    projects: { expected: wantProjects.length, found: 0, exactAmount: 0, fieldsRight: 0, fieldsExpected: 0 },
    reported: result.projects.length,
    spurious: [],
    decoys: [],
    leads: { expected: (expected.leads ?? []).length, found: 0, spurious: [], fieldsRight: 0, fieldsExpected: 0 },
    figures: { expected: (expected.figures ?? []).length, found: 0, withPeriod: 0, missing: [] },
    zones: { expected: [], got: [], right: 0 },
    wrong: [],
    ms,
  };
  for (const want of wantProjects) {
    const got = result.projects.find((p) => squash(p.name) === squash(want.name));
    if (!got) {
      score.wrong.push(`missing project ${want.name}`);
      continue;
    }
    score.projects.found++;
    if (want.total_investment_wan === undefined || got.total_investment_wan === want.total_investment_wan) score.projects.exactAmount++;
    for (const [field, value] of Object.entries(want)) {
      if (field === 'name' || field === 'issues') continue;
      score.projects.fieldsExpected++;
      const v = field === 'stage' ? stageKey(projectStages, projectStageWords, value) : value;
      if (JSON.stringify(got[field as keyof typeof got]) === JSON.stringify(v)) score.projects.fieldsRight++;
      else score.wrong.push(`${want.name}.${field}: ${JSON.stringify(got[field as keyof typeof got])} ≠ ${JSON.stringify(v)}`);
    }
  }
  const wanted = new Set(wantProjects.map((p) => squash(p.name)));
  const decoys = (expected.not_projects ?? []).map(squash);
  for (const p of result.projects) {
    const n = squash(p.name);
    if (!wanted.has(n)) score.spurious.push(p.name);
    if (decoys.some((d) => d === n || d.includes(n) || n.includes(d))) score.decoys.push(p.name);
  }
  for (const want of expected.leads ?? []) {
    const got = result.leads.find((l) => squash(l.enterprise) === squash(want.enterprise));
    if (!got) {
      score.wrong.push(`missing lead ${want.enterprise}`);
      continue;
    }
    score.leads.found++;
    for (const [field, value] of Object.entries(want)) {
      if (field === 'enterprise') continue;
      score.leads.fieldsExpected++;
      const v = field === 'stage' ? stageKey(leadStages, leadStageWords, value) : value;
      if (JSON.stringify(got[field as keyof typeof got]) === JSON.stringify(v)) score.leads.fieldsRight++;
      else score.wrong.push(`${want.enterprise}.${field}: ${JSON.stringify(got[field as keyof typeof got])} ≠ ${JSON.stringify(v)}`);
    }
  }
  const wantedLeads = new Set((expected.leads ?? []).map((l) => squash(l.enterprise)));
  score.leads.spurious = result.leads.filter((l) => !wantedLeads.has(squash(l.enterprise))).map((l) => l.enterprise);
  // Figures: each expected one consumes one read figure of the same label and value.
  const pool = result.figures.map((f) => ({ ...(f as typeof f & { from?: number; period?: string; from_period?: string }), used: false }));
  for (const want of expected.figures ?? []) {
    const candidates = pool.filter((f) => !f.used && f.what === want.what && f.value === want.value);
    const best = candidates.find((f) => f.period === want.period && f.from === want.from) ?? candidates[0];
    if (!best) {
      score.figures.missing.push(`${want.what}=${want.value}`);
      continue;
    }
    best.used = true;
    score.figures.found++;
    if (best.period === want.period && best.from === want.from && best.from_period === want.from_period) score.figures.withPeriod++;
  }
  const wantArticles = expected.articles ?? (expected.zone ? [{ zone: expected.zone }] : []);
  const gotArticles = articlesOf(result);
  score.zones.expected = wantArticles.map((a) => a.zone);
  score.zones.got = gotArticles.map((a) => a.zone ?? '—');
  wantArticles.forEach((a, i) => {
    if (gotArticles.length === wantArticles.length && gotArticles[i].zone === a.zone) score.zones.right++;
  });
  void sameValue;
  return score;
}

export function loadScoreSamples(dir = SHARED_SAMPLES): { name: string; text: string; expected: ExpectedFile }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(path.join(dir, f), 'utf8'),
      expected: JSON.parse(readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as ExpectedFile,
    }));
}

const pct = (a: number, b: number) => (b === 0 ? '  -  ' : `${((100 * a) / b).toFixed(0).padStart(3)}%`);

/** The scoring table, one line per sample and a totals line; `verbose` adds what was missed. */
export function scoreLines(dir = SHARED_SAMPLES, verbose = false): string[] {
  const samples = loadScoreSamples(dir);
  if (samples.length === 0) return [`intake score: no samples in ${dir}`];
  const lines = [
    'intake score: sample | projects exact/expected | precision (spurious, decoys) | leads found/expected (+spurious) | figures found/expected (with period) | zones right/articles | ms',
  ];
  const total = { pe: 0, px: 0, rep: 0, spur: 0, dec: 0, le: 0, lf: 0, ls: 0, fe: 0, ff: 0, fp: 0, ze: 0, zr: 0, pfr: 0, pfe: 0, lfr: 0, lfe: 0 };
  for (const s of samples) {
    const sc = scoreSample(s.name, s.text, s.expected);
    const correct = sc.reported - sc.spurious.length;
    lines.push(
      `intake score: ${s.name.padEnd(34)} | ${String(sc.projects.exactAmount).padStart(2)}/${String(sc.projects.expected).padEnd(2)} ${pct(sc.projects.exactAmount, sc.projects.expected)}` +
        ` (fields ${sc.projects.fieldsRight}/${sc.projects.fieldsExpected})` +
        ` | ${pct(correct, sc.reported)} (${sc.spurious.length}, ${sc.decoys.length})` +
        ` | ${sc.leads.found}/${sc.leads.expected} (+${sc.leads.spurious.length}) fields ${sc.leads.fieldsRight}/${sc.leads.fieldsExpected}` +
        ` | ${sc.figures.found}/${sc.figures.expected} ${pct(sc.figures.found, sc.figures.expected)} (${sc.figures.withPeriod})` +
        ` | ${sc.zones.right}/${sc.zones.expected.length} [${sc.zones.got.join(' ')}]` +
        ` | ${sc.ms.toFixed(1)}`,
    );
    if (verbose) {
      if (sc.spurious.length) lines.push(`    spurious: ${sc.spurious.join(' · ')}`);
      for (const w of sc.wrong) lines.push(`    ${w}`);
      if (sc.leads.spurious.length) lines.push(`    spurious leads: ${sc.leads.spurious.join(' · ')}`);
      if (sc.figures.missing.length) lines.push(`    missing figures: ${sc.figures.missing.join(' · ')}`);
      if (sc.zones.right < sc.zones.expected.length) lines.push(`    zones expected: ${sc.zones.expected.join(' ')}`);
    }
    total.pe += sc.projects.expected;
    total.px += sc.projects.exactAmount;
    total.rep += sc.reported;
    total.spur += sc.spurious.length;
    total.dec += sc.decoys.length;
    total.le += sc.leads.expected;
    total.lf += sc.leads.found;
    total.ls += sc.leads.spurious.length;
    total.fe += sc.figures.expected;
    total.ff += sc.figures.found;
    total.fp += sc.figures.withPeriod;
    total.ze += sc.zones.expected.length;
    total.zr += sc.zones.right;
    total.pfr += sc.projects.fieldsRight;
    total.pfe += sc.projects.fieldsExpected;
    total.lfr += sc.leads.fieldsRight;
    total.lfe += sc.leads.fieldsExpected;
  }
  lines.push(
    `intake score: ${'TOTAL'.padEnd(34)} | ${total.px}/${total.pe} ${pct(total.px, total.pe)} (fields ${total.pfr}/${total.pfe})` +
      ` | ${pct(total.rep - total.spur, total.rep)} (${total.spur}, ${total.dec})` +
      ` | ${total.lf}/${total.le} (+${total.ls}) fields ${total.lfr}/${total.lfe}` +
      ` | ${total.ff}/${total.fe} ${pct(total.ff, total.fe)} (${total.fp})` +
      ` | ${total.zr}/${total.ze}`,
  );
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('-'));
  for (const line of scoreLines(dir ? path.resolve(dir) : SHARED_SAMPLES, args.includes('-v') || args.includes('--verbose'))) console.log(line);
}
