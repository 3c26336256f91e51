import { describe, expect, test } from 'vitest';
import { cacheKey, withCacheKeys } from '../../../src/lib/cache-key.ts';

const now = new Date('2026-06-01T00:00:00Z');
const props = {
  article: { id: 'a', data: { title: 'A', date: '2026-01-01', topics: ['x'] }, body: 'text' },
  related: [{ id: 'b', data: { title: 'B' } }],
  counts: new Map([['x', 1]]),
  ids: new Set(['a', 'b']),
};

describe('cacheKey', () => {
  test('is the same for equal props', () => {
    expect(cacheKey(structuredClone(props), now)).toBe(cacheKey(props, now));
  });

  test('changes with any value, however deep, including inside Maps and Sets', () => {
    const key = cacheKey(props, now);
    const variants = [
      { ...props, article: { ...props.article, body: 'text!' } },
      { ...props, article: { ...props.article, data: { ...props.article.data, topics: ['y'] } } },
      { ...props, related: [{ id: 'b', data: { title: 'B, renamed' } }] },
      { ...props, counts: new Map([['x', 2]]) },
      { ...props, ids: new Set(['a']) },
    ];
    const keys = variants.map((variant) => cacheKey(variant, now));
    for (const other of keys) expect(other).not.toBe(key);
    expect(new Set(keys).size).toBe(variants.length);
  });

  test('changes with the year the footer prints, not within a year', () => {
    expect(cacheKey(props, new Date('2026-12-31T23:59:59Z'))).toBe(cacheKey(props, now));
    expect(cacheKey(props, new Date('2027-01-01T00:00:00Z'))).not.toBe(cacheKey(props, now));
  });
});

describe('withCacheKeys', () => {
  test("adds each path's key and keeps the rest", () => {
    const paths = withCacheKeys([
      { params: { slug: 'a' }, props: { n: 1 } },
      { params: { slug: 'b' }, props: { n: 2 } },
    ]);
    expect(paths.map((path) => path.params.slug)).toEqual(['a', 'b']);
    expect(paths[0]!.cacheKey).toBe(cacheKey({ n: 1 }));
    expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
  });
});
