// Pagefind over the built launch site: a word from an article's body finds it; filters narrow.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { buildDir } from '../helpers/build.ts';
import { hasChromium, useBrowser } from '../helpers/browser.ts';

/** Body words of each built article, to pick a word that only one article contains. */
function articleWords(): Map<string, { title: string; course: string; words: Set<string> }> {
  const dir = join(buildDir('real'), 'posts');
  const articles = new Map<string, { title: string; course: string; words: Set<string> }>();
  for (const slug of readdirSync(dir)) {
    const doc = parse(readFileSync(join(dir, slug, 'index.html'), 'utf8'));
    const body = doc.querySelector('.prose')?.text ?? '';
    articles.set(slug, {
      title: doc.querySelector('h1')?.text.trim() ?? '',
      course: doc.querySelector('[data-pagefind-filter="course"]')?.text.trim() ?? '',
      words: new Set(body.toLowerCase().match(/\b[a-z]{9,}\b/g) ?? []),
    });
  }
  return articles;
}

describe.skipIf(!hasChromium)('search', () => {
  const browser = useBrowser('real');
  const articles = articleWords();
  const [slug, target] = [...articles][0]!;
  const others = [...articles.values()].filter((a) => a !== target);
  const unique = [...target.words].find((word) => others.every((other) => !other.words.has(word)))!;

  test('finds an article by a word that only its body contains', async () => {
    expect(unique, `a word unique to ${slug}`).toBeTruthy();
    const { page, errors } = await browser.open('/search/');
    await page.locator('.pagefind-ui__search-input').fill(unique);
    const titles = page.locator('.pagefind-ui__result-link');
    await titles.first().waitFor({ timeout: 10_000 });
    expect(await titles.allTextContents()).toEqual([target.title]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('filters results by course', async () => {
    const { page } = await browser.open('/search/');
    // A word every article uses, so all of them match before filtering.
    await page.locator('.pagefind-ui__search-input').fill('learning');
    const titles = page.locator('.pagefind-ui__result-link');
    await expect.poll(async () => (await titles.allTextContents()).length, { timeout: 10_000 }).toBe(articles.size);
    await page.locator('.pagefind-ui__filter-name', { hasText: 'course' }).click();
    await page.locator('label', { hasText: target.course }).click();
    await expect.poll(async () => titles.allTextContents(), { timeout: 10_000 }).toEqual([target.title]);
    await page.close();
  });

  test('the index holds article text, not navigation, CTA or disclaimer', async () => {
    const { page } = await browser.open('/search/');
    await page.locator('.pagefind-ui__search-input').fill('disclaimer liability');
    await page.waitForTimeout(1500);
    expect(await page.locator('.pagefind-ui__result-link').count()).toBe(0);
    await page.close();
  });
});
