import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leadStages, leadStageWords, projectStages, projectStageWords } from '../../../../contract/intake.ts';

export interface ExpectedIssue {
  text_contains: string;
  category: string;
}

export interface Expected {
  reference_date: string;
  zone?: string;
  projects?: (Record<string, unknown> & { name: string; issues?: ExpectedIssue[] })[];
  leads?: (Record<string, unknown> & { enterprise: string })[];
  figures?: { what: string; value: number }[];
}

export interface Sample {
  name: string;
  file: string;
  text: string;
  expected: Expected;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The shared samples from the issue (vendored in shared/, so a clean clone tests them) and ours. */
const SAMPLE_DIRS = [path.join(here, 'shared'), here];

/**
 * The expected files name stages as the texts do (在建, 框架协议), as the issue wrote them; the
 * reader answers the modules' stage keys (construction, framework).
 */
function withStageKeys(expected: Expected): Expected {
  const key = <K extends string>(keys: readonly K[], words: Record<K, string>, word: unknown) => keys.find((k) => words[k] === word) ?? word;
  return {
    ...expected,
    projects: expected.projects?.map((p) => (p.stage === undefined ? p : { ...p, stage: key(projectStages, projectStageWords, p.stage) })),
    leads: expected.leads?.map((l) => (l.stage === undefined ? l : { ...l, stage: key(leadStages, leadStageWords, l.stage) })),
  };
}

/** Every sample pair (`NN.txt` + `NN.expected.json`), shared ones first. */
export function loadSamples(): Sample[] {
  return SAMPLE_DIRS.flatMap((dir) => {
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      return [];
    }
    return files
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({
        name: f.replace(/\.txt$/, ''),
        file: path.join(dir, f),
        text: readFileSync(path.join(dir, f), 'utf8'),
        expected: withStageKeys(JSON.parse(readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected),
      }));
  });
}
