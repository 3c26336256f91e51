// Math as a reader sees it, measured on the laid-out page: the fixture site's corpus of formulas
// from machine-learning papers, lecture notes and textbooks (tests/fixtures/site/posts/math/).
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { hasChromium, useBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';
import { layoutProblems, measureDisplayMath } from '../helpers/math-layout.ts';

const corpus = readdirSync(`${projectRoot}/tests/fixtures/site/posts/math`)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => `/posts/${file.replace(/\.mdx$/, '')}/`);

describe.skipIf(!hasChromium)('math in Chromium', () => {
  const browser = useBrowser('fixture');

  test.each(corpus)('%s: columns align as TeX asks and no row crosses the one above', async (path) => {
    const { page, errors, violations } = await browser.open(path);
    await page.evaluate(() => document.fonts.ready);
    const formulas = await page.evaluate(measureDisplayMath);
    expect(formulas.filter((formula) => formula.tables.some((table) => table.rows.length > 1)).length).toBeGreaterThan(
      0,
    );
    expect(formulas.flatMap((formula) => layoutProblems(formula))).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('display ∑, ∏ and ∫ are at least 1.3 times their inline size', async () => {
    const ratios: Array<[string, number]> = [];
    for (const path of corpus) {
      const { page } = await browser.open(path);
      await page.evaluate(() => document.fonts.ready);
      const formulas = await page.evaluate(measureDisplayMath);
      // The same operators in inline math, in the text's own paragraph and size.
      const inline = await page.evaluate(() => {
        const host = document.querySelector('.prose p .math-inline')!;
        const heights: Record<string, number> = {};
        for (const char of ['∑', '∏', '∫']) {
          const math = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'math');
          const mo = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mo');
          mo.textContent = char;
          math.append(mo);
          host.after(math);
          heights[char] = mo.getBoundingClientRect().height;
          math.remove();
        }
        return heights;
      });
      for (const { char, height } of formulas.flatMap((formula) => formula.largeOperators))
        ratios.push([char, height / inline[char]!]);
      await page.close();
    }
    expect(ratios.length).toBeGreaterThan(150);
    expect(ratios.filter(([, ratio]) => ratio < 1.3)).toEqual([]);
  });

  test('the math font is requested by a page with math, and not by the index', async () => {
    const fonts = async (path: string) => {
      const { page } = await browser.open('/404.html');
      const requested: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'font' || request.url().endsWith('.woff2'))
          requested.push(new URL(request.url()).pathname);
      });
      await page.goto(new URL(path, page.url()).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.close();
      return requested;
    };
    expect(await fonts(corpus[0]!)).toEqual([expect.stringMatching(/^\/_astro\/stix-two-math\.[\w-]+\.woff2$/)]);
    expect(await fonts('/')).toEqual([]);
    expect(await fonts('/posts/fixture-post-01/')).toEqual([]);
  });

  test.each(corpus)(
    '%s at 320 px: wide formulas scroll in their own box; inline math stays in the column',
    async (path) => {
      const { page } = await browser.open(path, { width: 320 });
      await page.evaluate(() => document.fonts.ready);
      const layout = await page.evaluate(() => {
        const column = document.querySelector('.prose')!.getBoundingClientRect();
        const displays = [...document.querySelectorAll('.math-display')];
        return {
          pageWidth: document.documentElement.scrollWidth,
          scrolling: displays.filter((box) => box.scrollWidth > box.clientWidth + 1).length,
          notScrollable: displays.filter(
            (box) => box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'auto',
          ).length,
          displayOutside: displays.filter((box) => box.getBoundingClientRect().right > column.right + 1).length,
          inlineOutside: [...document.querySelectorAll('.math-inline')]
            .filter((span) => span.getBoundingClientRect().right > column.right + 1)
            .map((span) => span.querySelector('annotation')?.textContent),
        };
      });
      expect(layout.pageWidth).toBeLessThanOrEqual(320);
      expect(layout.notScrollable).toBe(0);
      expect(layout.displayOutside).toBe(0);
      expect(layout.inlineOutside).toEqual([]);
      await page.close();
    },
  );

  test('an equation reference is a link to its numbered equation', async () => {
    const { page, errors } = await browser.open('/posts/math-corpus-references/');
    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a.eqref')].map((link) => {
        const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        return { text: link.textContent, number: target?.querySelector('.math-number')?.textContent ?? null };
      }),
    );
    expect(links.length).toBeGreaterThan(5);
    for (const { text, number } of links)
      expect(number?.replace(/^\((.*)\)$/, '$1')).toBe(text?.replace(/^\((.*)\)$/, '$1'));
    // Following one scrolls its equation into view.
    await page.locator('a.eqref').last().click();
    const target = await page.evaluate(() => {
      const row = document.querySelector(':target');
      const box = row?.getBoundingClientRect();
      return box ? box.top >= 0 && box.bottom <= innerHeight : false;
    });
    expect(target).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
