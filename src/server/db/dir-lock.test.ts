import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { acquireDirLock, DirLockedError } from './dir-lock.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zonedesk-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('one process per PGlite directory', () => {
  it('a second server on the same directory stops with a clear message', { timeout: 90_000 }, async () => {
    const dataDir = path.join(tmp, 'nested', 'data');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('already open by another zonedesk process');
      expect(second.stderr).toContain('DATA_DIR');
    } finally {
      await first.close();
    }
    // Closed: the directory opens again.
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  });

  it('takes over a lock left by a dead process', () => {
    const lockFile = path.join(tmp, 'stale.lock');
    fs.writeFileSync(lockFile, '999999999');
    const lock = acquireDirLock(lockFile);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    expect(() => acquireDirLock(lockFile)).toThrow(DirLockedError);
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
