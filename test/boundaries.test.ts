/**
 * The boundary check (`npm run check:boundaries`, .dependency-cruiser.cjs) catches what it claims
 * to: run with the same config against a fake tree of deliberate violations, it reports exactly
 * those; run against the real src, it reports nothing; and every temporary exception it carries is
 * still an edge of the real src (delete the line when the import goes).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configPath = path.join(root, '.dependency-cruiser.cjs');
const require = createRequire(import.meta.url);
const temporaryExceptions = (require(configPath) as { temporaryExceptions: Array<[string, string]> }).temporaryExceptions;

interface Violation {
  type: string;
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: Array<{ name: string }>;
}
interface CruiseResult {
  summary: { violations: Violation[]; error: number; warn: number };
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
}

/**
 * The fixture's own temporary exception: the real list shrinks to nothing, the mechanism stays. Its
 * config is the real one (same rules, same options) with this list in place of the real one.
 */
const fixtureException: [string, string] = ['src/server/modules/leads/leads.service.ts', 'src/server/modules/enterprises/enterprises.repository.ts'];
function fixtureConfig(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-boundaries-')), 'fixture.dependency-cruiser.cjs');
  fs.writeFileSync(file, `module.exports = require(${JSON.stringify(configPath)}).withExceptions(${JSON.stringify([fixtureException])});\n`);
  return file;
}

/** The CLI exactly as CI runs it, with JSON out (paths relative to `cwd`). */
async function cruise(cwd: string, config = configPath): Promise<CruiseResult> {
  const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'src', '--config', config, '--output-type', 'json'], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as CruiseResult;
}

let realSrc: Promise<CruiseResult> | undefined;
const cruiseRealSrc = () => (realSrc ??= cruise(root));

/** A cruise of src takes ~2 s alone, far longer beside the database suites of a full run. */
const CRUISE_TIMEOUT = 120_000;

const show = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('boundaries (dependency-cruiser)', { timeout: CRUISE_TIMEOUT }, () => {
  it('reports every deliberate violation of the fixture tree, and nothing else', async () => {
    const config = fixtureConfig();
    const result = await cruise(path.join(root, 'test/boundaries-fixture'), config).finally(() =>
      fs.rmSync(path.dirname(config), { recursive: true, force: true }),
    );
    const m = 'src/server/modules';
    expect(result.summary.violations.map(show).sort()).toEqual(
      [
        'contract-stands-alone: src/contract/labels.ts → src/server/platform/helper.ts',
        'contract-runs-in-the-browser: src/contract/files.ts → path',
        'web-not-to-server: src/web/page.ts → src/server/modules/leads/index.ts',
        'platform-and-db-not-to-modules: src/server/platform/helper.ts → src/server/modules/leads/index.ts',
        'db-is-the-bottom-layer: src/server/db/table.ts → src/server/platform/helper.ts',
        // leads.service.ts → enterprises.repository.ts is the fixture's exception; nothing else of that file or to that file is.
        `module-through-public-surface: ${m}/leads/leads.service.ts → ${m}/enterprises/enterprises.service.ts`,
        `module-through-public-surface: ${m}/leads/leads.routes.ts → ${m}/enterprises/enterprises.repository.ts`,
        `module-through-public-surface: ${m}/leads/leads.seed.ts → ${m}/enterprises/enterprises.repository.ts`,
        // leads → projects → leads, all through index.ts files: still a cycle (reported once).
        `no-cycle-between-modules: ${m}/leads/index.ts → ${m}/leads/leads.service.ts`,
      ].sort(),
    );
    const cycle = result.summary.violations.find((v) => v.rule.name === 'no-cycle-between-modules')!;
    expect(cycle.cycle!.map((c) => c.name)).toEqual([
      `${m}/leads/leads.service.ts`,
      `${m}/projects/index.ts`,
      `${m}/projects/projects.service.ts`,
      `${m}/leads/index.ts`,
    ]);
    expect(result.summary.error).toBe(9);
  });

  it('finds the real src clean', async () => {
    const result = await cruiseRealSrc();
    expect(result.summary.violations.map(show)).toEqual([]);
    expect(result.modules.length).toBeGreaterThan(300);
  });

  // Empty once every module writes through the others' services (intake was the last, issue 9 item 5).
  it('carries only temporary exceptions that are still real imports', async () => {
    const result = await cruiseRealSrc();
    const edges = new Set(result.modules.flatMap((mod) => mod.dependencies.map((d) => `${mod.source} → ${d.resolved}`)));
    expect(temporaryExceptions.map(([from, to]) => `${from} → ${to}`).filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
