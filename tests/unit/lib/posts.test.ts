import { describe, expect, test } from 'vitest';
import {
  buildSiteContent,
  compareNewestFirst,
  disclaimerFor,
  heldBack,
  isPublished,
  type PostEntry,
} from '../../../src/lib/posts.ts';

const post = (id: string, date: string, extra: Partial<PostEntry['data']> = {}): PostEntry => ({
  id,
  body: 'Some words to read.',
  data: {
    title: id,
    description: `About ${id}.`,
    date,
    author: 'ada',
    course: 'c1',
    views: 0,
    topics: ['t'],
    draft: false,
    ...extra,
  },
});

const collections = {
  posts: [
    post('older', '2025-01-01'),
    post('newest', '2025-03-01'),
    post('b-tie', '2025-02-01'),
    post('a-tie', '2025-02-01'),
    post('hidden', '2025-04-01', { draft: true }),
  ],
  authors: [{ id: 'ada', data: { name: 'Ada', role: 'Analyst', links: [] } }],
  courses: [
    {
      id: 'c1',
      data: {
        name: 'Course',
        pitch: 'p',
        ctaHeading: 'h',
        benefits: ['b'],
        enrolUrl: 'https://x.example/',
        publisher: 'pub',
      },
    },
  ],
  publishers: [{ id: 'pub', data: { name: 'Publisher Ltd' } }],
};

describe('buildSiteContent', () => {
  test('sorts newest first, breaking ties by id, and leaves drafts out of production', () => {
    const { articles } = buildSiteContent(collections, { includeDrafts: false, today: '2025-12-31' });
    expect(articles.map((a) => a.id)).toEqual(['newest', 'a-tie', 'b-tie', 'older']);
  });

  test('keeps drafts when asked (dev server)', () => {
    const { articles } = buildSiteContent(collections, { includeDrafts: true, today: '2025-12-31' });
    expect(articles[0]?.id).toBe('hidden');
  });

  test('joins each post to its author, course and the course publisher', () => {
    const [article] = buildSiteContent(collections, { includeDrafts: false, today: '2025-12-31' }).articles;
    expect(article?.author.data.name).toBe('Ada');
    expect(article?.course.publisher.data.name).toBe('Publisher Ltd');
    expect(article?.readingMinutes).toBe(1);
  });

  test('throws on an id that does not resolve', () => {
    const broken = { ...collections, posts: [post('lost', '2025-01-01', { author: 'nobody' })] };
    expect(() => buildSiteContent(broken, { includeDrafts: false, today: '2025-12-31' })).toThrow(
      'posts/lost: author "nobody" does not exist',
    );
  });
});

describe('compareNewestFirst', () => {
  test('orders by date descending', () => {
    expect(
      compareNewestFirst({ id: 'a', data: { date: '2025-01-02' } }, { id: 'b', data: { date: '2025-01-01' } }),
    ).toBeLessThan(0);
  });
});

describe('disclaimerFor', () => {
  test('fills the publisher name into the site template', () => {
    expect(
      disclaimerFor(
        { id: 'p', data: { name: 'LSBR UK' } },
        'Views are not those of {publisher}; {publisher} is not liable.',
      ),
    ).toBe('Views are not those of LSBR UK; LSBR UK is not liable.');
  });

  test("prefers the publisher's own text", () => {
    expect(disclaimerFor({ id: 'p', data: { name: 'X', disclaimer: 'Own text.' } }, '{publisher}')).toBe('Own text.');
  });
});

describe('isPublished and heldBack', () => {
  test.each([
    [{ draft: false, date: '2025-06-01' }, true, undefined],
    [{ draft: false, date: '2025-06-02' }, false, 'scheduled for 2025-06-02'],
    [{ draft: true, date: '2025-01-01' }, false, 'draft'],
  ])('%o on 2025-06-01: live %s, held back as %s', (post, live, reason) => {
    expect(isPublished(post, { includeDrafts: false, today: '2025-06-01' })).toBe(live);
    expect(heldBack(post, '2025-06-01')).toBe(reason);
    expect(isPublished(post, { includeDrafts: true, today: '2025-06-01' })).toBe(true);
  });
});
