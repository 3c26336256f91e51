import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHtml as parse } from '../../scripts/lib/dist-audit.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import Byline from '../../src/components/Byline.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('Byline', () => {
  const author = { id: 'ada', data: { name: 'Ada Lovelace', role: 'Analyst', links: [] } };
  const post = { date: '2025-07-19', updated: undefined, views: 8870 };

  test('shows name, role, date, reading time and formatted views', async () => {
    const html = parse(await container.renderToString(Byline, { props: { author, post, readingMinutes: 4 } }));
    const text = html.text.replace(/\s+/g, ' ');
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Analyst');
    expect(text).toContain('4 min read');
    expect(text).toContain('8,870 views');
    expect(html.querySelector('time')?.getAttribute('datetime')).toBe('2025-07-19');
    expect(html.querySelector('time')?.text).toBe('19 July 2025');
  });

  test('shows the revision date when there is one, and leaves the role out when compact', async () => {
    const html = parse(
      await container.renderToString(Byline, {
        props: { author, post: { ...post, updated: '2025-08-02' }, readingMinutes: 4, compact: true },
      }),
    );
    expect(html.querySelectorAll('time').map((t) => t.getAttribute('datetime'))).toEqual(['2025-07-19', '2025-08-02']);
    expect(html.text).not.toContain('Analyst');
  });
});
