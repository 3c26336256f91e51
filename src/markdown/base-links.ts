/**
 * Sätteri hast plugin: editors link to other pages by their site path ("/posts/a/", as the content
 * check verifies them); under a base path (BASE_PATH=/blog/) those links gain it, so articles work
 * on a GitHub Pages project site too. Images optimised by Astro already carry the base.
 */
import { defineHastPlugin } from 'satteri';

/** `path` under `base` ("/blog"), unless it is not a site path (protocol-relative, external). */
export function withBase(path: string, base: string): string {
  if (!base || !path.startsWith('/') || path.startsWith('//') || path === base || path.startsWith(`${base}/`))
    return path;
  return `${base}${path}`;
}

/** The plugin, for `satteri({ hastPlugins: [baseLinks('/blog')] })`; `base` has no trailing slash. */
export function baseLinks(base: string) {
  return defineHastPlugin({
    name: 'base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties['href'];
        if (typeof href === 'string' && withBase(href, base) !== href)
          ctx.setProperty(node, 'href', withBase(href, base));
      },
    },
  });
}
