import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver is in the tree through npm's own dependants (vite, drizzle-kit…); only this check uses it.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const root = path.resolve(import.meta.dirname, '..');
const declared: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;

/** Every installed package (nested node_modules too) with the Node range it declares. */
function installed(dir: string, out: { name: string; version: string; node: string }[] = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const at = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      installed(at, out);
      continue;
    }
    const manifest = path.join(at, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
      if (typeof pkg.engines?.node === 'string') out.push({ name: pkg.name ?? at, version: pkg.version ?? '?', node: pkg.engines.node });
    }
    installed(path.join(at, 'node_modules'), out);
  }
  return out;
}

describe('dependencies and the Node version the project declares', () => {
  it('no installed package needs a newer Node than package.json engines', () => {
    const oldest = semver.minVersion(declared)!.version;
    const tooNew = installed(path.join(root, 'node_modules'))
      .filter((p) => !semver.satisfies(oldest, p.node))
      .map((p) => `${p.name}@${p.version} wants node ${p.node}`);
    expect(tooNew, `package.json says node ${declared} (oldest ${oldest})`).toEqual([]);
  });

  it('the check can fail: a range above the declared one is caught', () => {
    expect(semver.satisfies(semver.minVersion(declared)!.version, '>=22')).toBe(false);
  });
});
