// What keyboard users rely on: a skip link, every action reachable by Tab, focus they can see.
import { describe, expect, test } from 'vitest';
import { hasChromium, tabUntil, useBrowser } from '../helpers/browser.ts';

describe.skipIf(!hasChromium)('keyboard', () => {
  const browser = useBrowser('fixture');

  test('the first Tab shows a skip link that moves focus to the main content', async () => {
    const { page, violations } = await browser.open('/posts/rich-post/', { width: 375 });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement;
      const box = el.getBoundingClientRect();
      return {
        text: el.textContent?.trim(),
        href: el.getAttribute('href'),
        width: box.width,
        height: box.height,
        top: box.top,
      };
    });
    expect(skip).toMatchObject({ text: 'Skip to content', href: '#main' });
    expect(skip.width).toBeGreaterThan(40);
    expect(skip.height).toBeGreaterThan(16);
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('Tab reaches the Enrol button, and every focused element shows a visible outline', async () => {
    const { page, violations } = await browser.open('/posts/rich-post/');
    const outlines: string[] = [];
    const reached = await tabUntil(page, 'document.activeElement?.hasAttribute("data-enrol")');
    expect(reached).toBe(true);
    // Walk the whole page once more, recording the focus style of everything focusable.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const style = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return undefined;
        const css = getComputedStyle(el);
        return `${el.tagName.toLowerCase()}:${css.outlineStyle}:${parseFloat(css.outlineWidth)}`;
      });
      if (style) outlines.push(style);
    }
    expect(outlines.length).toBeGreaterThan(5);
    for (const style of outlines) {
      const [, outlineStyle, width] = style.split(':');
      expect(outlineStyle, style).not.toBe('none');
      expect(Number(width), style).toBeGreaterThanOrEqual(2);
    }
    expect(violations).toEqual([]);
    await page.close();
  });
});
