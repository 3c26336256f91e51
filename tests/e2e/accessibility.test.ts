// axe-core on every page type, in both colour schemes, at phone and desktop widths.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import { hasChromium, useBrowser } from '../helpers/browser.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/** One page of each type the site has, from the fixture build (which has every component). */
const pageTypes = {
  'index, first page': '/',
  'index, later page': '/2/',
  article: '/posts/rich-post/',
  'article (Markdown)': '/posts/markdown-post/',
  'article with numbered equations and colours': '/posts/math-corpus-references/',
  'article with every kind of formula': '/posts/math-corpus-notation/',
  'not found': '/404.html',
  courses: '/courses/',
  course: '/courses/course-two/',
  authors: '/authors/',
  author: '/authors/ada-lovelace/',
  topics: '/topics/',
  topic: '/topics/fixtures/',
  'topic, later page': '/topics/fixtures/2/',
  search: '/search/',
};

describe.skipIf(!hasChromium)('accessibility', () => {
  const browser = useBrowser('fixture');

  describe.each(Object.entries(pageTypes))('%s', (_, path) => {
    test.each([
      [375, 'light'],
      [375, 'dark'],
      [1280, 'light'],
      [1280, 'dark'],
    ] as const)('has no axe violations at %i px in %s', async (width, scheme) => {
      const { page, errors, violations: cspViolations } = await browser.open(path, { width, scheme });
      const results = await new AxeBuilder({ page }).withTags(tags).analyze();
      const violations = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
      );
      expect(violations.join('\n')).toBe('');
      expect(errors).toEqual([]);
      expect(cspViolations).toEqual([]);
      await page.close();
    });
  });
});
