import { describe, expect, test } from 'vitest';
import type { Article } from '../../../src/lib/posts.ts';
import { buildSiteIndex, mostRead, relatedArticles, totalReadingMinutes } from '../../../src/lib/site-index.ts';

function article(id: string, date: string, course: string, topics: string[], views = 0): Article {
  const data = { title: id, description: 'd', date, author: id.startsWith('a') ? 'ada' : 'alan', course, views, topics, draft: false };
  return { id, entry: { id, data }, data, author: { id: 'x', data: { name: 'X', role: 'R', links: [] } }, course: {} as Article['course'], readingMinutes: 4 };
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
  });
});

test('totalReadingMinutes adds up', () => {
  expect(totalReadingMinutes(articles)).toBe(20);
});
