/**
 * Browser tests' shared set-up: Debian's Chromium through playwright-core, and the built site
 * served on 127.0.0.1 with the headers its `_headers` file gives each URL (so pages run under
 * both the header and the <meta> Content-Security-Policy, as on the real host). Without Chromium
 * the tests are skipped with a loud warning on a developer's machine, and fail when CI=true, so
 * CI can never pass without running them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { chromiumPath, launchChromium } from '../../scripts/lib/browser.ts';
import { serve } from '../../scripts/lib/serve.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/lib/security-headers.ts';
import { buildDir, projectRoot } from './build.ts';

export const hasChromium = chromiumPath() !== undefined;

if (!hasChromium) {
  const message = 'No Chromium found (apt-get install chromium, or set CHROME_PATH): browser tests cannot run.';
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n⚠ SKIPPING BROWSER TESTS. ${message}\n${'!'.repeat(78)}\n`);
}

/** Serves the named build (under `base`, if given) and opens a browser for the tests of one file. */
export function useBrowser(build: string, { base = '' } = {}) {
  const state: { browser?: BrowserContext | undefined; origin?: string; close?: () => Promise<void> } = {};
  beforeAll(async () => {
    if (!hasChromium) return;
    const site = await serve(buildDir(build), { base });
    state.origin = site.origin;
    state.close = site.close;
    state.browser = await launchChromium();
    const headersFile = join(buildDir(build), '_headers');
    if (existsSync(headersFile))
      await sendHeaders(state.browser!, site.origin, parseHeadersFile(readFileSync(headersFile, 'utf8')));
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return {
    /**
     * A new page at `path`, with its console errors, page errors and failed requests recorded in
     * `errors`, Content-Security-Policy violations (of the page and its workers) in `violations`,
     * and requests to any other origin than the site's in `foreign`.
     */
    async open(path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}) {
      const page = await state.browser!.newPage();
      const errors: string[] = [];
      const violations: string[] = [];
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${state.origin}/`) && !/^(blob|data):/.test(url)) foreign.push(url);
      });
      const onConsole = (message: ConsoleMessage) => {
        if (isCspMessage(message.text())) violations.push(message.text());
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      };
      page.on('console', onConsole);
      page.on('worker', (worker) => worker.on('console', onConsole));
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !response.url().endsWith('/missing-page/'))
          errors.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
      await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
      onTestFailed(({ task }) => keepFailedPage(page, task.name, task.result?.retryCount ?? 0, errors));
      await page.goto(state.origin! + path, { waitUntil: 'load' });
      return { page, errors, violations, foreign };
    },
  };
}

/**
 * What a failed test's page showed, kept in tmp/e2e-failures/ (a screenshot, its address and the
 * errors it logged), so that a failure seen only in a full run can be looked at afterwards.
 */
async function keepFailedPage(page: Page, test: string, attempt: number, errors: readonly string[]) {
  if (page.isClosed()) return;
  const dir = join(projectRoot, 'tmp/e2e-failures');
  const name = `${test.replaceAll(/\W+/g, '-').slice(0, 80)}-${attempt}`;
  mkdirSync(dir, { recursive: true });
  try {
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, timeout: 10_000 });
  } catch {
    // A page that cannot be drawn any more still leaves its address and errors below.
  }
  writeFileSync(join(dir, `${name}.txt`), [`${page.url()}`, ...errors].join('\n') + '\n');
  console.warn(`the failed test's page is kept in tmp/e2e-failures/${name}.png`);
}

/** Presses Tab until `predicate` holds for the focused element, at most `limit` times. */
export async function tabUntil(page: Page, predicate: string, limit = 100): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return true;
  }
  return false;
}

/** Chromium's console messages about a Content-Security-Policy, and those of the listener above. */
function isCspMessage(text: string): boolean {
  return /Content Security Policy|CSP violation|Content-Security-Policy/i.test(text);
}

/**
 * Adds to every response from `origin` the headers `rules` give its URL, joining a header set by
 * several rules with ", " as Netlify and Cloudflare do (the static server sends none of its own).
 */
async function sendHeaders(browser: BrowserContext, origin: string, rules: readonly HeaderRule[]) {
  await browser.route(`${origin}/**`, async (route) => {
    const response = await route.fetch();
    const extra = [...headersFor(rules, new URL(route.request().url()).pathname)].map(([name, set]) => [
      name,
      set.map((s) => s.value).join(', '),
    ]);
    await route.fulfill({ response, headers: { ...response.headers(), ...Object.fromEntries(extra) } });
  });
}
