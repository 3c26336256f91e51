/**
 * The preview of a post as the article page shows it: its heading, description and body, in the
 * site's own stylesheet (registered in ./main.ts) and with the classes of ArticleLayout.astro.
 * The body is Sveltia's Markdown preview, which draws the MDX components through ./components.ts.
 *
 * Images beside the post (`./images/x.png`, in Markdown or a Figure) are written without an
 * address (see imageTag) and given the file's contents here, once Sveltia has read it: the
 * preview's own address would send the browser to a missing /images/x.png first.
 */
import CMS from '@sveltia/cms';
import { ASSET_ATTRIBUTE, imageTag } from './components.ts';

interface ReactGlobals {
  h: (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
  createClass: (spec: Record<string, unknown>) => unknown;
}

/** Sveltia's asset handle: `url` becomes a blob: address once the file is read. */
interface Asset {
  url: string;
}

interface PreviewProps {
  entry: { getIn: (path: string[]) => unknown };
  widgetFor: (name: string) => unknown;
  getAsset: (path: string) => Asset | undefined;
  document: Document;
}

interface Preview {
  props: PreviewProps;
  observer?: MutationObserver;
}

/** Gives each image kept aside its file's contents, when Sveltia has them (within a few seconds). */
function resolveImages(root: ParentNode, getAsset: PreviewProps['getAsset']): void {
  for (const image of root.querySelectorAll<HTMLImageElement>(`img[${ASSET_ATTRIBUTE}]:not([src])`)) {
    const asset = getAsset(image.getAttribute(ASSET_ATTRIBUTE) ?? '');
    if (!asset) continue;
    let tries = 0;
    const load = () => {
      if (asset.url.startsWith('blob:')) image.src = asset.url;
      else if (tries++ < 50) setTimeout(load, 100);
    };
    load();
  }
}

/** Makes Sveltia's Markdown preview keep images beside the post aside too (`marked` is Sveltia's, on window). */
export function keepLocalImagesAside(): void {
  const { marked } = window as unknown as { marked: { use: (extension: object) => void } };
  marked.use({ renderer: { image: ({ href, text }: { href: string; text: string }) => imageTag(href, text) } });
}

/** Registers the article preview for the posts collections. */
export function registerArticlePreview(collections: readonly string[]): void {
  const { h, createClass } = window as unknown as ReactGlobals;
  const template = createClass({
    componentDidMount(this: Preview) {
      const { document, getAsset } = this.props;
      this.observer = new MutationObserver(() => resolveImages(document.body, (path) => this.props.getAsset(path)));
      this.observer.observe(document.body, { childList: true, subtree: true });
      resolveImages(document.body, getAsset);
    },
    componentWillUnmount(this: Preview) {
      this.observer?.disconnect();
    },
    render(this: Preview) {
      const text = (name: string) => {
        const value = this.props.entry.getIn(['data', name]);
        return typeof value === 'string' ? value : ''; // title and description, both text
      };
      // The classes of ArticleLayout.astro's header and body, so the preview reads like the page.
      return h(
        'article',
        { className: 'mx-auto max-w-3xl px-5 pt-10' },
        h(
          'header',
          { className: 'border-b border-border pb-8' },
          h(
            'h1',
            { className: 'mt-3 font-serif text-3xl leading-tight font-semibold text-balance text-fg sm:text-4xl' },
            text('title'),
          ),
          h('p', { className: 'mt-4 text-lg leading-relaxed text-muted sm:text-xl' }, text('description')),
        ),
        h(
          'div',
          {
            className:
              'prose-site prose-site-code prose mt-8 max-w-none font-serif text-[1.0625rem] prose-headings:font-sans prose-headings:tracking-tight sm:prose-lg',
          },
          this.props.widgetFor('body'),
        ),
      );
    },
  });
  for (const name of collections) CMS.registerPreviewTemplate(name, template);
}
