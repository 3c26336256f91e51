import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLinks, formatFindings, scanPages, styleAttributes } from '../../../scripts/lib/dist-audit.ts';

const SITE = 'https://blog.example';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-audit-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('what the scans read', () => {
  // node-html-parser keeps <pre> and <noscript> as raw text unless told otherwise.
  test('a style attribute inside a code block is found', () => {
    const dir = site({
      'index.html':
        '<pre class="astro-code"><code><span style="color:#d73a49">def</span> f(): pass</code></pre><p>text</p>',
    });
    expect(formatFindings(styleAttributes(dir))).toBe('/: <span style="color:#d73a49">');
  });

  test('a dead link inside <noscript> is found', () => {
    const dir = site({
      'index.html': '<noscript><p>Search needs JavaScript. Browse <a href="/topics/">topics</a>.</p></noscript>',
    });
    expect(formatFindings(checkLinks(dir, SITE))).toBe('/: broken link "/topics/" (no file for /topics/)');
  });

  test('the content of a <script> is still text, not markup', () => {
    const dir = site({
      'index.html': '<script>document.body.innerHTML = \'<a href="/nowhere/" style="x">\';</script>',
    });
    expect(formatFindings([...styleAttributes(dir), ...checkLinks(dir, SITE)])).toBe('');
  });
});

describe('checkLinks', () => {
  test('accepts links to pages, files, fragments and the site origin', () => {
    const dir = site({
      'index.html':
        '<a href="/posts/a/">a</a><a href="posts/a/#s1">s1</a><a href="#top">top</a><span id="top"></span><link rel="canonical" href="https://blog.example/"><a href="/favicon.svg">f</a><a href="https://other.example/x">out</a>',
      'posts/a/index.html': '<h2 id="s1">S1</h2><a href="../../">home</a>',
      'favicon.svg': '<svg/>',
    });
    expect(formatFindings(checkLinks(dir, SITE))).toBe('');
  });

  test('reports a missing page, a missing fragment and a broken absolute link on an orphan page', () => {
    const dir = site({
      'index.html': '<a href="/posts/gone/">gone</a><a href="/posts/a/#nope">nope</a>',
      'posts/a/index.html': '<h2 id="s1">S1</h2>',
      'orphan/index.html': '<a href="https://blog.example/missing/">m</a>',
    });
    expect(formatFindings(checkLinks(dir, SITE)).split('\n')).toEqual([
      '/: broken link "/posts/gone/" (no file for /posts/gone/)',
      '/: broken fragment "/posts/a/#nope" (no id="nope" on /posts/a/)',
      '/orphan/: broken link "https://blog.example/missing/" (no file for /missing/)',
    ]);
  });
});

describe('scanPages', () => {
  test('passes a clean page', () => {
    const dir = site({
      'index.html':
        '<a href="https://x.example/" rel="noopener noreferrer">x</a><img src="/a.png" alt="" width="1" height="1"><link rel="stylesheet" href="/_astro/a.css">',
    });
    expect(scanPages(dir, SITE)).toEqual([]);
  });

  test.each([
    ['<a href="javascript:alert(1)">x</a>', 'javascript: URL in href of <a>'],
    ['<a href=" JaVa\tScript:alert(1)">x</a>', 'javascript: URL in href of <a>'],
    ['<img src="data:image/png;base64,AAAA" alt="" width="1" height="1">', 'data: URL in src of <img>'],
    ['<a href="vbscript:msgbox">x</a>', 'vbscript: URL in href of <a>'],
    ['<button onclick="go()">x</button>', 'inline event handler onclick on <button>'],
    ['<a href="https://x.example/">x</a>', 'external link https://x.example/ lacks rel="noopener noreferrer"'],
    [
      '<a href="https://x.example/" rel="noopener">x</a>',
      'external link https://x.example/ lacks rel="noopener noreferrer"',
    ],
    ['<img src="/a.png" width="1" height="1">', '<img src="/a.png"> has no alt attribute'],
    ['<img src="/a.png" alt="a">', '<img src="/a.png"> lacks width and height'],
    ['<script src="https://cdn.example/x.js"></script>', '<script> loads https://cdn.example/x.js from another origin'],
    [
      '<link rel="stylesheet" href="https://fonts.example/css">',
      '<link> loads https://fonts.example/css from another origin',
    ],
    [
      '<img src="https://cdn.example/a.png" alt="" width="1" height="1">',
      '<img> loads https://cdn.example/a.png from another origin',
    ],
  ])('reports %s', (html, problem) => {
    const dir = site({ 'index.html': html });
    expect(scanPages(dir, SITE).map((f) => f.problem)).toEqual([problem]);
  });
});
