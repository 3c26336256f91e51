// The fixture site as built: pagination, drafts, ignored files, sitemap, robots.txt and 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml as parse } from '../../scripts/lib/dist-audit.ts';
import { describe, expect, test } from 'vitest';
import { siteConfig } from '../../src/site.config.ts';
import { buildDir, readBuilt } from '../helpers/build.ts';
import { htmlPages, page, text } from '../helpers/html.ts';

const cardLinks = (path: string) =>
  page('fixture', path)
    .querySelectorAll('main article h2 a')
    .map((a) => a.getAttribute('href'));

describe('pagination', () => {
  // 13 fixture posts, then the 8 math-corpus posts (dated 2023, so oldest): 21 in all.
  test('splits 21 published posts into two full pages and a third, newest first', () => {
    const first = cardLinks('/');
    const second = cardLinks('/2/');
    const third = cardLinks('/3/');
    expect(first).toHaveLength(siteConfig.pageSize);
    expect(second).toHaveLength(siteConfig.pageSize);
    expect(first[0]).toBe('/posts/fixture-post-11/');
    expect(second.slice(0, 3)).toEqual(['/posts/fixture-post-01/', '/posts/rich-post/', '/posts/markdown-post/']);
    expect(third).toHaveLength(1);
    expect(new Set([...first, ...second, ...third]).size).toBe(21);
    expect(existsSync(join(buildDir('fixture'), '4'))).toBe(false);
  });

  test('links the pages to each other', () => {
    const first = page('fixture', '/');
    const second = page('fixture', '/2/');
    const last = page('fixture', '/3/');
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/2/');
    expect(first.querySelector('a[rel="prev"]')).toBeNull();
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/');
    expect(second.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/3/');
    expect(last.querySelector('a[rel="next"]')).toBeNull();
    expect(text(last.querySelector('nav[aria-label="Pagination"] p'))).toBe('Page 3 of 3');
  });
});

describe('content selection', () => {
  test('a draft gets no page and no card in a production build', () => {
    expect(existsSync(join(buildDir('fixture'), 'posts/draft-post'))).toBe(false);
    expect(readBuilt('fixture', 'index.html')).not.toContain('A draft that production must not show');
  });

  test('a file starting with _ is not a post; a .md post in a sub-folder is', () => {
    expect(htmlPages('fixture').filter((p) => p.includes('ignored'))).toEqual([]);
    expect(text(page('fixture', '/posts/markdown-post/').querySelector('h1'))).toBe(
      'A plain Markdown post in a sub-folder',
    );
  });

  test('"1 view", and a publisher that brings its own disclaimer', () => {
    expect(text(page('fixture', '/posts/markdown-post/').querySelector('main header'))).toContain('1 view');
    expect(
      text(page('fixture', '/posts/fixture-post-03/').querySelector('section[aria-labelledby="disclaimer"]')),
    ).toContain('Globex Academy publishes this article for teaching only');
  });
});

describe('sitemap and robots.txt', () => {
  test('the sitemap lists every page and nothing else', () => {
    const index = parse(readBuilt('fixture', 'sitemap-index.xml'));
    const sitemaps = index.querySelectorAll('loc').map((loc) => new URL(loc.text).pathname.slice(1));
    const urls = sitemaps.flatMap((file) =>
      parse(readBuilt('fixture', file))
        .querySelectorAll('loc')
        .map((loc) => loc.text),
    );
    const expected = htmlPages('fixture')
      .filter((path) => path !== '/404.html')
      .map((path) => new URL(path, siteConfig.url).href);
    expect([...urls].sort()).toEqual(expected);
  });

  test('robots.txt points at the sitemap index', () => {
    expect(readBuilt('fixture', 'robots.txt')).toContain(
      `Sitemap: ${new URL('/sitemap-index.xml', siteConfig.url).href}`,
    );
  });

  test('the 404 page exists and leads back to the articles', () => {
    const notFound = page('fixture', '/404.html');
    expect(text(notFound.querySelector('h1'))).toBe('This page does not exist');
    expect(notFound.querySelector('main a')?.getAttribute('href')).toBe('/');
  });
});

test('pages ship no JavaScript but the tiny inline theme script; search loads its own', () => {
  for (const path of htmlPages('fixture')) {
    const scripts = page('fixture', path).querySelectorAll('script:not([type="application/ld+json"])');
    const search = scripts.filter((s) => s.getAttribute('type') === 'module');
    expect(search.length, path).toBe(path === '/search/' ? 1 : 0);
    const inline = scripts.filter((s) => !s.getAttribute('src') && !s.getAttribute('type'));
    expect(inline, path).toHaveLength(1);
    expect(inline[0]!.text.length, path).toBeLessThan(1024);
    expect(inline[0]!.text, path).toContain("localStorage.getItem('theme')");
  }
});

test('the 404 page is not indexed and names no canonical URL', () => {
  const notFound = page('fixture', '/404.html');
  expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  expect(notFound.querySelector('link[rel="canonical"]')).toBeNull();
});
