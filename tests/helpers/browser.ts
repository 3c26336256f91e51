/**
 * Browser tests' shared set-up: Debian's Chromium through playwright-core, and the built site
 * served on 127.0.0.1. Without Chromium the tests are skipped with a loud warning on a developer's
 * machine, and fail when CI=true, so CI can never pass without running them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath, launchChromium } from '../../scripts/lib/browser.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { buildDir } from './build.ts';

export const hasChromium = chromiumPath() !== undefined;

if (!hasChromium) {
  const message = "No Chromium found (apt-get install chromium, or set CHROME_PATH): browser tests cannot run.";
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n⚠ SKIPPING BROWSER TESTS. ${message}\n${'!'.repeat(78)}\n`);
}

/** Serves the named build and opens a browser for the tests of one file. */
export function useBrowser(build: string) {
  const state: { browser?: BrowserContext | undefined; origin?: string; close?: () => Promise<void> } = {};
  beforeAll(async () => {
    if (!hasChromium) return;
    const site = await serve(buildDir(build));
    state.origin = site.origin;
    state.close = site.close;
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return {
    /** A new page at `path`, with its console errors, page errors, failed requests and CSP violations recorded. */
    async open(path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}) {
      const page = await state.browser!.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/missing-page/')) errors.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
      await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
      await page.goto(state.origin! + path, { waitUntil: 'load' });
      return { page, errors };
    },
  };
}

/** Presses Tab until `predicate` holds for the focused element, at most `limit` times. */
export async function tabUntil(page: Page, predicate: string, limit = 100): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return true;
  }
  return false;
}
