/**
 * Keeps a full-page screenshot of every open page when a test fails, in tests/artifacts/, named
 * after the test, so a failure in CI can be looked at afterwards.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { onTestFailed, type TestContext } from 'vitest';
import { REPO_ROOT } from '../../utils/server.ts';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'tests', 'artifacts');

const fileSafe = (text: string): string =>
  text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);

/**
 * Call at the start of a test with the pages it uses (or a function returning them, when pages
 * are opened later). On failure each page is saved as `<test name>-<index>.png`.
 */
export const screenshotOnFailure = (context: TestContext, pages: () => readonly (Page | undefined)[]): void => {
  onTestFailed(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const name = fileSafe(context.task.name);
    await Promise.all(
      pages().map(async (page, i) => {
        if (!page || page.isClosed()) return;
        const file = path.join(ARTIFACTS_DIR, `${name}-${i}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.error(`screenshot kept: ${path.relative(REPO_ROOT, file)}`);
      })
    );
  });
};
