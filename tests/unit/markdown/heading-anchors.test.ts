// Section anchors: ids from the same slugger as Astro's, and an anchor beside h2–h4 that names its section.
import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../../scripts/lib/dist-audit.ts';
import { headingAnchors } from '../../../src/markdown/heading-anchors.ts';

const render = (markdown: string) => parseHtml(markdownToHtml(markdown, { hastPlugins: [headingAnchors()] }).html);

describe('headingAnchors', () => {
  test('h2 to h4 get an id and an anchor beside them, not inside them', () => {
    const doc = render('## Gradient descent\n\n### Step size\n\n#### Why it works\n\n##### Notes');
    const wrappers = doc.querySelectorAll('div.heading-wrapper');
    expect(wrappers.map((w) => w.firstElementChild?.getAttribute('id'))).toEqual([
      'gradient-descent',
      'step-size',
      'why-it-works',
    ]);
    for (const wrapper of wrappers) {
      const heading = wrapper.firstElementChild!;
      const anchor = wrapper.querySelector('a.heading-anchor')!;
      expect(anchor.getAttribute('href')).toBe(`#${heading.getAttribute('id')}`);
      expect(heading.querySelector('a')).toBeNull(); // the heading's name stays its text
      expect(anchor.querySelector('.sr-only')?.text).toBe(`Link to section: ${heading.text}`);
    }
    expect(doc.querySelector('h5')?.getAttribute('id')).toBe('notes');
    expect(doc.querySelector('h5')?.parentNode?.classList?.contains('heading-wrapper')).toBeFalsy();
  });

  test('repeated headings get distinct ids, counted per document', () => {
    const doc = render('## Example\n\n## Example\n\n## Example');
    expect(doc.querySelectorAll('h2').map((h) => h.getAttribute('id'))).toEqual(['example', 'example-1', 'example-2']);
    const again = render('## Example');
    expect(again.querySelector('h2')?.getAttribute('id')).toBe('example');
  });

  test('ids are the slugs Astro lists in headings: lower case, punctuation dropped, accents kept', () => {
    const doc = render("## What's new in 2025?\n\n## Régression logistique");
    expect(doc.querySelectorAll('h2').map((h) => h.getAttribute('id'))).toEqual([
      'whats-new-in-2025',
      'régression-logistique',
    ]);
  });
});
