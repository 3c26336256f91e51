// What the editor's build decides: where it saves, what it removes from Sveltia, and its policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { adminMetaPolicy, adminPolicy, adminPolicyDirectives } from '../../../src/admin/policy.ts';
import { backendFromEnv } from '../../../src/admin/settings.ts';
import { patchSveltia } from '../../../src/integrations/admin.ts';
import { parseCsp } from '../../../src/lib/security-headers.ts';

describe('the backend', () => {
  test('is the repository GitHub Actions builds, on main, signed in with a token', () => {
    expect(backendFromEnv({ GITHUB_REPOSITORY: 'lsbr/blog' }, 'x')).toEqual({
      name: 'github',
      repo: 'lsbr/blog',
      branch: 'main',
      auth_methods: ['token'],
    });
  });

  test('CMS_REPOSITORY and CMS_BRANCH win; CMS_OAUTH_URL adds GitHub sign-in through that proxy', () => {
    expect(
      backendFromEnv(
        {
          GITHUB_REPOSITORY: 'a/b',
          CMS_REPOSITORY: 'c/d',
          CMS_BRANCH: 'content',
          CMS_OAUTH_URL: 'https://auth.example.workers.dev/',
        },
        'x',
      ),
    ).toEqual({
      name: 'github',
      repo: 'c/d',
      branch: 'content',
      auth_methods: ['oauth', 'token'],
      base_url: 'https://auth.example.workers.dev',
    });
  });

  test('without a repository, names the local folder, so "Work with Local Repository" asks for it', () => {
    expect(backendFromEnv({}, 'ml blog').repo).toBe('local/ml-blog');
  });

  test.each([
    [
      { CMS_REPOSITORY: 'not a repo' },
      /CMS_REPOSITORY "not a repo" is not a GitHub repository: write it as owner\/name/,
    ],
    [{ CMS_BRANCH: 'my branch' }, /CMS_BRANCH "my branch" is not a branch name: write it like main/],
    [{ CMS_BRANCH: '../main' }, /CMS_BRANCH "..\/main" is not a branch name/],
    [
      { CMS_OAUTH_URL: 'http://auth.example/' },
      /CMS_OAUTH_URL "http:\/\/auth.example\/" must be the https:\/\/ origin/,
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => backendFromEnv(env, 'x')).toThrow(message);
  });
});

describe('the patch of Sveltia CMS', () => {
  const entry = readFileSync(createRequire(import.meta.url).resolve('@sveltia/cms'), 'utf8');
  const patched = patchSveltia(entry);

  test('removes the CDN font rules (the package registers the same fonts from its own files)', () => {
    expect(entry).toContain('cdn.jsdelivr.net/fontsource');
    expect(patched).not.toContain('cdn.jsdelivr.net/fontsource');
    expect(patched).toContain('new FontFace');
  });

  test('makes the GitHub status check return at once, before it asks www.githubstatus.com', () => {
    expect(patched).toMatch(/async\(\)=>\{return`unknown`;try\{let\{status:\{indicator:/);
    expect(patched.length).toBeLessThan(entry.length);
  });

  test('fails loudly on a version whose code moved', () => {
    expect(() => patchSveltia('export default {}')).toThrow(/status check was not found/);
  });
});

describe('the editor’s policy', () => {
  const policy = parseCsp(adminPolicy);

  test('loads nothing from anywhere by default; scripts from the site only, never eval', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('allows other hosts only for GitHub: its API and its avatars', () => {
    const hosts = adminPolicyDirectives.flatMap((d) => d.split(/\s+/).slice(1)).filter((s) => s.startsWith('https:'));
    expect(hosts.sort()).toEqual(['https://api.github.com', 'https://avatars.githubusercontent.com']);
  });

  test('the <meta> policy is the same without frame-ancestors, which a <meta> ignores', () => {
    expect(adminMetaPolicy).toBe(adminPolicyDirectives.filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  });
});
