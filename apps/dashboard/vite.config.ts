import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web dashboard (issue 10): plain TypeScript modules and Chart.js, built into dist/dashboard,
 * which the API serves at `/` (apps/api/src/public/dashboard-static.ts).
 *
 *   npm run build                                       # nest build && vite build (this file)
 *   npx vite --config apps/dashboard/vite.config.ts     # dev server; API calls go to :3000
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(__dirname, '../../dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in production: served, they show the whole source to anyone (issue 17).
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/progress',
        '/governance',
        '/partners',
        '/initiatives',
        '/persons',
        '/public',
        '/housing-reports',
      ].map((path) => [path, 'http://localhost:3000']),
    ),
  },
});
