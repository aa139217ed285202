import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reasonConflicts } from './reasons.ts';

describe('field reasons', () => {
  it('no key is defined twice with different words across the contract (the later would silently win)', async () => {
    const dir = import.meta.dirname;
    const files = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const f of files) await import(pathToFileURL(path.join(dir, f)).href);
    expect(files.length).toBeGreaterThan(20);
    // Found when this check came (issue 17); each owner renames its key (e.g. lead_stage_same), then
    // deletes the line here. A new conflict fails at once.
    const known = ['dates_order', 'unknown_project', 'stage_same', 'unknown_lead', 'merge_same'];
    expect(reasonConflicts.map((c) => c.split(':')[0]).filter((k) => !known.includes(k))).toEqual([]);
  });
});
