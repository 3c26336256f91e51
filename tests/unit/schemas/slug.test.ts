// Slugs that transliterate: one table of names in several languages and scripts.
import { describe, expect, test } from 'vitest';
import { slugify } from '../../../src/schemas/slug.ts';

describe('slugify', () => {
  test.each([
    ['Time Series', 'time-series'],
    ['NLP', 'nlp'],
    ["A manager's guide", 'a-managers-guide'],
    ['A manager\u2019s guide', 'a-managers-guide'],
    ['  Gradient descent: step by step!  ', 'gradient-descent-step-by-step'],
    ['C++ & Python', 'c-and-python'],
    ['k-means', 'k-means'],
  ])('English: %j is %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  test.each([
    ['Régression logistique', 'regression-logistique'], // French
    ['Søren Kierkegaard', 'soren-kierkegaard'], // Danish
    ['Ærø', 'aero'],
    ['Straße', 'strasse'], // German
    ['Müller', 'mueller'],
    ['Łódź', 'lodz'], // Polish
    ['Çağrı', 'cagri'], // Turkish
    ['Ñandú', 'nandu'], // Spanish
    ['Œuvre', 'oeuvre'],
    ['Nguyễn Văn', 'nguyen-van'], // Vietnamese
    ['Αλέξανδρος', 'aleksandros'], // Greek
    ['Дмитрий Иванов', 'dmitriy-ivanov'], // Russian
    ['ﬁnance', 'finance'], // a ligature, folded first
  ])('%j is %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  test.each(['日本語', '中文', 'עברית', 'ภาษาไทย', '🙂'])('%j has no ASCII spelling: the slug is empty', (text) => {
    expect(slugify(text)).toBe('');
  });
});
