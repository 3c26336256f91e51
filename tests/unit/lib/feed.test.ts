import { describe, expect, test } from 'vitest';
import { absolutiseUrls, cleanForFeed, feedItem } from '../../../src/lib/feed.ts';
import type { Article } from '../../../src/lib/posts.ts';

const site = 'https://blog.example/';

describe('absolutiseUrls', () => {
  test('makes root-relative links and images absolute and leaves the rest', () => {
    expect(
      absolutiseUrls(
        '<a href="/posts/a/">a</a><img src="/_astro/x.webp"><a href="https://x.example/">x</a><a href="#s">s</a>',
        site,
      ),
    ).toBe(
      '<a href="https://blog.example/posts/a/">a</a><img src="https://blog.example/_astro/x.webp"><a href="https://x.example/">x</a><a href="#s">s</a>',
    );
  });
});

describe('cleanForFeed', () => {
  test('drops section anchors and their wrappers, keeping the heading', () => {
    const html =
      '<div class="heading-wrapper"><h2 id="a">A</h2><a class="heading-anchor" href="#a"><span aria-hidden="true">#</span><span class="sr-only">Link to section: A</span></a></div><p>Text</p>';
    expect(cleanForFeed(html)).toBe('<h2 id="a">A</h2><p>Text</p>');
  });
});

describe('feedItem', () => {
  test('carries title, link, date, author, topics, summary and the full body', () => {
    const data = {
      title: 'T',
      description: 'Summary.',
      date: '2025-07-19',
      author: 'ada',
      course: 'c',
      views: 1,
      topics: ['NLP'],
      draft: false,
    };
    const article = {
      id: 'my-post',
      data,
      entry: { id: 'my-post', data },
      author: { id: 'ada', data: { name: 'Ada', role: 'R', links: [] } },
    } as unknown as Article;
    expect(feedItem(article, '<p>Body with <a href="/posts/b/">a link</a></p>', site)).toEqual({
      title: 'T',
      link: 'https://blog.example/posts/my-post/',
      pubDate: new Date('2025-07-19T00:00:00Z'),
      description: 'Summary.',
      author: 'Ada',
      categories: ['NLP'],
      content: '<p>Body with <a href="https://blog.example/posts/b/">a link</a></p>',
    });
  });
});
