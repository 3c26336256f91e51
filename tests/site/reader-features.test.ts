// Course, author and topic pages, navigation inside articles, most read, feeds and JSON-LD.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { readSiteData } from '../../src/lib/site-data.ts';
import { siteConfig } from '../../src/site.config.ts';
import { fixtures, readBuilt } from '../helpers/build.ts';
import { htmlPages, page, text } from '../helpers/html.ts';

const hrefs = (path: string, selector: string) =>
  page('fixture', path)
    .querySelectorAll(selector)
    .map((a) => a.getAttribute('href'));
const abs = (path: string) => new URL(path, siteConfig.url).href;

describe('course pages', () => {
  test('/courses/ links every course', () => {
    expect(hrefs('/courses/', 'main li h2 a')).toEqual(['/courses/course-two/', '/courses/course-one/']);
  });

  test('a course page shows pitch, benefits, enrolment and its articles, newest first, with total reading time', () => {
    const doc = page('fixture', '/courses/course-two/');
    expect(text(doc.querySelector('h1'))).toBe('Certificate in Applied Testing');
    expect(text(doc.querySelector('main'))).toContain(
      'A second fixture course, published by a publisher with its own disclaimer.',
    );
    expect(text(doc.querySelector('main aside'))).toContain('find bugs before readers do');
    expect(doc.querySelector('a[data-enrol]')?.getAttribute('href')).toBe('https://courses.example/applied-testing');
    const articles = doc
      .querySelectorAll('section[aria-labelledby="course-articles"] article h3 a')
      .map((a) => a.getAttribute('href'));
    // The fixture posts of the course, then its four math-corpus posts (dated 2023, the oldest).
    expect(articles.slice(0, 4)).toEqual([
      '/posts/fixture-post-09/',
      '/posts/fixture-post-06/',
      '/posts/fixture-post-03/',
      '/posts/rich-post/',
    ]);
    expect(articles.slice(4)).toHaveLength(4);
    expect(articles.slice(4).every((href) => href!.startsWith('/posts/math-corpus-'))).toBe(true);
    const minutes = articles.reduce(
      (sum, href) => sum + Number(/(\d+) min read/.exec(text(page('fixture', href!).querySelector('main header')))![1]),
      0,
    );
    expect(text(doc.querySelector('section[aria-labelledby="course-articles"]'))).toContain(
      `8 articles, ${minutes} min of reading in all`,
    );
  });

  test("an article's call to action links to its course page as well as to enrolment", () => {
    const doc = page('fixture', '/posts/rich-post/');
    const cta = doc.querySelector('aside[aria-labelledby^="cta-"]');
    expect(cta?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '/courses/course-two/',
      'https://courses.example/applied-testing',
    ]);
  });
});

describe('author pages', () => {
  test('the authors page counts articles in the right number: "1 article", "11 articles"', () => {
    const counts = (build: string) =>
      page(build, '/authors/')
        .querySelectorAll('main li p.text-gold')
        .map((p) => text(p));
    expect(counts('real')).toEqual(['1 article', '1 article', '1 article']);
    expect(counts('fixture')).toEqual(['11 articles', '10 articles']);
  });

  test('show name, role, bio, links and articles; bylines link there', () => {
    const doc = page('fixture', '/authors/ada-lovelace/');
    expect(text(doc.querySelector('h1'))).toBe('Ada Lovelace');
    expect(text(doc.querySelector('main'))).toContain('Ada writes fixture articles about engines that compute.');
    expect(doc.querySelector('main a[href="https://ada.example/"]')?.getAttribute('rel')).toContain('noopener');
    expect(doc.querySelectorAll('main article h3 a').length).toBe(7 + 4); // and four math-corpus posts
    expect(hrefs('/posts/fixture-post-01/', 'main header a[data-pagefind-filter="author"]')).toEqual([
      '/authors/ada-lovelace/',
    ]);
  });
});

describe('topic pages', () => {
  test('the topics index links every topic; cards and articles link their topics', () => {
    expect(hrefs('/topics/', 'main li a')).toContain('/topics/fixtures/');
    expect(hrefs('/', 'main article ul a')).toContain('/topics/fixtures/');
    expect(hrefs('/posts/rich-post/', 'main header ul a')).toEqual(['/topics/fixtures/', '/topics/markdown/']);
  });

  test('a topic with more articles than a page holds is paginated', () => {
    expect(page('fixture', '/topics/fixtures/').querySelectorAll('main article').length).toBe(siteConfig.pageSize);
    expect(page('fixture', '/topics/fixtures/2/').querySelectorAll('main article').length).toBe(2);
    expect(hrefs('/topics/fixtures/', 'a[rel="next"]')).toEqual(['/topics/fixtures/2/']);
    expect(htmlPages('fixture')).not.toContain('/topics/fixtures/3/');
  });
});

describe('inside an article', () => {
  test('a table of contents for three or more sections, none for fewer', () => {
    expect(hrefs('/posts/rich-post/', 'nav[aria-labelledby="toc-heading"] a')).toEqual([
      '#code-and-math',
      '#a-table-and-a-list',
      '#an-image',
      '#components-without-imports',
      '#last-section',
    ]);
    expect(page('fixture', '/posts/fixture-post-01/').querySelector('nav[aria-labelledby="toc-heading"]')).toBeNull();
  });

  test('each section heading has an anchor link that names its section', () => {
    const anchor = page('fixture', '/posts/rich-post/').querySelector('a.heading-anchor[href="#code-and-math"]');
    expect(text(anchor)).toBe('#Link to section: Code and math');
  });

  test('links to the previous and next articles', () => {
    expect(hrefs('/posts/fixture-post-05/', 'a[rel="prev"]')).toEqual(['/posts/fixture-post-04/']);
    expect(hrefs('/posts/fixture-post-05/', 'a[rel="next"]')).toEqual(['/posts/fixture-post-06/']);
    expect(hrefs('/posts/fixture-post-11/', 'a[rel="next"]')).toEqual([]);
  });

  test('related articles share the course first', () => {
    expect(hrefs('/posts/fixture-post-03/', 'section[aria-labelledby="related"] h3 a')).toEqual([
      '/posts/fixture-post-09/',
      '/posts/fixture-post-06/',
      '/posts/rich-post/',
    ]);
  });
});

test('"Most read" on the index and on course pages, by views, with the date of the counts', () => {
  for (const path of ['/', '/courses/course-one/']) {
    const section = page('fixture', path).querySelector('section[aria-labelledby="most-read"]');
    expect(section?.querySelectorAll('li a').map((a) => a.getAttribute('href'))).toEqual([
      '/posts/rich-post/',
      '/posts/fixture-post-11/',
      '/posts/fixture-post-10/',
      '/posts/fixture-post-09/',
      '/posts/fixture-post-08/',
    ]);
    expect(text(section)).toContain('Views as of');
    // The fixture site's own content/site.yaml, not the launch content's.
    expect(section?.querySelector('time')?.getAttribute('datetime')).toBe(readSiteData(fixtures.site).viewsAsOf);
  }
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  test.each(['rss.xml', 'courses/course-one/rss.xml', 'courses/course-two/rss.xml'])(
    '%s is well-formed RSS with full article bodies',
    (file) => {
      const xml = readBuilt('fixture', file);
      expect(XMLValidator.validate(xml)).toBe(true);
      const items = [parser.parse(xml).rss.channel.item].flat();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.link).toMatch(/^https:\/\/.+\/posts\/[a-z0-9-]+\/$/);
        expect(item['content:encoded']).toContain('<p>');
        expect(item['content:encoded']).not.toMatch(/^import |Enrol now|Disclaimer|heading-anchor/m);
      }
    },
  );

  test('the site feed carries rendered math, code and tables, with absolute links', () => {
    const items = [parser.parse(readBuilt('fixture', 'rss.xml')).rss.channel.item].flat();
    const rich = items.find((item) => item.link.endsWith('/posts/rich-post/'))['content:encoded'] as string;
    expect(rich).toContain('<table>');
    expect(rich).toContain('class="astro-code');
    expect(rich).toContain(`href="${abs('/posts/fixture-post-02/')}"`);
    expect(rich).toContain('class="callout callout-warning"');
    expect(rich).toMatch(/<figcaption>A figure with a caption\./);
    expect(items.some((item) => /draft/i.test(item.title))).toBe(false);
  });

  test('the site feed holds the newest posts, newest first, up to the feed size', () => {
    const items = [parser.parse(readBuilt('fixture', 'rss.xml')).rss.channel.item].flat() as Array<{
      link: string;
      pubDate: string;
    }>;
    const published = htmlPages('fixture').filter((path) => /^\/posts\/[^/]+\/$/.test(path)).length;
    expect(items).toHaveLength(Math.min(published, siteConfig.feedSize));
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('pages advertise the site feed, and course and article pages their course feed', () => {
    expect(hrefs('/', 'link[rel="alternate"][type="application/rss+xml"]')).toEqual([abs('/rss.xml')]);
    expect(hrefs('/posts/rich-post/', 'link[rel="alternate"][type="application/rss+xml"]')).toEqual([
      abs('/rss.xml'),
      abs('/courses/course-two/rss.xml'),
    ]);
  });
});

describe('sharing and search engines', () => {
  const ld = (path: string) =>
    JSON.parse(page('fixture', path).querySelector('script[type="application/ld+json"]')!.text) as Array<
      Record<string, unknown>
    >;

  test('an article has BlogPosting with author Person and publisher Organization, and BreadcrumbList', () => {
    const [posting, trail] = ld('/posts/rich-post/');
    expect(posting).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Every element an article can contain',
      datePublished: '2025-02-15',
      url: abs('/posts/rich-post/'),
      image: { url: abs('/og/rich-post.png'), width: 1200, height: 630 },
      author: { '@type': 'Person', name: 'Alan Turing', url: abs('/authors/alan-turing/') },
      publisher: { '@type': 'Organization', name: 'Globex Academy' },
    });
    expect(trail?.['@type']).toBe('BreadcrumbList');
    expect((trail?.['itemListElement'] as Array<{ item: string }>).map((i) => i.item)).toEqual([
      abs('/'),
      abs('/courses/course-two/'),
      abs('/posts/rich-post/'),
    ]);
  });

  test('a course page has Course JSON-LD', () => {
    expect(ld('/courses/course-one/')[0]).toMatchObject({
      '@type': 'Course',
      name: 'Certificate in Fixture Engineering',
      provider: { '@type': 'Organization', name: 'Acme Institute' },
    });
  });

  test('Open Graph and Twitter meta name the page, its summary and its image', () => {
    const doc = page('fixture', '/posts/rich-post/');
    const meta = (key: string) =>
      doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toBe('Every element an article can contain');
    expect(meta('og:url')).toBe(abs('/posts/rich-post/'));
    expect(meta('og:image')).toBe(abs('/og/rich-post.png'));
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('article:published_time')).toBe('2025-02-15');
  });
});

describe('MDX components, used without imports', () => {
  const body = () => page('fixture', '/posts/rich-post/').querySelector('main .prose')!;

  test('Callout renders a labelled note of its kind around Markdown', () => {
    const callouts = body().querySelectorAll('[role="note"].callout');
    expect(callouts.map((c) => text(c.querySelector('.callout-title')))).toEqual(['Note', 'Warning: Check your data']);
    expect(callouts[0]?.querySelector('a')?.getAttribute('href')).toBe('/posts/fixture-post-03/');
  });

  test('Figure takes a path relative to the post and gets an image optimised by astro:assets', () => {
    const figure = body().querySelector('figure.figure')!;
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('The same two-tone image, shown as a figure');
    expect(img.getAttribute('src')).toMatch(/^\/_astro\/two-tone\.[\w-]+\.webp$/);
    expect(img.getAttribute('width')).toBe('320');
    expect(img.getAttribute('height')).toBe('180');
    expect(text(figure.querySelector('figcaption'))).toBe('A figure with a caption.Fixture Studio');
  });

  test('KeyTakeaways holds the Markdown list written inside it', () => {
    const box = body().querySelector('.key-takeaways')!;
    expect(text(box.querySelector('.key-takeaways-title'))).toBe('Key takeaways');
    expect(box.querySelectorAll('li').map(text)).toEqual([
      'Components need no import.',
      'Their props are checked before the build.',
    ]);
  });
});
