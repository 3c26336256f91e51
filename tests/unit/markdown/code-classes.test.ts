// Code colours as classes: Shiki's inline styles become the classes of src/styles/code-theme.css.
import { satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { codeClasses } from '../../../src/markdown/code-classes.ts';
import { codeHighlight, darkPalette, lightPalette } from '../../../src/markdown/code-theme.ts';

const highlight = await codeHighlight();
// The plugins are cast, so the types cannot tell that Shiki's async one makes the result a promise.
const render = async (markdown: string, plugins: unknown[] = [highlight, codeClasses()]) =>
  // eslint-disable-next-line @typescript-eslint/await-thenable
  (await markdownToHtml(markdown, { features: { math: true }, hastPlugins: plugins as never })).html;

describe('codeClasses', () => {
  test('a highlighted block has no style attribute, and one light and one dark class per token', async () => {
    const html = await render('```python\ndef f(x):\n    return x  # comment\n```');
    expect(html).not.toMatch(/\sstyle=/);
    const tokens = [...html.matchAll(/<span class="(cl-[0-9a-f]{6}) (cd-[0-9a-f]{6})[^"]*">/g)];
    expect(tokens.length).toBeGreaterThan(4);
    for (const [, light, dark] of tokens) {
      expect(lightPalette).toContain(light!.slice(3));
      expect(darkPalette).toContain(dark!.slice(3));
    }
  });

  test('math is left to the math plugin, and inline code is not highlighted', async () => {
    const html = await render('Use `np.zeros(3)`.\n\n$$\nx^2\n$$');
    expect(html).toContain('<code>np.zeros(3)</code>');
    expect(html).toContain('language-math');
  });

  test('a colour outside the palette fails the build, naming the command that fixes it', async () => {
    // A highlighter that colours a token in a colour neither theme has.
    const odd = satteriHighlightPlugin(
      async () => ({
        type: 'element',
        tagName: 'pre',
        properties: { style: '--shiki-light-bg:#fff;--shiki-dark-bg:#000' },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { style: '--shiki-light:#010203;--shiki-dark:#010203' },
            children: [{ type: 'text', value: 'x' }],
          },
        ],
      }),
      [],
    );
    await expect(render('```js\nx\n```', [odd, codeClasses()])).rejects.toThrow(
      'no rule for cl-010203, cd-010203; run `npm run generate:code-css`',
    );
  });
});
