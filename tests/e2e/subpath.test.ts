// The fixture site served under a base path, as on a GitHub Pages project site: assets load,
// navigation and pagination stay under the base, and search results link into it.
import { describe, expect, test } from 'vitest';
import { SUBPATH } from '../helpers/build.ts';
import { hasChromium, useBrowser } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)(`the site under ${SUBPATH}/`, () => {
  const browser = useBrowser('subpath', { base: SUBPATH });

  test('an article loads its styles, images and fonts, with no error or CSP violation', async () => {
    const { page, errors, violations } = await browser.open(`${SUBPATH}/posts/rich-post/`);
    await page.evaluate(() =>
      Promise.all(
        [...document.images].map((img) => {
          img.loading = 'eager';
          return img.decode();
        }),
      ),
    );
    // Styles applied: the header is the brand colour, not an unstyled page.
    expect(
      await page
        .locator('header')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).not.toBe('rgba(0, 0, 0, 0)');
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('pagination and navigation stay under the base path', async () => {
    const { page, errors } = await browser.open(`${SUBPATH}/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${SUBPATH}/2/`);
    await page.locator('header nav a', { hasText: 'Topics' }).click();
    await page.waitForURL(`**${SUBPATH}/topics/`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('search finds an article and links to it under the base path', async () => {
    const { page, errors, violations } = await browser.open(`${SUBPATH}/search/`);
    await page.locator('.pagefind-ui__search-input').fill('quotation');
    const link = page.locator('.pagefind-ui__result-link').first();
    await link.waitFor({ timeout: 10_000 });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${SUBPATH}/posts/[a-z0-9-]+/`));
    await link.click();
    await page.waitForURL(`**${SUBPATH}/posts/**`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('the editor runs under the base path, loading only its own files', async () => {
    const { page, errors, violations, foreign } = await browser.open(`${SUBPATH}/admin/?backend=test-repo`);
    // The sign-in page shows the site's icon, from under the base path.
    await page.locator(`img[src="${SUBPATH}/favicon.svg"]`).first().waitFor();
    await page.getByRole('button', { name: 'Work with Test Repository' }).click();
    await page.getByRole('button', { name: 'Create New Entry' }).first().waitFor();
    expect({ errors, violations, foreign }).toEqual({ errors: [], violations: [], foreign: [] });
    await page.close();
  });
});
