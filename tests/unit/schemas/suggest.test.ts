import { describe, expect, test } from 'vitest';
import { closest, didYouMean, editDistance } from '../../../src/schemas/suggest.ts';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['author', 'author', 0],
    ['auther', 'author', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('closest', () => {
  const courses = ['mathematical-models-ml', 'mathematics-data-science-ml', 'ml-in-finance'];
  test.each([
    ['ml-finance', 'ml-in-finance'],
    ['mathematical-model-ml', 'mathematical-models-ml'],
    ['finance', 'ml-in-finance'],
    ['ML-IN-FINANCE', 'ml-in-finance'],
  ])('%s → %s', (input, expected) => {
    expect(closest(input, courses)).toBe(expected);
  });

  test('suggests nothing for an unrelated id', () => {
    expect(closest('quantum-chemistry', courses)).toBeUndefined();
  });
});

describe('didYouMean', () => {
  test('lists the valid values when nothing is close', () => {
    expect(didYouMean('zzz', ['a-b', 'c-d'])).toBe('valid values: "a-b", "c-d"');
    expect(didYouMean('zzz', [])).toBe('none exist yet');
  });
});
