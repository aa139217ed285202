/**
 * `npm run bench`: every benchmark, one printed line per figure. Pick suites with
 * `npm run bench -- foundation intake`; no argument runs them all. A suite is a file
 * `bench/<name>.bench.ts` or `src/server/modules/<module>/<name>.bench.ts` exporting a function
 * named `bench…` (lines it returns are printed): a new module's benchmark needs no edit here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folders = [path.join(root, 'bench'), ...fs.readdirSync(path.join(root, 'src/server/modules')).map((m) => path.join(root, 'src/server/modules', m))];

const suites = new Map<string, string>();
for (const folder of folders) {
  if (!fs.statSync(folder).isDirectory()) continue;
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.bench.ts')).sort()) suites.set(file.replace(/\.bench\.ts$/, ''), path.join(folder, file));
}
// Foundation first: its startup and login figures are the baseline the others are read against.
const order = [...suites.keys()].sort((a, b) => (a === 'foundation' ? -1 : b === 'foundation' ? 1 : a.localeCompare(b)));

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : order) {
  const file = suites.get(name);
  if (!file) {
    console.error(`unknown suite ${name}; suites: ${order.join(', ')}`);
    process.exit(1);
  }
  const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const run = Object.entries(exported).find(([key, value]) => key.startsWith('bench') && typeof value === 'function')?.[1] as (() => Promise<unknown>) | undefined;
  if (!run) throw new Error(`${path.relative(root, file)} exports no bench… function`);
  console.log(`# ${name}`);
  const lines = await run();
  if (Array.isArray(lines)) for (const line of lines) console.log(line);
}
