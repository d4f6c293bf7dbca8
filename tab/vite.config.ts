import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The workspace tab, served by the bot at /workspace/ (src/workspace/web/static-tab.ts). */
export default defineConfig({
  root: here,
  base: '/workspace/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '..', 'dist', 'tab'),
    emptyOutDir: true,
    // The charts and the Excel writer are large; they load with the views that use them.
    chunkSizeWarningLimit: 1500,
  },
});
