import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import serveStatic from 'serve-static';

/**
 * Where the built dashboard is (`vite build` writes dist/dashboard): beside the compiled API
 * (dist/apps/api/src/public -> dist/dashboard), or under dist/ when the API runs from its
 * TypeScript sources (tests).
 */
export function dashboardDirectory(): string | undefined {
  const root = join(__dirname, '..', '..', '..', '..');
  return [join(root, 'dashboard'), join(root, 'dist', 'dashboard')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/** The content security policy of the dashboard's files: its own origin only, no inline code. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the dashboard's files at `/` (index.html, /assets/*). Only the dashboard's own paths
 * reach the file server (`/` and the names at the top of its directory, read once at start):
 * every other path goes straight to the API's routes, without the look on disk for a file of
 * that name that the file server would otherwise make for every API request.
 */
export function serveDashboard(app: INestApplication): void {
  const directory = dashboardDirectory();
  if (!directory) return;
  const names = new Set(readdirSync(directory));
  const files = serveStatic(directory, {
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    maxAge: 0,
    setHeaders: (response, path) => {
      // The API's own policy (default-src 'none') would stop the page from running its scripts:
      // the dashboard may load its own files and call its own API, and nothing else.
      response.setHeader('Content-Security-Policy', DASHBOARD_CSP);
      // Hashed file names under assets/ never change; index.html must always be fresh.
      if (path.includes(`${join('dashboard', 'assets')}`)) {
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        response.setHeader('Cache-Control', 'no-cache');
      }
    },
  });
  // gzip or brotli as the browser asks (the bundle is a quarter of its size gzipped); only here,
  // on the dashboard's files, so the API's answers are sent as before.
  const compress = compression();
  app.use((request: Request, response: Response, next: NextFunction) => {
    const first = request.path.split('/')[1];
    // No source map is built for production (vite.config.ts); one left from another build would
    // show the whole source to anyone, so a .map path never reaches the file server (404).
    if (request.path.endsWith('.map')) next();
    else if (first === '' || names.has(first)) {
      compress(request, response, () => files(request, response, next));
    } else next();
  });
}
