import { expect, test } from 'vitest';
import { slugify } from '../../../src/lib/slug.ts';

test.each([
  ['Time Series', 'time-series'],
  ['NLP', 'nlp'],
  ["A manager's guide", 'a-managers-guide'],
  ['A manager\u2019s guide', 'a-managers-guide'],
  ['Régression logistique', 'regression-logistique'],
  ['  Gradient descent: step by step!  ', 'gradient-descent-step-by-step'],
  ['日本語', ''],
])('slugify(%j) is %j', (text, slug) => {
  expect(slugify(text)).toBe(slug);
});
