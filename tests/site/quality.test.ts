// Quality gates on the built output of the launch content and the fixture site.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkLinks, formatFindings, scanPages, styleAttributes } from '../../scripts/lib/dist-audit.ts';
import { siteConfig } from '../../src/site.config.ts';
import { buildDir, projectRoot } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';

const builds = ['real', 'fixture'] as const;

describe.each(builds)('the %s build', (build) => {
  test('every internal link and #fragment in every HTML file resolves', () => {
    expect(formatFindings(checkLinks(buildDir(build), siteConfig.url))).toBe('');
  });

  test('has no script URLs, inline handlers, unsafe external links, bare images or foreign resources', () => {
    expect(formatFindings(scanPages(buildDir(build), siteConfig.url))).toBe('');
  });

  test('has no style="" attributes (code colours and math layout are classes), so a strict CSP needs no unsafe-inline', () => {
    expect(formatFindings(styleAttributes(buildDir(build)))).toBe('');
  });

  test('is valid HTML for the W3C Nu Html Checker', () => {
    const jar = join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', buildDir(build)], {
      encoding: 'utf8',
    });
    expect(result.error, 'java must be installed (Java 17 runs vnu.jar)').toBeUndefined();
    expect(result.stderr + result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('article page budget', () => {
  const article = '/posts/mathematical-models-in-machine-learning/';
  const doc = page('real', article);

  test('ships no JavaScript but the inline theme script (under 1 KB)', () => {
    const scripts = doc.querySelectorAll('script:not([type="application/ld+json"])');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('src')).toBeUndefined();
    expect(scripts[0]!.text.length).toBeLessThan(1024);
    expect(doc.querySelectorAll('link[rel="modulepreload"], link[as="script"]')).toHaveLength(0);
  });

  /** A page's HTML and stylesheets, gzipped, and the fonts they load (sent compressed already). */
  const weigh = (build: string, path: string) => {
    const read = (href: string) => readFileSync(join(buildDir(build), href));
    const html = readFileSync(join(buildDir(build), path, 'index.html'));
    const sheets = page(build, path)
      .querySelectorAll('link[rel="stylesheet"]')
      .map((link) => link.getAttribute('href')!);
    const fonts = new Set([
      ...page(build, path)
        .querySelectorAll('link[rel="preload"][as="font"]')
        .map((link) => link.getAttribute('href')!),
      ...sheets.flatMap((href) =>
        [
          ...read(href)
            .toString()
            .matchAll(/url\((\/[^)]+\.woff2?)\)/g),
        ].map((match) => match[1]!),
      ),
    ]);
    return {
      sheets,
      fonts: [...fonts],
      gzipped: [html, ...sheets.map(read)].reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0),
      fontBytes: [...fonts].reduce((sum, href) => sum + read(href).length, 0),
    };
  };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  test('an article without math loads only the site stylesheet and no font, and stays under 30 KB gzipped', () => {
    const plain = weigh('fixture', '/posts/fixture-post-01/');
    console.info(`article without math: ${kb(plain.gzipped)} of HTML and CSS gzipped`);
    expect(plain.sheets).toEqual([expect.stringMatching(/^\/_astro\/BaseLayout\.[\w-]+\.css$/)]);
    expect(plain.fonts).toEqual([]);
    expect(plain.gzipped).toBeLessThanOrEqual(30 * 1024);
  });

  // The launch articles, and the corpus post of numbered equations (the length of a long article).
  test.each([
    ['real', '/posts/mathematical-models-in-machine-learning/'],
    ['real', '/posts/mathematics-for-data-science-careers/'],
    ['real', '/posts/machine-learning-in-finance/'],
    ['fixture', '/posts/math-corpus-references/'],
  ])('%s %s: HTML and CSS within 30 KB gzipped, the math font apart', (build, path) => {
    const math = weigh(build, path);
    console.info(
      `${path}: ${kb(math.gzipped)} of HTML and CSS gzipped, and ${kb(math.fontBytes)} of math font (cached once for every page with math)`,
    );
    expect(math.sheets).toHaveLength(2);
    expect(math.fonts).toEqual([expect.stringMatching(/^\/_astro\/stix-two-math\.[\w-]+\.woff2$/)]);
    expect(math.gzipped).toBeLessThanOrEqual(30 * 1024);
  });
});
