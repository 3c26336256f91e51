// The launch content as built: every post has its page with everything a reader expects.
import { describe, expect, test } from 'vitest';
import { formulasOf } from '../../scripts/lib/math-corpus.ts';
import { fixtures } from '../helpers/build.ts';
import { page, text } from '../helpers/html.ts';
import { siteConfig } from '../../src/site.config.ts';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (path: string) => parseYaml(readFileSync(join(fixtures.real, path), 'utf8'));
const front = (slug: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(fixtures.real, 'posts', `${slug}.mdx`), 'utf8'))![1]!);
const slugs = [
  'mathematical-models-in-machine-learning',
  'mathematics-for-data-science-careers',
  'machine-learning-in-finance',
];

describe.each(slugs)('/posts/%s/', (slug) => {
  const post = front(slug);
  const author = read(`authors/${post.author}.yaml`);
  const course = read(`courses/${post.course}.yaml`);
  const publisher = read(`publishers/${course.publisher}.yaml`);
  const doc = page('real', `/posts/${slug}/`);
  const article = doc.querySelector('main article');

  test('has title, description and canonical URL in <head>', () => {
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    expect(text(doc.querySelector('title'))).toBe(`${post.title} | ${siteConfig.name}`);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(post.description);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      new URL(`/posts/${slug}/`, siteConfig.url).href,
    );
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/favicon.svg');
  });

  test('shows title, description, date, reading time, author and views', () => {
    expect(text(article?.querySelector('h1'))).toBe(post.title);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    const header = text(article?.querySelector('header'));
    expect(header).toContain(post.description);
    expect(header).toContain(author.name);
    expect(header).toMatch(/\b\d+ min read\b/);
    expect(header).toContain(`${post.views.toLocaleString('en-GB')} views`);
    expect(article?.querySelector('header time')?.getAttribute('datetime')).toBe(post.date);
  });

  test('renders the body with its section headings, and every formula as MathML with its TeX', () => {
    const headings = article?.querySelectorAll('.prose h2').map((h) => text(h)) ?? [];
    expect(headings.length).toBeGreaterThanOrEqual(4);
    expect(headings.at(-1)).toBe('Conclusion');
    expect(text(article?.querySelector('.prose'))).not.toMatch(/^import /m);
    const written = formulasOf(readFileSync(join(fixtures.real, 'posts', `${slug}.mdx`), 'utf8'), 'mdx').map(
      ({ tex }) => tex,
    );
    expect(written.length).toBeGreaterThan(0);
    expect(
      article?.querySelectorAll('.prose math annotation[encoding="application/x-tex"]').map((a) => a.text),
    ).toEqual(written);
    expect(text(article?.querySelector('.prose'))).not.toContain('$$');
  });

  test("ends with the course's call to action, the publisher's disclaimer and a way back", () => {
    const cta = article?.querySelector('aside');
    expect(text(cta?.querySelector('h2'))).toBe(course.ctaHeading);
    expect(text(cta)).toContain(`Enrol now in the ${course.name}.`);
    for (const benefit of course.benefits) expect(text(cta)).toContain(benefit);
    const enrol = cta?.querySelector('a[data-enrol]');
    expect(enrol?.getAttribute('href')).toBe(course.enrolUrl);
    expect(enrol?.getAttribute('href')).toMatch(/^https:\/\//);
    const disclaimer = text(article?.querySelector('section[aria-labelledby="disclaimer"]'));
    expect(disclaimer).toContain(publisher.name);
    expect(disclaimer).toMatch(/educational purposes/);
    const back = article?.querySelectorAll('a').find((a) => text(a).includes('Back to Blog'));
    expect(back?.getAttribute('href')).toBe('/');
  });
});

test('the two publishers sign the disclaimers of their own courses', () => {
  const signer = (slug: string) =>
    text(page('real', `/posts/${slug}/`).querySelector('section[aria-labelledby="disclaimer"]'));
  expect(signer('mathematical-models-in-machine-learning')).toContain('LSBR London - Executive Education');
  expect(signer('mathematics-for-data-science-careers')).toContain('LSBR UK - Executive Education');
  expect(signer('machine-learning-in-finance')).toContain('LSBR UK - Executive Education');
});

test('the index lists every launch article, newest first, with its card details', () => {
  const cards = page('real', '/').querySelectorAll('main article');
  const bySlug = slugs.map((slug) => ({ slug, ...front(slug) })).sort((a, b) => b.date.localeCompare(a.date));
  expect(cards.map((card) => card.querySelector('h2 a')?.getAttribute('href'))).toEqual(
    bySlug.map((p) => `/posts/${p.slug}/`),
  );
  cards.forEach((card, i) => {
    const post = bySlug[i]!;
    expect(text(card.querySelector('h2'))).toBe(post.title);
    expect(text(card)).toContain(post.description);
    expect(text(card)).toContain(read(`authors/${post.author}.yaml`).name);
    expect(text(card)).toMatch(/\d+ min read/);
    expect(text(card)).toContain(`${post.views.toLocaleString('en-GB')} views`);
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(post.date);
  });
});
