import path from 'node:path'; // BAD: contract-runs-in-the-browser

export const base = (p: string) => path.basename(p);
