import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readText } from './reader/read-text.ts';
import { loadSamples } from './samples/load-samples.ts';
import { scoreLines } from './score/score-samples.ts';

const TARGET_BYTES = 100 * 1024;

/** About 100 kB of newspaper-like text: the prose samples re-wrapped at varying widths, repeated. */
function newspaperText(): string {
  const prose = loadSamples()
    .filter((s) => !s.name.includes('table'))
    .map((s) => s.text.replace(/\s*\n\s*/g, ''));
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const text = prose[i % prose.length];
    const width = 10 + (i % 16);
    const lines: string[] = [];
    for (let j = 0; j < text.length; j += width) lines.push(text.slice(j, j + width));
    const chunk = `${lines.join('\n\n')}\n\n`;
    parts.push(chunk);
    bytes += Buffer.byteLength(chunk);
  }
  return parts.join('');
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

/** The scoring table of the shared samples (score/score-samples.ts), then speed and memory of the reader. */
export async function benchIntake(runs = 30, repetitions = 1000): Promise<string[]> {
  const text = newspaperText();
  const opts = { referenceDate: '2026-06-10' };
  const kb = Math.round(Buffer.byteLength(text) / 1024);
  readText(text, opts);
  const times: number[] = [];
  // CPU time too: on a shared machine the wall clock waits for other processes, the CPU time does not.
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    readText(text, opts);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)];
  const cpuP50 = cpu[Math.floor(cpu.length / 2)];

  const sample = loadSamples()[0];
  const before = heapMb();
  for (let i = 0; i < repetitions; i++) readText(sample.text, { referenceDate: sample.expected.reference_date });
  const after = heapMb();
  return [
    ...scoreLines(undefined, process.argv.includes('--verbose')),
    `intake: read ${kb} kB newspaper text p50 = ${p50.toFixed(1)} ms wall, ${cpuP50.toFixed(1)} ms CPU (${runs} runs; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    `intake: heap before ${repetitions} reads = ${before.toFixed(1)} MB, after = ${after.toFixed(1)} MB${gc ? '' : ' (no --expose-gc: figures include garbage)'}`,
  ];
}
