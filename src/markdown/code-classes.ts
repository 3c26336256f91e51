/**
 * Sätteri hast plugin: replaces Shiki's style="" attributes with the classes of
 * src/markdown/code-theme.ts. A colour outside the generated palette fails the build, since its
 * token would otherwise silently lose its colour.
 */
import { defineHastPlugin } from 'satteri';
import { darkPalette, lightPalette, tokenClasses } from './code-theme.ts';

const known = new Set([...lightPalette.map((c) => `cl-${c}`), ...darkPalette.map((c) => `cd-${c}`), 'ci', 'cb']);

/** The plugin, for `satteri({ hastPlugins: [codeClasses()] })`, after Shiki has run. */
export function codeClasses() {
  return defineHastPlugin({
    name: 'code-classes',
    element: {
      filter: ['pre', 'span'],
      visit(node, ctx) {
        const style = node.properties['style'];
        if (typeof style !== 'string' || !style.includes('--shiki-')) return;
        if (node.tagName === 'pre') {
          ctx.setProperty(node, 'style', undefined);
          return;
        }
        const classes = tokenClasses(style);
        if (!classes) return;
        const unknown = classes.filter((c) => !known.has(c));
        if (unknown.length > 0)
          throw new Error(`code-classes: no rule for ${unknown.join(', ')}; run \`npm run generate:code-css\``);
        const existing = node.properties['class'];
        ctx.setProperty(
          node,
          'class',
          [typeof existing === 'string' ? existing : '', ...classes].filter(Boolean).join(' '),
        );
        ctx.setProperty(node, 'style', undefined);
      },
    },
  });
}
