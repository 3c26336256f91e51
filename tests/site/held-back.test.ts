// Drafts and posts dated after today never reach a production build, anywhere, and the build says so.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDir, buildLog } from '../helpers/build.ts';

const heldBack = [
  { slug: 'draft-post', title: 'A draft that production must not show', topic: 'drafts', reason: 'draft' },
  {
    slug: 'scheduled-post',
    title: 'A post scheduled for a day that has not come',
    topic: 'scheduled',
    reason: 'scheduled for 2099-01-01',
  },
];

/** Every file of the fixture build with its text (binary files by name only). */
function builtFiles(): Array<{ path: string; text: string }> {
  const dir = buildDir('fixture');
  return (readdirSync(dir, { recursive: true }) as string[]).map((path) => ({
    path,
    text: /\.(html|xml|txt|json|js|css)$/.test(path) ? readFileSync(join(dir, path), 'utf8') : '',
  }));
}

describe.each(heldBack)('$slug', ({ slug, title, topic }) => {
  const files = builtFiles();

  test('has no page, social card or topic page', () => {
    expect(files.filter((f) => f.path.includes(slug) || f.path.includes(`topics/${topic}`)).map((f) => f.path)).toEqual(
      [],
    );
  });

  test('is named in no page, feed, sitemap or list (index, topics, authors, courses, related, most read)', () => {
    expect(
      files.filter((f) => f.text.includes(title) || f.text.includes(`/posts/${slug}/`)).map((f) => f.path),
    ).toEqual([]);
  });
});

test('the build lists the posts it held back, and why', () => {
  const output = buildLog('fixture');
  for (const { slug, reason } of heldBack) expect(output).toMatch(new RegExp(`posts/${slug}\\.mdx: ${reason}`));
});
