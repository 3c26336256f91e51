// Pagefind over the built launch site: a word from an article's body finds it; filters narrow.
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml as parse } from '../../scripts/lib/dist-audit.ts';
import { describe, expect, test } from 'vitest';
import { siteConfig } from '../../src/site.config.ts';
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
      words: new Set(body.toLowerCase().match(/\b[a-z]{3,}\b/g) ?? []),
    });
  }
  return articles;
}

/** Top-level results only (each result also lists its matching sections). */
const RESULTS = '.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link';

describe.skipIf(!hasChromium)('search', () => {
  const browser = useBrowser('real');
  const articles = articleWords();
  const [slug, target] = [...articles][0]!;
  const others = [...articles.values()].filter((a) => a !== target);
  const unique = [...target.words].find((word) => word.length >= 9 && others.every((other) => !other.words.has(word)))!;

  test('finds an article by a word that only its body contains', async () => {
    expect(unique, `a word unique to ${slug}`).toBeTruthy();
    const { page, errors, violations } = await browser.open('/search/');
    await page.locator('.pagefind-ui__search-input').fill(unique);
    const titles = page.locator(RESULTS);
    await titles.first().waitFor({ timeout: 10_000 });
    // Pagefind also matches words that share a stem, so the article must rank first.
    expect((await titles.allTextContents())[0]).toBe(target.title);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('filters results by course', async () => {
    const { page, violations } = await browser.open('/search/');
    // A word every article uses, so all of them match before filtering.
    await page.locator('.pagefind-ui__search-input').fill('learning');
    const titles = page.locator(RESULTS);
    await expect.poll(async () => (await titles.allTextContents()).length, { timeout: 10_000 }).toBe(articles.size);
    await page.locator('.pagefind-ui__filter-name', { hasText: 'course' }).click();
    await page.locator('label', { hasText: target.course }).click();
    await expect.poll(async () => titles.allTextContents(), { timeout: 10_000 }).toEqual([target.title]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('the index holds the articles alone, with their text and math, without disclaimer, CTA or navigation', async () => {
    const { page, violations } = await browser.open('/search/');
    // A string, so vitest does not rewrite the import() meant for the browser.
    const indexed = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(null, { filters: {} });
      return Promise.all(search.results.map((r) => r.data()));
    })()`);
    expect((indexed as Array<{ url: string }>).map((p) => p.url).sort()).toEqual(
      [...articles.keys()].map((slug) => `/posts/${slug}/`).sort(),
    );
    const disclaimer = siteConfig.disclaimer.slice(0, 40);
    for (const { url, content } of indexed as Array<{ url: string; content: string }>) {
      expect(content, url).not.toContain(disclaimer);
      expect(content, url).not.toContain('This course helps you to');
      expect(content, url).not.toContain('Back to Blog');
      expect(content, url).not.toContain('Skip to content');
    }
    const withMath = (indexed as Array<{ content: string }>).find((p) => p.content.includes('λ'));
    expect(withMath, 'an article with math has its formulas as text').toBeTruthy();
    expect(violations).toEqual([]);
    await page.close();
  });

  // The accessibility test sees the page before a query; the results, their sections and the
  // filters are drawn by Pagefind's stylesheet, in the site's colours in either scheme.
  test.each(['light', 'dark'] as const)('results and filters pass axe in %s', async (scheme) => {
    const { page } = await browser.open('/search/', { width: 375, scheme });
    await page.locator('.pagefind-ui__search-input').fill('learning');
    await page.locator(RESULTS).first().waitFor();
    await page.locator('.pagefind-ui__filter-name').first().waitFor();
    // Pagefind fades results in; axe measures contrast on what is drawn.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.pagefind-ui__result')].every((el) => getComputedStyle(el).opacity === '1'),
    );
    const results = await new AxeBuilder({ page }).include('#search').withTags(['wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });
});
