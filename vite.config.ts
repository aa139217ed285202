import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // React and the router change rarely and every page needs them: one long-cached chunk. antd is
    // left to rolldown's automatic splitting, which keeps each page's components (Table, Timeline,
    // Descriptions…) out of the login page; one forced antd chunk measured 285 kB gzip up front.
    // Vite 8 bundles with rolldown: `codeSplitting.groups` replaces rollup's `manualChunks`.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
});
