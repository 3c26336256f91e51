// The theme toggle: follows the system until used, then remembers, with no flash on the next page.
import { describe, expect, test } from 'vitest';
import { hasChromium, useBrowser } from '../helpers/browser.ts';

const background = 'getComputedStyle(document.body).backgroundColor';

describe.skipIf(!hasChromium)('theme toggle', () => {
  const browser = useBrowser('fixture');

  test('follows the system scheme by default', async () => {
    const { page, violations } = await browser.open('/', { scheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeUndefined();
    expect(await page.evaluate(background)).toBe('rgb(15, 22, 32)');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    expect(violations).toEqual([]);
    await page.close();
  });

  test('switches, says so to assistive technology, and persists across pages without a flash', async () => {
    const { page, errors, violations } = await browser.open('/posts/rich-post/', { scheme: 'light' });
    const toggle = page.locator('[data-theme-toggle]');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(background)).toBe('rgb(15, 22, 32)');
    // Next page: the theme is set by the inline script in <head>, before any stylesheet applies.
    await page.goto(page.url().replace('/posts/rich-post/', '/'), { waitUntil: 'commit' });
    await page.waitForSelector('body');
    const early = await page.evaluate(() => ({
      theme: document.documentElement.dataset['theme'],
      scriptBeforeCss:
        !!document.querySelector('head script:not([type])') &&
        !!document.querySelector('head link[rel="stylesheet"]') &&
        !!(
          document
            .querySelector('head script:not([type])')!
            .compareDocumentPosition(document.querySelector('head link[rel="stylesheet"]')!) &
          Node.DOCUMENT_POSITION_FOLLOWING
        ),
    }));
    expect(early).toEqual({ theme: 'dark', scriptBeforeCss: true });
    await toggle.click();
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
    expect(await page.evaluate(background)).toBe('rgb(251, 250, 247)');
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
