import { describe, expect, test } from 'vitest';
import type { Article } from '../../../src/lib/posts.ts';
import {
  buildSiteIndex,
  mostRead,
  relatedArticles,
  relatedIndex,
  totalReadingMinutes,
} from '../../../src/lib/site-index.ts';

function article(id: string, date: string, course: string, topics: string[], views = 0): Article {
  const data = {
    title: id,
    description: 'd',
    date,
    author: id.startsWith('a') ? 'ada' : 'alan',
    course,
    views,
    topics,
    draft: false,
  };
  return {
    id,
    entry: { id, data },
    data,
    author: { id: 'x', data: { name: 'X', role: 'R', links: [] } },
    course: {} as Article['course'],
    readingMinutes: 4,
  };
}

// Newest first, as the site sorts them.
const articles = [
  article('a-new', '2025-05-01', 'finance', ['NLP', 'credit risk'], 10),
  article('b-mid', '2025-04-01', 'maths', ['nlp', 'calculus'], 500),
  article('a-old', '2025-03-01', 'finance', ['trading'], 500),
  article('b-far', '2025-02-01', 'maths', ['calculus'], 5),
  article('lonely', '2025-01-01', 'other', ['poetry'], 1),
];

describe('relatedArticles', () => {
  test('puts the same course first, then shared topics, then the newest', () => {
    expect(relatedArticles(articles[0]!, articles).map((a) => a.id)).toEqual(['a-old', 'b-mid']);
    expect(relatedArticles(articles[1]!, articles).map((a) => a.id)).toEqual(['b-far', 'a-new']);
  });

  test('leaves out articles with nothing in common, and the article itself', () => {
    expect(relatedArticles(articles[4]!, articles)).toEqual([]);
  });

  test('stops at the limit', () => {
    expect(relatedArticles(articles[1]!, articles, 1).map((a) => a.id)).toEqual(['b-far']);
  });
});

describe('mostRead', () => {
  test('orders by views, then newest, up to the limit', () => {
    expect(mostRead(articles, 3).map((a) => a.id)).toEqual(['b-mid', 'a-old', 'a-new']);
  });
});

describe('buildSiteIndex', () => {
  const index = buildSiteIndex(articles);

  test('merges topics that differ only in case, keeps articles newest first, sorts topics by slug', () => {
    expect([...index.topics.keys()]).toEqual(['calculus', 'credit-risk', 'nlp', 'poetry', 'trading']);
    expect(index.topics.get('nlp')?.articles.map((a) => a.id)).toEqual(['a-new', 'b-mid']);
    expect(index.topics.get('nlp')?.name).toBe('NLP');
  });

  test('groups by course and by author', () => {
    expect(index.byCourse.get('finance')?.map((a) => a.id)).toEqual(['a-new', 'a-old']);
    expect(index.byAuthor.get('alan')?.map((a) => a.id)).toEqual(['b-mid', 'b-far', 'lonely']);
  });

  test('links each article to its newer and older neighbour', () => {
    expect(index.neighbours.get('a-new')).toEqual({ newer: undefined, older: articles[1] });
    expect(index.neighbours.get('lonely')?.newer?.id).toBe('b-far');
  });

  test('computes related lists once for every article', () => {
    expect(index.related.size).toBe(articles.length);
    expect(index.related.get('a-new')?.map((a) => a.id)).toEqual(['a-old', 'b-mid']);
    expect(index.related.get('lonely')).toEqual([]);
  });
});

describe('relatedIndex', () => {
  /** A seeded corpus with few courses, topics in mixed case, repeated topics and equal dates. */
  function corpus(size: number, seed: number): Article[] {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const names = ['NLP', 'nlp', 'Calculus', 'Credit risk', 'Trading'];
    const list = Array.from({ length: size }, (_, i) => {
      // Up to five topics from a few names, so posts share 0 to 4 topics and the ranking varies.
      const topics = Array.from({ length: 1 + next(5) }, () => names[next(5)]!);
      const day = String(1 + next(28)).padStart(2, '0');
      return article(
        `${i % 2 ? 'a' : 'b'}-${i}`,
        `2025-0${1 + next(9)}-${day}`,
        ['finance', 'maths', 'other'][next(3)]!,
        topics,
      );
    });
    return list.sort((x, y) => y.data.date.localeCompare(x.data.date));
  }

  test.each([1, 2, 3, 4, 5])('gives what relatedArticles gives, for every article (seed %i)', (seed) => {
    const list = corpus(120, seed);
    for (const limit of [1, 3, 7]) {
      const index = relatedIndex(list, limit);
      for (const one of list) {
        expect(
          index.get(one.id)?.map((a) => a.id),
          one.id,
        ).toEqual(relatedArticles(one, list, limit).map((a) => a.id));
      }
    }
  });
});

test('totalReadingMinutes adds up', () => {
  expect(totalReadingMinutes(articles)).toBe(20);
});
