import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const inputs = ['src/web', 'src/contract', 'vite.config.ts', 'package-lock.json'];
const outDir = path.join(root, 'dist', 'web');
const stampFile = path.join(outDir, '.build-stamp');

function listFiles(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((name) => listFiles(path.join(p, name)));
}

/** A fingerprint of every web input (path, size, mtime): cheap, and changes whenever a source does. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((i) => listFiles(path.join(root, i))).sort()) {
    const s = fs.statSync(file);
    hash.update(`${path.relative(root, file)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** `npm start` builds the web app when it is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<void> {
  const stamp = fingerprint();
  const built = fs.existsSync(path.join(outDir, 'index.html'));
  if (built && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;
  let viteBin: string;
  try {
    // vite exports its package.json but not its bin: the bin is found beside the one resolved.
    viteBin = path.join(path.dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin', 'vite.js');
    if (!fs.existsSync(viteBin)) throw new Error('no vite bin');
  } catch {
    if (built) return; // production install without dev tools: serve what was built
    throw new Error('The web app is not built and vite is not installed: run `npm install` first.');
  }
  console.log('Building the web app / 正在构建前端 …');
  // In a process of its own: a build in the server's process left it ~400 MB larger for as long as it ran.
  const result = spawnSync(process.execPath, [viteBin, 'build', '--config', path.join(root, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The web app did not build (vite exited with ${result.status ?? result.signal}). / 前端构建失败。`);
  fs.writeFileSync(stampFile, stamp);
}
