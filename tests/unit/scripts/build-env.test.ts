import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildEnv, shellEnv, withBuildEnv } from '../../../scripts/lib/build-env.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('the build environment', () => {
  test('adds the allocator setting, and a value the caller set wins', () => {
    expect(withBuildEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' });
    expect(withBuildEnv({ MIMALLOC_PURGE_DELAY: '10' })['MIMALLOC_PURGE_DELAY']).toBe('10');
  });

  test('npm run build goes through the launcher that sets it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toBe('node scripts/build.ts');
  });

  test('the launcher passes its flags to astro build', () => {
    // `astro build --help` prints the build command's help and exits 0 without building.
    const help = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/astro build/);
  });

  test('every key is a mimalloc option, so nothing else of the build changes', () => {
    expect(Object.keys(buildEnv).every((key) => key.startsWith('MIMALLOC_'))).toBe(true);
  });
});

test('a child build gets the shell\'s environment without what vitest or a dev server injects', () => {
  const env = shellEnv({ PATH: '/bin', HOME: '/root', NODE_ENV: 'test', MODE: 'development', VITEST_POOL_ID: '1', INCLUDE_DRAFTS: 'true', BASE_PATH: '/blog' });
  expect(env).toEqual({ PATH: '/bin', HOME: '/root', BASE_PATH: '/blog' });
});
