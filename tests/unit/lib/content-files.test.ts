import { expect, test } from 'vitest';
import { basePath, buildPaths } from '../../../src/lib/content-files.ts';

test.each([
  [undefined, ''],
  ['', ''],
  ['/', ''],
  ['blog', '/blog'],
  ['/blog/', '/blog'],
  ['/org/my-repo.v2', '/org/my-repo.v2'],
])('BASE_PATH=%j serves the site under %j', (value, base) => {
  expect(basePath({ BASE_PATH: value })).toBe(base);
});

test.each(['/my blog', '/blog?x=1', '/blog#top', 'https://example.com/blog'])('BASE_PATH=%j is refused, naming the variable', (value) => {
  expect(() => basePath({ BASE_PATH: value })).toThrow(/^BASE_PATH ".*" is not a URL path: write it like \/blog/);
});

test('a base path gets its own Astro cache, since rendered Markdown holds its links', () => {
  const root = buildPaths({}, '/project');
  const under = buildPaths({ BASE_PATH: '/blog' }, '/project');
  expect(root.cacheDir).toBe('/project/node_modules/.astro');
  expect(under.cacheDir).not.toBe(root.cacheDir);
  expect(under.base).toBe('/blog');
});
