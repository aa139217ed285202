/**
 * `npm run bench`: every benchmark, one printed line per figure. Pick suites with
 * `npm run bench -- foundation intake`; no argument runs them all.
 */
import { benchFoundation } from './foundation.bench.ts';

const suites: Record<string, () => Promise<unknown>> = {
  foundation: benchFoundation,
  intake: async () => {
    const { benchIntake } = await import('../src/server/modules/intake/intake.bench.ts');
    for (const l of await benchIntake()) console.log(l);
  },
  projects: async () => (await import('./projects.bench.ts')).benchProjects(),
  dispatch: async () => (await import('./dispatch.bench.ts')).benchDispatch(),
  pipeline: async () => (await import('./pipeline.bench.ts')).benchPipeline(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(suites)) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown suite ${name}; suites: ${Object.keys(suites).join(', ')}`);
    process.exit(1);
  }
  console.log(`# ${name}`);
  await suite();
}
