import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createHash } from 'node:crypto';

export interface DirLock {
  release(): void;
}

export class DirLockedError extends Error {
  override name = 'DirLockedError';
  constructor(
    readonly lockFile: string,
    readonly pid: number | null,
  ) {
    const who = pid ? `pid ${pid}` : 'another process';
    super(
      `The embedded database is already open by another zonedesk process (${who}). ` +
        `Stop it first, or set DATA_DIR to another folder. / 嵌入式数据库已被另一个 zonedesk 进程（${who}）占用，请先停止它或设置其他 DATA_DIR。 (lock: ${lockFile})`,
    );
  }
}

function listen(address: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end(String(process.pid)));
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Asks the holder of a lock socket for its pid; null when nobody answers (a stale socket file). */
function askHolder(address: string): Promise<{ alive: boolean; pid: number | null }> {
  return new Promise((resolve) => {
    let data = '';
    const socket = net.connect(address);
    const done = (alive: boolean) => {
      socket.destroy();
      resolve({ alive, pid: Number(data) > 0 ? Number(data) : null });
    };
    socket.setTimeout(1_000, () => done(true));
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => done(true));
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code !== 'ECONNREFUSED' && err.code !== 'ENOENT'));
  });
}

/**
 * One process per PGlite data directory, held by the operating system, not guessed from a pid: the
 * process listens on a Unix socket named after the directory. On Linux the socket is in the
 * abstract namespace, so the kernel drops it the moment the process dies (kill -9, a crash, a
 * container restarted with the same pid): a stale lock cannot exist. Elsewhere it is a socket file
 * beside the data, and a file nobody answers on is stale and replaced. `lockFile` keeps the
 * holder's pid for people; it is never read to decide.
 */
export async function acquireDirLock(lockFile: string): Promise<DirLock> {
  const dir = fs.realpathSync(path.dirname(lockFile));
  const key = createHash('sha256').update(path.join(dir, path.basename(lockFile))).digest('hex').slice(0, 40);
  const abstract = process.platform === 'linux';
  const address = abstract ? `\0zonedesk-lock-${key}` : `${lockFile}.sock`;
  let server: net.Server | undefined;
  for (let attempt = 0; attempt < 2 && !server; attempt++) {
    try {
      server = await listen(address);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      const holder = await askHolder(address);
      if (holder.alive || abstract) throw new DirLockedError(lockFile, holder.pid);
      fs.rmSync(address, { force: true }); // a socket file left by a dead process
    }
  }
  if (!server) throw new DirLockedError(lockFile, null);
  // The lock must not keep the process alive on its own.
  server.unref();
  fs.writeFileSync(lockFile, String(process.pid));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    server.close();
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return { release };
}
