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
    // A key two domains need with one meaning lives in reasons.ts (dates_order, unknown_project,
    // unknown_lead); a key whose words differ by domain gets the domain's prefix (lead_stage_same).
    expect(reasonConflicts).toEqual([]);
  });
});
