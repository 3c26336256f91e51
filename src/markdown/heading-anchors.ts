/**
 * Sätteri hast plugin: a "link to this section" anchor after each h2–h4 that has an id. The
 * anchor sits beside the heading, not inside it, so the heading's accessible name stays its text
 * (the pattern Starlight uses); its own name says which section it links to.
 */
import Slugger from 'github-slugger';
import { defineHastPlugin } from 'satteri';

/**
 * The id maker of one document: each heading's text to its id, in document order, numbering
 * repeats ("setup", "setup-1") with github-slugger as Astro does. The content check calls the same
 * function, so the anchors it verifies are the ones this plugin writes.
 */
export function headingIds(): (text: string) => string {
  const slugger = new Slugger();
  return (text) => slugger.slug(text);
}

/**
 * The plugin, for `satteri({ hastPlugins: [headingAnchors()] })`. It runs before Astro's own
 * heading-id plugin, so it gives headings their ids itself, with the same slugger (a fresh one per
 * document, `headingIds`); Astro keeps an id that is already set and lists the same slugs in `headings`.
 */
export function headingAnchors() {
  return () => {
    const headingId = headingIds();
    return defineHastPlugin({
      name: 'heading-anchors',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const existing = node.properties['id'];
          const id = typeof existing === 'string' && existing ? existing : headingId(text);
          if (id !== existing) ctx.setProperty(node, 'id', id);
          if (!['h2', 'h3', 'h4'].includes(node.tagName)) return;
          ctx.wrapNode(node, {
            type: 'element',
            tagName: 'div',
            properties: { class: 'heading-wrapper' },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { class: 'heading-anchor', href: `#${id}` },
                children: [
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { 'aria-hidden': 'true' },
                    children: [{ type: 'text', value: '#' }],
                  },
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { class: 'sr-only' },
                    children: [{ type: 'text', value: `Link to section: ${text}` }],
                  },
                ],
              },
            ],
          });
        },
      },
    });
  };
}
