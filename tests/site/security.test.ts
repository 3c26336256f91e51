// The Content-Security-Policy of every built page and the headers of public/_headers, checked on
// the launch build and the fixture build. The browser tests check the same policies in Chromium.
import { readdirSync } from 'node:fs';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { readPages } from '../../scripts/lib/dist-audit.ts';
import { adminMetaPolicy, adminPolicy } from '../../src/admin/policy.ts';
import {
  cspHash,
  effectiveSources,
  headersFor,
  parseCsp,
  parseHeadersFile,
  policyConflicts,
  ruleMatches,
  type Policy,
} from '../../src/lib/security-headers.ts';
import { buildDir, readBuilt } from '../helpers/build.ts';

const builds = ['real', 'fixture'] as const;

/** Every file of a build as the URL a browser asks for ("/posts/a/", "/_astro/x.css"). */
function urlPaths(build: string): string[] {
  return readdirSync(buildDir(build), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== '_headers')
    .map((entry) =>
      `${entry.parentPath.slice(buildDir(build).length)}/${entry.name}`
        .replace(/^\/?/, '/')
        .replace(/(^|\/)index\.html$/, '$1'),
    )
    .sort();
}

/** Scripts a browser runs: no type, a JavaScript MIME type or "module" (JSON-LD is data). */
const isExecutable = (script: HTMLElement) =>
  /^(|module|(text|application)\/(java|ecma)script)$/i.test(script.getAttribute('type') ?? '');

/** The page's <meta> policy, parsed; fails the test when there is not exactly one, in <head>. */
function metaPolicy(doc: HTMLElement, path: string): Policy {
  const metas = doc.querySelectorAll('meta[http-equiv="content-security-policy" i]');
  expect(metas, `${path}: one CSP <meta>`).toHaveLength(1);
  expect(metas[0]!.closest('head'), `${path}: the CSP <meta> is in <head>`).not.toBeNull();
  return parseCsp(metas[0]!.getAttribute('content') ?? '');
}

/**
 * The editor (/admin/, src/admin/) is the one part of the site with a policy of its own, looser
 * than the pages' and checked against src/admin/policy.ts here and in tests/site/admin.test.ts.
 * Its Content-Security-Policy header comes from two rules, /* and /admin/*: hosts join them with
 * a comma, which browsers enforce as two policies (the first sets no fetch directive).
 */
const isEditor = (path: string) => path === '/admin/' || path.startsWith('/admin/');
const EDITOR_CSP_RULES = ['/*', '/admin/*'];

/** The page's Cache-Control max-age in seconds. */
const maxAge = (value: string) => Number(/max-age=(\d+)/.exec(value)?.[1] ?? NaN);

describe('the _headers helpers', () => {
  test('parse blocks of a path and indented headers, skipping comments', () => {
    const rules = parseHeadersFile(
      '# comment\n/*\n  X-One: a\n  # also a comment\n  X-Two: b: c\n\n/_astro/*\n  Cache-Control: immutable\n',
    );
    expect(rules).toEqual([
      {
        path: '/*',
        headers: [
          ['X-One', 'a'],
          ['X-Two', 'b: c'],
        ],
      },
      { path: '/_astro/*', headers: [['Cache-Control', 'immutable']] },
    ]);
  });

  test.each([
    ['  X-One: a\n', /before any path/],
    ['/a\nX-One: a\n', /must start with "\/"/],
    ['/a\n  no colon\n', /indented "Name: value"/],
    ['/*/b\n  X-One: a\n', /nothing may follow/],
  ])('reject %j', (text, message) => {
    expect(() => parseHeadersFile(text)).toThrow(message);
  });

  test.each([
    ['/*', '/', true],
    ['/*', '/posts/a/', true],
    ['/', '/', true],
    ['/', '/search/', false],
    ['/:page/', '/search/', true],
    ['/:page/', '/rss.xml', true],
    ['/:page/', '/posts/a/', false],
    ['/posts/:slug/*', '/posts/a/', true],
    ['/posts/:slug/*', '/posts/', false],
    ['/pagefind/:file', '/pagefind/pagefind.js', true],
    ['/pagefind/:file', '/pagefind/index/en_1.pf_index', false],
  ])('%s matches %s: %s', (pattern, path, matches) => {
    expect(ruleMatches(pattern, path)).toBe(matches);
  });

  test('a header policy conflicts with a page policy where it blocks what the page allows', () => {
    const page = parseCsp("default-src 'none'; script-src 'self' 'sha256-a'; img-src 'self'");
    expect(policyConflicts(parseCsp("frame-ancestors 'none'; base-uri 'self'"), page)).toEqual([]);
    expect(policyConflicts(parseCsp("default-src 'self'"), page)).toEqual([
      "script-src: the header blocks 'sha256-a', which the page's policy allows",
    ]);
  });
});

describe.each(builds)('the %s build', (build) => {
  const rules = parseHeadersFile(readBuilt(build, '_headers'));
  const files = urlPaths(build);
  const pages = readPages(buildDir(build));
  /** The one value of `name` for a URL; fails when none or several rules set it. */
  const header = (path: string, name: string): string => {
    const set = headersFor(rules, path).get(name.toLowerCase()) ?? [];
    expect(
      set.map((s) => s.rule),
      `${path}: "${name}" must come from exactly one rule in _headers`,
    ).toHaveLength(1);
    return set[0]!.value;
  };

  /** Every policy a URL is sent: one, or the site's and the editor's for the editor's files. */
  const policies = (path: string): Policy[] => {
    const set = headersFor(rules, path).get('content-security-policy') ?? [];
    expect(
      set.map((s) => s.rule),
      `${path}: Content-Security-Policy rules`,
    ).toEqual(isEditor(path) ? EDITOR_CSP_RULES : [expect.any(String)]);
    return set.map((s) => parseCsp(s.value));
  };

  test("no header is set twice for any file (hosts would join both values with a comma), but the editor's policy", () => {
    const doubled = files.flatMap((path) =>
      [...headersFor(rules, path)]
        .filter(
          ([name, set]) =>
            set.length > 1 &&
            !(
              name === 'content-security-policy' &&
              isEditor(path) &&
              set.map((s) => s.rule).join() === EDITOR_CSP_RULES.join()
            ),
        )
        .map(([name, set]) => `${path}: ${name} from ${set.map((s) => s.rule).join(' and ')}`),
    );
    expect(doubled.join('\n')).toBe('');
    expect(files.filter(isEditor).length).toBeGreaterThan(10);
  });

  test("the editor's files get its policy after the site's, which blocks nothing the editor's allows", () => {
    for (const path of files.filter(isEditor)) {
      const [site, editor] = headersFor(rules, path)
        .get('content-security-policy')!
        .map((s) => s.value);
      expect(editor, path).toBe(adminPolicy);
      expect(policyConflicts(parseCsp(site!), parseCsp(editor!)), path).toEqual([]);
    }
  });

  test('every file is sent with the security headers', () => {
    for (const path of files) {
      for (const csp of policies(path)) {
        expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
        expect(csp.get('object-src'), path).toEqual(["'none'"]);
        expect(csp.get('base-uri'), path).toEqual(["'self'"]);
        expect(csp.get('form-action'), path).toEqual(["'self'"]);
      }
      expect(header(path, 'X-Frame-Options'), path).toBe('DENY');
      const hsts = header(path, 'Strict-Transport-Security');
      expect(maxAge(hsts), `${path}: HSTS for at least a year`).toBeGreaterThanOrEqual(31_536_000);
      expect(header(path, 'X-Content-Type-Options'), path).toBe('nosniff');
      expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(
        header(path, 'Referrer-Policy'),
      );
      const permissions = header(path, 'Permissions-Policy').split(/,\s*/);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(permissions, path).toContain(`${feature}=()`);
    }
  });

  test('hashed assets are cached for a year, immutable; pages, feeds and Pagefind entry files are revalidated', () => {
    for (const path of files) {
      const cache = header(path, 'Cache-Control');
      const hashed =
        path.startsWith('/_astro/') ||
        path.startsWith('/admin/assets/') ||
        /^\/pagefind\/(index|fragment|filter)\//.test(path);
      if (hashed) {
        expect(cache, path).toMatch(/\bimmutable\b/);
        expect(maxAge(cache), path).toBeGreaterThanOrEqual(31_536_000);
      } else if (path.startsWith('/og/')) {
        expect(maxAge(cache), `${path}: social images for a day at most`).toBeLessThanOrEqual(86_400);
        expect(cache, path).not.toMatch(/immutable/);
      } else {
        expect(cache, `${path} keeps its URL across builds`).toMatch(/^public, max-age=0, must-revalidate$/);
      }
    }
  });

  test("Pagefind's chunks, cached as immutable, are named by a hash", () => {
    const chunks = files.filter((path) => /^\/pagefind\/(index|fragment|filter)\//.test(path));
    expect(chunks.length).toBeGreaterThan(0);
    for (const path of chunks) expect(path).toMatch(/\/[a-z-]+_[0-9a-f]{7,}\.pf_(index|fragment|filter)$/);
  });

  test("the header policy leaves Pagefind's worker free to compile WebAssembly (a worker follows its own response's policy)", () => {
    const worker = files.find((path) => path === '/pagefind/pagefind-worker.js');
    expect(worker).toBeDefined();
    const sources = effectiveSources(parseCsp(header(worker!, 'Content-Security-Policy')), 'script-src');
    if (sources) expect(sources).toContain("'wasm-unsafe-eval'");
  });

  test("each page's <meta> policy is strict, and the header policy blocks nothing it allows", () => {
    for (const { path, doc } of pages.filter((page) => !isEditor(page.path))) {
      const meta = metaPolicy(doc, path);
      const script = effectiveSources(meta, 'script-src-elem') ?? [];
      const style = effectiveSources(meta, 'style-src-elem') ?? [];
      expect(meta.get('default-src'), path).toEqual(["'none'"]);
      expect(script, path).toContain("'self'");
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) {
        expect(effectiveSources(meta, 'script-src'), `${path}: script-src`).not.toContain(loose);
        expect(effectiveSources(meta, 'style-src'), `${path}: style-src`).not.toContain(loose);
      }
      expect(style, path).not.toContain("'unsafe-inline'");
      const search = path === '/search/';
      expect(
        effectiveSources(meta, 'script-src')?.includes("'wasm-unsafe-eval'"),
        `${path}: 'wasm-unsafe-eval' on /search/ only`,
      ).toBe(search);
      // Pagefind's stylesheet draws its search icon from a data: URL.
      expect(effectiveSources(meta, 'img-src'), path).toEqual(search ? ["'self'", 'data:'] : ["'self'"]);
      expect(effectiveSources(meta, 'object-src'), path).toEqual(["'none'"]);
      expect(meta.get('base-uri'), path).toEqual(["'self'"]);
      const headerPolicy = parseCsp(header(path, 'Content-Security-Policy'));
      expect(policyConflicts(headerPolicy, meta), path).toEqual([]);
    }
  });

  test("the editor's page has exactly the editor's policy, and its header blocks nothing that allows", () => {
    const editor = pages.filter((page) => isEditor(page.path));
    expect(editor.map((page) => page.path)).toEqual(['/admin/']);
    const meta = metaPolicy(editor[0]!.doc, '/admin/');
    expect(meta).toEqual(parseCsp(adminMetaPolicy));
    for (const header of policies('/admin/')) expect(policyConflicts(header, meta)).toEqual([]);
  });

  test('every inline script and style has its hash in the policy, and nothing but the theme script comes before it', () => {
    for (const { path, doc } of pages) {
      const meta = metaPolicy(doc, path);
      const scriptSources = effectiveSources(meta, 'script-src-elem') ?? [];
      const styleSources = effectiveSources(meta, 'style-src-elem') ?? [];
      const scripts = doc.querySelectorAll('script').filter(isExecutable);
      for (const script of scripts.filter((s) => !s.hasAttribute('src'))) {
        expect(scriptSources, `${path}: the hash of <script>${script.rawText.slice(0, 60)}…`).toContain(
          `'${cspHash(script.rawText)}'`,
        );
      }
      for (const style of doc.querySelectorAll('style')) {
        expect(styleSources, `${path}: the hash of <style>${style.rawText.slice(0, 60)}…`).toContain(
          `'${cspHash(style.rawText)}'`,
        );
      }
      // A <meta> policy governs only what follows it; Astro writes it where <head> ends.
      const html = readBuilt(build, path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
      const before = html.slice(0, html.search(/<meta http-equiv="content-security-policy"/i));
      const early = [
        ...before.matchAll(
          /<script\b[^>]*>|<style\b[^>]*>|<link\b[^>]*rel="(stylesheet|modulepreload|preload)"[^>]*>/gi,
        ),
      ]
        .map((m) => m[0])
        .filter((tag) => !tag.includes('type="application/ld+json"'));
      // The editor's page has no theme script: nothing but charset precedes its policy.
      expect(early, `${path}: before the CSP <meta>`).toEqual(isEditor(path) ? [] : ['<script>']);
    }
  });

  test('no element has a style="" attribute, which the policy would block', () => {
    const styled = pages.flatMap(({ path, doc }) =>
      doc.querySelectorAll('[style]').map((el) => `${path}: <${el.tagName.toLowerCase()} style="…">`),
    );
    expect(styled.join('\n')).toBe('');
  });
});
