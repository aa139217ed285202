import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
        expected: JSON.parse(readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected,
      }));
  });
}

