import fs from 'node:fs';
import path from 'node:path';
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
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    if (built) return; // production install without dev tools: serve what was built
    throw new Error('The web app is not built and vite is not installed: run `npm install` first.');
  }
  console.log('Building the web app / 正在构建前端 …');
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stampFile, stamp);
}
