import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHtml as parse } from '../../scripts/lib/dist-audit.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import HeldBackBadge from '../../src/components/HeldBackBadge.astro';
import PostCard from '../../src/components/PostCard.astro';
import { mdxComponentMap } from '../../src/components/mdx/index.ts';
import { mdxComponents } from '../../src/components/mdx/registry.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (
  component: keyof typeof mdxComponentMap,
  props: Record<string, unknown>,
  body = '<p>Body text</p>',
) => parse(await container.renderToString(mdxComponentMap[component], { props, slots: { default: body } }));

describe('MDX components', () => {
  test('the registry the content check reads lists exactly the components the page provides', () => {
    expect(Object.keys(mdxComponents).sort()).toEqual(Object.keys(mdxComponentMap).sort());
  });

  test.each([
    [undefined, 'callout-note', 'Note'],
    ['tip', 'callout-tip', 'Tip'],
    ['warning', 'callout-warning', 'Warning'],
  ])('Callout type %s is a note with its kind written out', async (type, className, label) => {
    const html = await render('Callout', type ? { type } : {});
    const box = html.querySelector('[role="note"]');
    expect(box?.classList.contains(className)).toBe(true);
    expect(box?.querySelector('.callout-title')?.text.trim()).toBe(label);
    expect(box?.querySelector('.callout-body p')?.text).toBe('Body text');
  });

  test('Callout puts its title after the kind', async () => {
    const html = await render('Callout', { type: 'warning', title: 'Leakage' });
    expect(html.querySelector('.callout-title')?.text.trim()).toBe('Warning: Leakage');
  });

  test('KeyTakeaways has a default title and takes another', async () => {
    expect((await render('KeyTakeaways', {})).querySelector('.key-takeaways-title')?.text).toBe('Key takeaways');
    expect((await render('KeyTakeaways', { title: 'In short' })).querySelector('.key-takeaways-title')?.text).toBe(
      'In short',
    );
  });

  test('Figure wraps its image in a figure with the caption and credit', async () => {
    const html = await render(
      'Figure',
      { caption: 'A caption', credit: 'Studio' },
      '<img src="/a.webp" alt="An image">',
    );
    const figure = html.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('An image');
    expect(figure?.querySelector('figcaption')?.text).toBe('A captionStudio');
    expect(figure?.querySelector('.figure-credit')?.text).toBe('Studio');
  });
});

describe('the held-back badge (dev server only)', () => {
  test.each([
    ['draft', 'Draft (not published)'],
    ['scheduled for 2099-01-01', 'Scheduled for 2099-01-01 (not published)'],
  ])('says %s', async (reason, text) => {
    const html = parse(await container.renderToString(HeldBackBadge, { props: { reason } }));
    expect(html.text.trim()).toBe(text);
  });

  test('appears on a card of a held-back post and not on a live one', async () => {
    const article = (heldBack?: string) => ({
      id: 'a-post',
      data: {
        title: 'A post',
        description: 'A description of the post.',
        topics: ['maths'],
        date: '2025-01-01',
        views: 1,
      },
      course: { id: 'c', data: { name: 'Course' } },
      author: { id: 'ada', data: { name: 'Ada Lovelace', role: 'Analyst', links: [] } },
      readingMinutes: 3,
      heldBack,
    });
    const draft = parse(await container.renderToString(PostCard, { props: { article: article('draft') } }));
    const live = parse(await container.renderToString(PostCard, { props: { article: article() } }));
    expect(draft.text).toContain('Draft');
    expect(live.text).not.toContain('Draft');
  });
});
