import { describe, expect, test } from 'vitest';
import { countReadingUnits, readingMinutes } from '../../../src/lib/reading-time.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingMinutes', () => {
  test.each([
    [0, 1],
    [100, 1],
    [238, 1],
    [952, 4],
    [1190, 5],
  ])('%i words of prose take %i min', (n, minutes) => {
    expect(readingMinutes(words(n))).toBe(minutes);
  });

  test('does not count MDX imports, tags, link targets or Markdown punctuation as words', () => {
    const body =
      'import Callout from \'../components/Callout.astro\';\n\n## Heading here\n\n<Callout type="tip">Two words</Callout> [a link](https://example.com/very/long/path)';
    expect(countReadingUnits(body).words).toBe(6); // Heading here Two words a link
  });

  test('counts a display formula as a fixed cost, whatever its TeX length', () => {
    const short = countReadingUnits('$$\nx\n$$');
    const long = countReadingUnits(`$$\n${'\\frac{a}{b} + '.repeat(50)}\n$$`);
    expect(short).toEqual({ words: 0, codeWords: 0, inlineFormulas: 0, displayFormulas: 1 });
    expect(long).toEqual(short);
  });

  test('counts inline math as one word each and does not mistake prices for math', () => {
    expect(countReadingUnits('Let $x_i$ and $\\beta$ be given.').inlineFormulas).toBe(2);
    expect(countReadingUnits('It costs $5 and $10 today.').inlineFormulas).toBe(0);
  });

  test('counts code words separately from prose', () => {
    const units = countReadingUnits('Some prose here.\n\n```python\nx = np.zeros(3)\nprint(x)\n```\n');
    expect(units.words).toBe(3);
    expect(units.codeWords).toBeGreaterThan(0);
  });
});
