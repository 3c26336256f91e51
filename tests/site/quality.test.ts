// Quality gates on the built output of the launch content and the fixture site.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkLinks, formatFindings, readPages, scanPages } from '../../scripts/lib/dist-audit.ts';
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

  test('has no style="" attributes (code colours are classes), so a strict CSP needs no unsafe-inline', () => {
    const styled = readPages(buildDir(build)).flatMap(({ path, doc }) => doc.querySelectorAll('[style]').map((el) => `${path}: <${el.tagName.toLowerCase()} style="${el.getAttribute('style')}">`));
    expect(styled.join('\n')).toBe('');
  });

  test('is valid HTML for the W3C Nu Html Checker', () => {
    const jar = join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', buildDir(build)], { encoding: 'utf8' });
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

  test('weighs at most 30 KB of HTML, CSS and fonts, gzipped', () => {
    const html = readFileSync(join(buildDir('real'), article, 'index.html'));
    const assets = doc
      .querySelectorAll('link[rel="stylesheet"], link[rel="preload"][as="font"]')
      .map((link) => readFileSync(join(buildDir('real'), link.getAttribute('href')!)));
    const fontFaces = assets.flatMap((css) => [...css.toString().matchAll(/url\((\/[^)]+\.woff2?)\)/g)].map((m) => readFileSync(join(buildDir('real'), m[1]!))));
    const total = [html, ...assets, ...fontFaces].reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    console.info(`article page: ${(total / 1024).toFixed(1)} KB gzipped (HTML + ${assets.length} CSS/font files + ${fontFaces.length} fonts)`);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });
});
