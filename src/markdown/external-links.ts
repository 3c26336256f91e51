/**
 * Sätteri hast plugin: links in articles that leave the site get rel="noopener noreferrer", so
 * the page they open cannot reach back through window.opener nor learn which article sent the
 * reader there. Links to the site's own origin are left alone.
 */
import { defineHastPlugin } from 'satteri';

/** True for an absolute http(s) URL on another origin than `siteUrl`. */
export function isExternal(href: string, siteUrl: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).origin !== new URL(siteUrl).origin;
  } catch {
    return false;
  }
}

/** The plugin, for `satteri({ hastPlugins: [externalLinks(siteUrl)] })`. */
export function externalLinks(siteUrl: string) {
  return defineHastPlugin({
    name: 'external-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties['href'];
        if (typeof href === 'string' && isExternal(href, siteUrl))
          ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      },
    },
  });
}
