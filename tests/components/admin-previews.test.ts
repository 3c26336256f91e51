// The editor's previews of the MDX components (src/admin/components.ts) are the markup of the
// Astro components themselves, so the site's stylesheet draws them as the article page does.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, expect, test } from 'vitest';
import { editorComponents } from '../../src/admin/components.ts';
import { mdxComponentMap } from '../../src/components/mdx/index.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const previews = Object.fromEntries(
  editorComponents((markdown) => `<p>${markdown}</p>`).map((c) => [c.id, c.toPreview]),
);
/** Markup without the white space between tags and the attributes Astro adds for its own use. */
const normalise = (html: string) =>
  html
    .replace(/>\s+</g, '><')
    .replace(/\s+data-astro-[\w-]+(="[^"]*")?/g, '')
    .trim();

test.each([
  ['Callout', { type: 'warning', title: 'Leakage' }],
  ['Callout', { type: 'tip' }],
  ['Callout', {}],
  ['KeyTakeaways', {}],
  ['KeyTakeaways', { title: 'In short' }],
] as const)('%s %j looks as on the page', async (name, props) => {
  const page = await container.renderToString(mdxComponentMap[name], { props, slots: { default: '<p>Body text</p>' } });
  expect(normalise(previews[name]!({ ...props, body: 'Body text' }))).toBe(normalise(page));
});

test('Figure looks as on the page, around its image', async () => {
  const props = { caption: 'A caption', credit: 'Studio' };
  const page = await container.renderToString(mdxComponentMap.Figure, {
    props,
    slots: { default: '<p><img src="/a.webp" alt="An image"></p>' },
  });
  expect(normalise(previews['Figure']!({ ...props, src: '/a.webp', alt: 'An image' }))).toBe(normalise(page));
});
