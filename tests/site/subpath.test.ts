// The fixture site built under a base path, as a GitHub Pages project site is served
// (https://<owner>.github.io/<repository>/): every link, asset, feed, sitemap URL, canonical URL,
// social image, paginated page and search result stays under it.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { checkLinks, formatFindings, readPages } from '../../scripts/lib/dist-audit.ts';
import { siteConfig } from '../../src/site.config.ts';
import { buildDir, readBuilt, SUBPATH } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';

const origin = new URL(siteConfig.url).origin;
const under = (path: string) => `${origin}${SUBPATH}${path}`;

describe(`the fixture site under ${SUBPATH}/`, () => {
  test('every internal link, asset and #fragment resolves, and none leaves the base path', () => {
    expect(formatFindings(checkLinks(buildDir('subpath'), siteConfig.url, SUBPATH))).toBe('');
  });

  test('no page links to a root path outside the base', () => {
    const outside = readPages(buildDir('subpath')).flatMap(({ path, doc }) =>
      doc
        .querySelectorAll('[href^="/"], [src^="/"]')
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((url) => !url.startsWith(`${SUBPATH}/`))
        .map((url) => `${path}: ${url}`),
    );
    expect(outside).toEqual([]);
  });

  test('canonical, Open Graph, JSON-LD and feed links carry the base path once', () => {
    const doc = page('subpath', '/posts/rich-post/');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(under('/posts/rich-post/'));
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(under('/og/rich-post.png'));
    const [posting] = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text) as Array<
      Record<string, unknown>
    >;
    expect(posting?.['url']).toBe(under('/posts/rich-post/'));
    const feeds = doc.querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute('href'));
    expect(feeds).toEqual([under('/rss.xml'), under('/courses/course-two/rss.xml')]);
    expect(doc.querySelector('main .prose a[href*="fixture-post-02"]')?.getAttribute('href')).toBe(
      `${SUBPATH}/posts/fixture-post-02/`,
    );
  });

  test('paginated pages link to each other with the base path once (arthelokyo/astrowind#629)', () => {
    const second = page('subpath', '/2/');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(`${SUBPATH}/`);
    expect(page('subpath', '/').querySelector('a[rel="next"]')?.getAttribute('href')).toBe(`${SUBPATH}/2/`);
    expect(page('subpath', '/topics/fixtures/').querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      `${SUBPATH}/topics/fixtures/2/`,
    );
  });

  test('feed items, the sitemap and robots.txt use absolute URLs under the base path', () => {
    const parser = new XMLParser();
    const items = [parser.parse(readBuilt('subpath', 'rss.xml')).rss.channel.item].flat() as Array<{
      link: string;
      'content:encoded': string;
    }>;
    for (const item of items) expect(item.link.startsWith(under('/posts/'))).toBe(true);
    const rich = items.find((item) => item.link === under('/posts/rich-post/'));
    expect(rich?.['content:encoded']).toContain(`href="${under('/posts/fixture-post-02/')}"`);
    const urls = [parser.parse(readBuilt('subpath', 'sitemap-0.xml')).urlset.url]
      .flat()
      .map((u: { loc: string }) => u.loc);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith(under('/'))).toBe(true);
    expect(readBuilt('subpath', 'robots.txt')).toContain(`Sitemap: ${under('/sitemap-index.xml')}`);
  });

  test('the header marks the current section under the base path', () => {
    expect(page('subpath', '/courses/').querySelector('header nav a[aria-current="page"]')?.getAttribute('href')).toBe(
      `${SUBPATH}/courses/`,
    );
  });
});
