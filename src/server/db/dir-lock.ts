import fs from 'node:fs';

export interface DirLock {
  release(): void;
}

export class DirLockedError extends Error {
  override name = 'DirLockedError';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database is already open by another zonedesk process (pid ${pid}). ` +
        `Stop it first, or set DATA_DIR to another folder. / 嵌入式数据库已被另一个 zonedesk 进程（pid ${pid}）占用，请先停止它或设置其他 DATA_DIR。 (lock: ${lockFile})`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A pid lock file created with O_EXCL. A lock left by a dead process (crash, kill -9) is taken over,
 * so a crash never leaves the database unopenable.
 */
export function acquireDirLock(lockFile: string): DirLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DirLockedError(lockFile, pid);
      if (pid === process.pid) throw new DirLockedError(lockFile, pid);
      fs.unlinkSync(lockFile); // stale
    }
  }
  throw new Error(`could not take lock ${lockFile}`);
}
