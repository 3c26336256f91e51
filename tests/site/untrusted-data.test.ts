// Frontmatter and data files are untrusted: markup, quotes, emoji and right-to-left text in titles,
// names and URLs (tests/fixtures/hostile) come out as text in every output, never as markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { buildDir, buildSite, projectRoot, readBuilt } from '../helpers/build.ts';
import { htmlPages, page, text } from '../helpers/html.ts';

const root = join(projectRoot, 'tests/fixtures/hostile');
const post = parse(splitFrontmatter(readFileSync(join(root, 'posts/hostile-post.mdx'), 'utf8'))!.yaml) as {
  title: string;
  description: string;
};
const author = parse(readFileSync(join(root, 'authors/mallory.yaml'), 'utf8')) as { name: string };
const course = parse(readFileSync(join(root, 'courses/hostile-course.yaml'), 'utf8')) as {
  name: string;
  enrolUrl: string;
};

beforeAll(() => {
  const { status, output } = buildSite('hostile', root);
  if (status !== 0) throw new Error(`building the hostile fixture failed:\n${output}`);
}, 300_000);

describe('a site built from hostile frontmatter and data files', () => {
  test('runs no script but its own and carries no event-handler attributes on any page', () => {
    for (const path of htmlPages('hostile')) {
      const doc = page('hostile', path);
      for (const script of doc.querySelectorAll('script:not([type="application/ld+json"])'))
        expect(script.text, path).not.toContain('alert(');
      // JSON-LD is data and may quote the hostile text, but never a raw "<" that could end it.
      for (const data of doc.querySelectorAll('script[type="application/ld+json"]'))
        expect(data.text, path).not.toContain('<');
      const handlers = doc
        .querySelectorAll('*')
        .flatMap((el) => Object.keys(el.attributes).filter((name) => /^on/i.test(name)));
      expect(handlers, path).toEqual([]);
      expect(doc.querySelectorAll('img[src="x"], svg[onload]'), path).toEqual([]);
    }
  });

  test('shows the title, description, author and course exactly as written, as text', () => {
    const doc = page('hostile', '/posts/hostile-post/');
    expect(text(doc.querySelector('h1'))).toBe(post.title);
    expect(doc.querySelector('title')?.text).toContain(post.title);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(post.description);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(post.title);
    expect(text(doc.querySelector('main header'))).toContain(author.name);
    expect(doc.querySelector('a[data-enrol]')?.getAttribute('href')).toBe(course.enrolUrl);
    expect(text(page('hostile', '/').querySelector('main'))).toContain(post.title);
  });

  test('keeps JSON-LD valid JSON with the exact strings, and never closes its script early', () => {
    const doc = page('hostile', '/posts/hostile-post/');
    const [script] = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(script?.text).not.toMatch(/<\/?script/i);
    const [posting] = JSON.parse(script!.text) as Array<Record<string, unknown>>;
    expect(posting?.['headline']).toBe(post.title);
    expect(posting?.['description']).toBe(post.description);
    expect((posting?.['author'] as Record<string, unknown>)['name']).toBe(author.name);
  });

  test.each(['rss.xml', 'courses/hostile-course/rss.xml', 'sitemap-0.xml'])('keeps %s well-formed XML', (file) => {
    const xml = readBuilt('hostile', file);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test('puts the exact title and description in the feeds', () => {
    const parser = new XMLParser({ processEntities: true, htmlEntities: true });
    for (const file of ['rss.xml', 'courses/hostile-course/rss.xml']) {
      const items = [parser.parse(readBuilt('hostile', file)).rss.channel.item].flat() as Array<{
        title: string;
        description: string;
      }>;
      const item = items.find((i) => i.title === post.title);
      expect(item, file).toBeDefined();
      expect(item?.description).toBe(post.description);
    }
  });

  test('renders a social card for the hostile title', () => {
    const png = readFileSync(join(buildDir('hostile'), 'og/hostile-post.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
