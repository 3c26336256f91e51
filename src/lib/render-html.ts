/**
 * Renders content entries to HTML strings (for feeds) with Astro's Container API, one container
 * for the whole build and each article rendered once, however many feeds include it.
 */
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render, type CollectionEntry } from 'astro:content';
import { mdxComponentMap } from '../components/mdx/index.ts';

let container: Promise<AstroContainer> | undefined;
const cache = new Map<string, Promise<string>>();

/** The body of a post as HTML, as it appears on its page. */
export function renderPostHtml(entry: CollectionEntry<'posts'>): Promise<string> {
  let html = cache.get(entry.id);
  if (!html) {
    html = (async () => {
      container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
      const { Content } = await render(entry);
      // The same components as on the article page, so MDX posts need no imports in feeds either.
      return (await container).renderToString(Content, { props: { components: mdxComponentMap } });
    })();
    cache.set(entry.id, html);
  }
  return html;
}
