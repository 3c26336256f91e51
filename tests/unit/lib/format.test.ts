import { describe, expect, test } from 'vitest';
import { formatReadingTime, formatViews } from '../../../src/lib/format.ts';

describe('formatViews', () => {
  test.each([
    [8870, 'en-GB', '8,870 views'],
    [1, 'en-GB', '1 view'],
    [0, 'en-GB', '0 views'],
    [1234567, 'en-GB', '1,234,567 views'],
    [8870, 'de-DE', '8.870 views'],
  ])('%i in %s is %s', (views, lang, text) => {
    expect(formatViews(views, lang)).toBe(text);
  });
});

test('formatReadingTime', () => {
  expect(formatReadingTime(4)).toBe('4 min read');
});
