// The editor at /admin/ in the built sites: its own page with its own policy, from the site's
// origin only, working under a base path, and out of the sitemap, the search index and the menus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { adminMetaPolicy, adminPolicy } from '../../src/admin/policy.ts';
import type { EditorSettings } from '../../src/admin/settings.ts';
import { existingTopics } from '../../src/lib/topics.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/security-headers.ts';
import { buildDir, fixtures, readBuilt, SUBPATH } from '../helpers/build.ts';
import { htmlPages, page } from '../helpers/html.ts';

const builds = [
  ['real', ''],
  ['fixture', ''],
  ['subpath', SUBPATH],
] as const;

describe.each(builds)('the %s build', (build, base) => {
  const doc = page(build, '/admin/');
  const html = readBuilt(build, 'admin/index.html');
  const settings = JSON.parse(doc.querySelector('#editor-settings')!.text) as EditorSettings;

  test('has the editor’s page, with its policy first in <head>, not indexed', () => {
    expect(doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content')).toBe(
      adminMetaPolicy,
    );
    expect(html.slice(0, html.indexOf('<meta http-equiv'))).not.toMatch(/<(script|link|style)\b/);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
  });

  test('loads only its own files, by relative addresses (so it works under any base path)', () => {
    const urls = doc
      .querySelectorAll('script[src], link[href]')
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href')!);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      expect(url, url).toMatch(/^\.\/assets\/[\w-]+\.(js|css)$/);
      expect(existsSync(join(buildDir(build), 'admin', url)), url).toBe(true);
    }
  });

  test('its bundle asks no other host for fonts, and no longer asks GitHub’s status page', () => {
    const assets = readdirSync(join(buildDir(build), 'admin/assets'));
    const code = assets
      .filter((name) => /\.(js|css)$/.test(name))
      .map((name) => readFileSync(join(buildDir(build), 'admin/assets', name), 'utf8'));
    expect(code.some((text) => text.includes('cdn.jsdelivr.net/fontsource'))).toBe(false);
    // Patched to return at once, the status check loses its address when the bundle is minified.
    expect(code.some((text) => text.includes('githubstatus.com/api'))).toBe(false);
    expect(assets.filter((name) => name.endsWith('.woff2')).length).toBe(3);
  });

  test('its settings: the site’s stylesheet and icon for the preview, the topics of published posts', () => {
    const stylesheet = page(build, '/').querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect(settings.previewStyles).toEqual([stylesheet]);
    expect(stylesheet.startsWith(`${base}/_astro/`)).toBe(true);
    expect(settings.logo).toBe(`${base}/favicon.svg`);
    expect(settings.backend).toMatchObject({ name: 'github', branch: 'main', auth_methods: ['token'] });
    const root = build === 'real' ? fixtures.real : fixtures.site;
    expect(settings.topics).toEqual(
      existingTopics(root, '9999-12-31').filter((topic) => settings.topics!.includes(topic)),
    );
    if (build !== 'real') {
      expect(settings.topics).toContain('fixtures');
      expect(settings.topics).not.toContain('drafts');
      expect(settings.topics).not.toContain('scheduled');
    }
  });

  test('is in no sitemap, linked from no page, and not in the search index', () => {
    const sitemaps = readdirSync(buildDir(build)).filter((name) => name.startsWith('sitemap'));
    for (const name of sitemaps) expect(readBuilt(build, name)).not.toContain('/admin');
    for (const path of htmlPages(build))
      expect(page(build, path).querySelectorAll('a[href*="/admin"]').length, path).toBe(0);
    const fragments = readdirSync(join(buildDir(build), 'pagefind/fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    for (const name of fragments)
      expect(gunzipSync(readFileSync(join(buildDir(build), 'pagefind/fragment', name))).toString()).not.toContain(
        '/admin',
      );
  });
});

describe('public/_headers', () => {
  const rules = parseHeadersFile(readBuilt('fixture', '_headers'));

  test('sends the editor its policy (the same as its <meta>, with frame-ancestors), noindex for all its files', () => {
    for (const path of ['/admin/', '/admin/assets/index.js']) {
      const headers = headersFor(rules, path);
      expect(headers.get('content-security-policy')?.map((h) => h.rule)).toEqual(['/*', '/admin/*']);
      expect(headers.get('content-security-policy')?.[1]?.value).toBe(adminPolicy);
      expect(headers.get('x-robots-tag')?.map((h) => h.value)).toEqual(['noindex']);
    }
  });

  test('caches the page for no time and the hashed files for a year', () => {
    expect(
      headersFor(rules, '/admin/')
        .get('cache-control')
        ?.map((h) => h.value),
    ).toEqual(['public, max-age=0, must-revalidate']);
    expect(
      headersFor(rules, '/admin/assets/index-abc.js')
        .get('cache-control')
        ?.map((h) => h.value),
    ).toEqual(['public, max-age=31536000, immutable']);
  });

  test('gives no other page anything of the editor’s policy', () => {
    for (const path of ['/', '/posts/a/', '/posts/admin/', '/search/', '/_astro/a.css']) {
      expect(
        headersFor(rules, path)
          .get('content-security-policy')
          ?.map((h) => h.rule),
        path,
      ).toEqual(['/*']);
    }
  });
});
