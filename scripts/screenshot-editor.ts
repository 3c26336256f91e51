/**
 * `npm run screenshot:editor [-- <build folder>]`: the pictures of docs/editing.md, taken in
 * headless Chromium from a build (default dist/) with the content folder in Sveltia's test
 * repository, into docs/images/editor-*.png. Run it after a change to what the editor shows.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/browser.ts';
import { serve } from './lib/serve.ts';
import { filesOf, seedTestRepo } from './lib/test-repo.ts';
import { contentRoot } from '../src/build-env.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const out = resolve('docs/images');
const site = await serve(dist);
const browser = await launchChromium();
if (!browser) throw new Error('no Chromium (apt-get install chromium, or set CHROME_PATH)');
const page = await browser.newPage();
await page.setViewportSize({ width: 1280, height: 800 });

/** Saves what the window shows now. */
const shot = async (name: string) => {
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `editor-${name}.png`) });
  console.log(`wrote docs/images/editor-${name}.png`);
};
/** Scrolls the form so that `selector` is in view. */
const reveal = (target: Page, selector: string) => target.locator(selector).first().scrollIntoViewIfNeeded();

// Sign-in: the site's own address on this machine, as `npm run dev` serves it.
await page.goto(`${site.origin}/admin/`);
await page.getByRole('button', { name: 'Work with Local Repository' }).waitFor();
await shot('sign-in');
await page.getByRole('button', { name: 'Sign In Using Access Token' }).click();
await page.getByRole('textbox').first().waitFor();
await shot('token');

// The launch content, in the browser's own test repository.
await page.goto(`${site.origin}/`);
await seedTestRepo(page, filesOf(contentRoot(), 'content'));
await page.goto(`${site.origin}/admin/?backend=test-repo`);
await page.getByRole('button', { name: 'Work with Test Repository' }).click();
await page.getByRole('button', { name: 'Create New Entry' }).first().waitFor();
await shot('posts');

await page.evaluate(() => (location.hash = '#/collections/posts/entries/mathematics-for-data-science-careers'));
await page.getByRole('textbox', { name: 'Title' }).waitFor();
await page.frameLocator('iframe').locator('.figure img[src^="blob:"]').waitFor();
await shot('post');

await page.evaluate(() => (location.hash = '#/collections/posts/new'));
await page.getByRole('textbox', { name: 'Title' }).fill('Gradient descent, explained for managers');
await page.getByRole('textbox', { name: 'Description' }).fill('How models learn');
await page.getByRole('button', { name: 'Save' }).click();
await page.getByText('description is too short').waitFor();
await shot('message');

await page
  .getByRole('textbox', { name: 'Description' })
  .fill('How models learn by taking small steps downhill, and what that means for your budget.');
await page.locator('[data-key-path="body"] textarea').fill('Every model learns by trial and error.');
await page.getByRole('button', { name: 'Insert Callout' }).click();
await reveal(page, '[data-key-path="components"]');
await shot('components');

await browser.close();
await site.close();
