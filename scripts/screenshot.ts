/**
 * `npm run screenshot -- [path …]`: PNGs of built pages at phone and desktop widths, in light and
 * dark, into screenshots/ (git-ignored), for looking at the site as a reader does.
 * Build first (`npm run build`); OUT_DIR picks another build.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { serve } from './lib/serve.ts';

const paths = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const targets = paths.length > 0 ? paths : ['/'];
const outDir = resolve(process.env['OUT_DIR'] || 'dist');
const site = await serve(outDir);
const browser = await launchChromium();
if (!browser) {
  console.error("No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROME_PATH.");
  process.exit(1);
}
mkdirSync('screenshots', { recursive: true });
for (const path of targets) {
  for (const [label, width] of [
    ['phone', 375],
    ['desktop', 1280],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site.origin + path);
      const name = `screenshots/${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${label}-${scheme}.png`;
      await page.screenshot({ path: name, fullPage: true });
      await page.close();
      console.log(name);
    }
  }
}
await browser.close();
await site.close();
