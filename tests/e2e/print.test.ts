// Printing an article gives the article, its author, date and URL, without navigation.
import { describe, expect, test } from 'vitest';
import { siteConfig } from '../../src/site.config.ts';
import { hasChromium, useBrowser } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('print', () => {
  const browser = useBrowser('fixture');

  test('keeps title, byline, URL and body; drops header, navigation and related lists', async () => {
    const { page, violations } = await browser.open('/posts/rich-post/');
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) => page.locator(selector).first().isVisible();
    expect(await visible('h1')).toBe(true);
    expect(await visible('main header time')).toBe(true);
    expect(await visible('main header a[href="/authors/alan-turing/"]')).toBe(true);
    expect(await page.getByText(new URL('/posts/rich-post/', siteConfig.url).href, { exact: true }).isVisible()).toBe(
      true,
    );
    expect(await visible('.prose table')).toBe(true);
    for (const hidden of [
      'body > header',
      'nav[aria-label="Main"]',
      'nav[aria-labelledby="toc-heading"]',
      'section[aria-labelledby="related"]',
      'nav[aria-label="More articles"]',
      'body > footer',
      'a[data-enrol]',
    ]) {
      expect(await visible(hidden), hidden).toBe(false);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(violations).toEqual([]);
    await page.close();
  });
});
