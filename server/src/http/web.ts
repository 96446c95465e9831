/**
 * The built web app (web/build): a single-page app. Files are served as they are; any other GET
 * that is not an API path gets the app shell (200.html), which routes in the browser.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const PLACEHOLDER = '<!doctype html><meta charset="utf-8"><title>Plenary</title><p>Plenary is running. Build the web app with <code>pnpm build</code>.</p>';

export const webRoutes = (webDir: string) => {
  const app = new Hono();
  const shell = path.join(webDir, '200.html');
  if (!existsSync(webDir)) return app.get('*', (c) => c.html(PLACEHOLDER));
  // serveStatic takes a path relative to the working directory.
  const root = path.relative(process.cwd(), webDir) || '.';
  app.use('/_app/immutable/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(existsSync(shell) ? await readFile(shell, 'utf8') : PLACEHOLDER);
  });
  return app;
};
