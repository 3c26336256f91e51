import { expect, test } from 'vitest';
import { basePath, buildPaths, envSwitch } from '../../../src/lib/content-files.ts';

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

test.each([
  [undefined, true],
  ['', true],
  ['1', true],
  ['0', false],
])('envSwitch: MDX_COMPILE_CACHE=%s is %s', (value, on) => {
  expect(envSwitch('MDX_COMPILE_CACHE', value === undefined ? {} : { MDX_COMPILE_CACHE: value })).toBe(on);
});

test.each(['false', 'off', 'no', ' 0'])('envSwitch refuses MDX_COMPILE_CACHE=%j with the fix', (value) => {
  expect(() => envSwitch('MDX_COMPILE_CACHE', { MDX_COMPILE_CACHE: value })).toThrow(
    `MDX_COMPILE_CACHE="${value}" is not a setting: write MDX_COMPILE_CACHE=0 to turn it off, or MDX_COMPILE_CACHE=1 (or nothing) to keep it on`,
  );
});
