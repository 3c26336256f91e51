// The MDX components in the editor come from the component registry: the same names, props and
// values, a pattern that finds each one as posts write it, and the registry's example to insert.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ASSET_ATTRIBUTE, componentSnippet, editorComponents, imageTag } from '../../../src/admin/components.ts';
import { mdxComponentNames, mdxComponents } from '../../../src/components/mdx/registry.ts';
import { listCollectionFiles } from '../../../src/lib/content-files.ts';
import { fixtures } from '../../helpers/build.ts';

const components = editorComponents((markdown) => `<p>${markdown}</p>`);
const byId = (id: string) => components.find((c) => c.id === id)!;
const posts = [fixtures.real, fixtures.site].flatMap((root) =>
  listCollectionFiles(root, 'posts').map((path) => readFileSync(join(root, path), 'utf8')),
);

test('the editor offers exactly the registry’s components', () => {
  expect(components.map((c) => c.id)).toEqual(mdxComponentNames);
  expect(components.map((c) => c.label)).toEqual(['Callout', 'Figure', 'Key Takeaways']);
});

test.each(mdxComponentNames)(
  '%s has a field per prop, a choice where the registry lists the values, and a body if it wraps one',
  (name) => {
    const spec = mdxComponents[name];
    const fields = byId(name).fields;
    for (const [prop, info] of Object.entries(spec.props)) {
      expect(fields.find((f) => f.name === prop)).toMatchObject({
        required: info.required,
        hint: info.description,
        widget: 'values' in info ? 'select' : 'string',
      });
    }
    expect(fields.some((f) => f.name === 'body')).toBe(spec.children === 'required');
    expect(byId('Callout').fields[0]).toMatchObject({ options: ['note', 'tip', 'warning'], default: 'note' });
  },
);

describe('the pattern', () => {
  test.each(mdxComponentNames)('finds every <%s> the posts contain, and writes each back exactly', (name) => {
    const { pattern, fromBlock, toBlock } = byId(name);
    const global = new RegExp(pattern.source, 'gm');
    const found = posts.flatMap((text) => [...text.matchAll(global)]);
    expect(found.length).toBe(
      posts.reduce((n, text) => n + (text.match(new RegExp(`^<${name}\\b`, 'gm'))?.length ?? 0), 0),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const match of found) expect(toBlock(fromBlock(match))).toBe(match[0]);
  });

  test.each(mdxComponentNames)('finds the registry’s example of <%s>, which the Insert button puts in', (name) => {
    expect(componentSnippet(name)).toBe(mdxComponents[name].example);
    expect(byId(name).pattern.test(componentSnippet(name))).toBe(true);
  });
});

test('attribute values keep their quotes and ampersands through MDX', () => {
  const { toBlock, fromBlock, pattern } = byId('Callout');
  const block = toBlock({ type: 'warning', title: 'Say "no" & mean it', body: 'Text.' });
  expect(block).toBe('<Callout type="warning" title="Say &quot;no&quot; &amp; mean it">\nText.\n</Callout>');
  expect(fromBlock(block.match(pattern)!)).toEqual({ type: 'warning', title: 'Say "no" & mean it', body: 'Text.' });
});

describe('the previews', () => {
  test('a Callout says its kind in words, escapes its title, and renders its body', () => {
    const html = byId('Callout').toPreview({ type: 'tip', title: '<b>x</b>', body: 'Body' });
    expect(html).toContain('class="callout callout-tip" role="note"');
    expect(html).toContain('<span>Tip<span class="callout-heading">: &lt;b&gt;x&lt;/b&gt;</span></span>');
    expect(html).toContain('<div class="callout-body"><p>Body</p></div>');
    expect(byId('Callout').toPreview({ type: 'unknown', body: '' })).toContain('callout-note');
  });

  test('KeyTakeaways falls back to the registry’s default title', () => {
    expect(byId('KeyTakeaways').toPreview({ body: '- a' })).toContain(
      '<p class="key-takeaways-title">Key takeaways</p>',
    );
  });

  test('an image beside the post is kept aside for the preview to load; others keep their address', () => {
    expect(imageTag('./images/a.png', 'A')).toBe(`<img ${ASSET_ATTRIBUTE}="./images/a.png" alt="A">`);
    expect(imageTag('images/a.png', 'A')).toContain(ASSET_ATTRIBUTE);
    expect(imageTag('/authors/a.jpg', 'A')).toBe('<img src="/authors/a.jpg" alt="A">');
    expect(imageTag('https://example.com/a.png', 'A')).toBe('<img src="https://example.com/a.png" alt="A">');
    expect(byId('Figure').toPreview({ src: './images/a.png', alt: 'A', caption: 'C', credit: 'D' })).toBe(
      `<figure class="figure"><p><img ${ASSET_ATTRIBUTE}="./images/a.png" alt="A"></p><figcaption>C<span class="figure-credit">D</span></figcaption></figure>`,
    );
  });
});
