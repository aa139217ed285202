import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
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

  it('a lock left by a dead process never blocks: the file says any pid, even ours', async () => {
    const lockFile = path.join(tmp, 'stale.lock');
    for (const stale of ['999999999', String(process.pid), '1', 'garbage']) {
      fs.writeFileSync(lockFile, stale);
      const lock = await acquireDirLock(lockFile);
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      await expect(acquireDirLock(lockFile)).rejects.toThrow(DirLockedError);
      lock.release();
      expect(fs.existsSync(lockFile)).toBe(false);
    }
  });

  it('kill -9 of the holder, then a start on the same directory works at once', { timeout: 90_000 }, async () => {
    const dataDir = path.join(tmp, 'killed', 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', openAndWait(dataDir)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`holder exited early: ${code}`)));
    });
    // Live holder: refused, naming its pid.
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toThrow(`pid ${child.pid}`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.readFileSync(path.join(dataDir, 'zonedesk.lock'), 'utf8')).toBe(String(child.pid)); // the stale file is still there
    const again = await openDatabase({ kind: 'pglite', dataDir });
    expect((await again.query<{ n: number }>('select 1 as n'))[0].n).toBe(1);
    await again.close();
  });
});

/** A script that opens the directory, says ready and waits to be killed. */
function openAndWait(dataDir: string) {
  const client = JSON.stringify(path.resolve('src/server/db/client.ts'));
  return `const { openDatabase } = await import(${client}); await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dataDir)} }); console.log('ready'); setInterval(() => {}, 1000);`;
}
