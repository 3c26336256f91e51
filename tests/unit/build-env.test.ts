// src/build-env.ts: where a build reads and writes, its switches, and its process environment.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildEnv, buildPaths, envSwitch, parseBasePath, shellEnv, withBuildEnv } from '../../src/build-env.ts';

const root = resolve(import.meta.dirname, '../..');

describe('the build environment', () => {
  test('adds the allocator setting, and a value the caller set wins', () => {
    expect(withBuildEnv({ PATH: '/bin' })).toEqual({
      PATH: '/bin',
      MIMALLOC_PURGE_DELAY: '0',
      MIMALLOC_ARENA_EAGER_COMMIT: '0',
    });
    expect(withBuildEnv({ MIMALLOC_PURGE_DELAY: '10' })['MIMALLOC_PURGE_DELAY']).toBe('10');
  });

  test('npm run build goes through the launcher that sets it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toBe('node scripts/build.ts');
  });

  test('the launcher passes its flags to astro build', () => {
    // `astro build --help` prints the build command's help and exits 0 without building.
    const help = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--help'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/astro build/);
  });

  test('every key is a mimalloc option, so nothing else of the build changes', () => {
    expect(Object.keys(buildEnv).every((key) => key.startsWith('MIMALLOC_'))).toBe(true);
  });
});

test("a child build gets the shell's environment without what vitest or a dev server injects", () => {
  const env = shellEnv({
    PATH: '/bin',
    HOME: '/root',
    NODE_ENV: 'test',
    MODE: 'development',
    VITEST_POOL_ID: '1',
    INCLUDE_DRAFTS: 'true',
    BASE_PATH: '/blog',
  });
  expect(env).toEqual({ PATH: '/bin', HOME: '/root', BASE_PATH: '/blog' });
});

test.each([
  [undefined, ''],
  ['', ''],
  ['/', ''],
  ['blog', '/blog'],
  ['/blog/', '/blog'],
  ['/org/my-repo.v2', '/org/my-repo.v2'],
])('BASE_PATH=%j serves the site under %j', (value, base) => {
  expect(parseBasePath({ BASE_PATH: value })).toBe(base);
});

test.each(['/my blog', '/blog?x=1', '/blog#top', 'https://example.com/blog'])(
  'BASE_PATH=%j is refused, naming the variable',
  (value) => {
    expect(() => parseBasePath({ BASE_PATH: value })).toThrow(
      /^BASE_PATH ".*" is not a URL path: write it like \/blog/,
    );
  },
);

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
