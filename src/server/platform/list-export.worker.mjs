// The worker's entry: a worker thread does not inherit the parent's TypeScript loader, so it loads
// the TypeScript worker (list-export.worker.ts) through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./list-export.worker.ts', import.meta.url);
