/**
 * Sätteri mdast plugin: lets editors write `<Figure src="./images/a.png" alt="…" caption="…" />`
 * with a path relative to the post, and no import, and still get an image optimised by
 * astro:assets. It turns `src` and `alt` into an ordinary Markdown image inside the Figure. Astro's
 * own image plugins run after it (see @astrojs/markdown-satteri's MDX processor: editor mdast
 * plugins first, then collect-images), so the image is imported, resized and given width and
 * height exactly as `![alt](./images/a.png)` would be. Figure.astro then only adds the caption.
 */
import { defineMdastPlugin } from 'satteri';

export function figureImages() {
  return defineMdastPlugin({
    name: 'figure-images',
    mdxJsxFlowElement(node, ctx) {
      if (node.name !== 'Figure') return;
      const attribute = (name: string) => {
        const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
        return found && typeof found.value === 'string' ? found.value : undefined;
      };
      const src = attribute('src');
      // Anything else (a missing or computed src) is left for the content check to report.
      if (src === undefined) return;
      const rest = node.attributes.filter(
        (a) => !(a.type === 'mdxJsxAttribute' && (a.name === 'src' || a.name === 'alt')),
      );
      ctx.replaceNode(node, {
        type: 'mdxJsxFlowElement',
        name: 'Figure',
        attributes: rest,
        children: [{ type: 'paragraph', children: [{ type: 'image', url: src, alt: attribute('alt') ?? '' }] }],
      });
    },
  });
}
