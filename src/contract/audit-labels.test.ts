import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditActionLabels, auditEntityLabels, humaniseField } from './audit-labels.ts';

const serverRoot = join(import.meta.dirname, '..', 'server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('db', 'schema')) ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every string literal in the expression after `action:` / `entityType:` (ternaries included), in
 * every server file but the table definitions. Audit action codes are dotted (`blocker.create`); the intake proposals'
 * `action: 'create' | 'update'` are not audit entries and have no dot.
 */
function literalsAfter(key: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = new RegExp(`\\b${key}:\\s*([^,}\\n]+)`, 'g');
  for (const file of sourceFiles(serverRoot)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) {
      for (const lit of m[1].matchAll(/'([a-z_]+(?:\.[a-z_]+)*)'/g)) found.set(lit[1], file.slice(serverRoot.length + 1));
    }
  }
  return found;
}

describe('audit labels cover what the server writes', () => {
  test('every audit action code written in src/server has a label', () => {
    const actions = [...literalsAfter('action')].filter(([code]) => code.includes('.'));
    expect(actions.length).toBeGreaterThan(60);
    const missing = actions.filter(([code]) => !(code in auditActionLabels)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  test('every record type written in src/server has a label', () => {
    // entityType literals in audit calls (and notifications, which link to the same records)
    const types = [...literalsAfter('entityType')];
    expect(types.length).toBeGreaterThan(15);
    const missing = types.filter(([type]) => !(type in auditEntityLabels)).map(([type, file]) => `${type} (${file})`);
    expect(missing).toEqual([]);
  });

  test('every label has both languages', () => {
    for (const [code, l] of Object.entries(auditActionLabels)) {
      expect(l.label.every(Boolean) && l.says.every(Boolean), code).toBe(true);
      expect(l.says[0].includes('{e}') === l.says[1].includes('{e}'), code).toBe(true);
    }
  });

  test('unknown fields read as words', () => {
    expect(humaniseField('periodEnd')).toBe('Period end');
    expect(humaniseField('someNewFieldYuan')).toBe('Some new field');
    expect(humaniseField('raw_code')).toBe('Raw code');
  });
});
