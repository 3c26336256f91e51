// Math in the built sites: the stylesheet and font reach the pages with math and only them, the
// font holds every character the pages draw, and the fixture corpus is what the math is held to.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { corpusFormulas } from '../../scripts/lib/math-corpus.ts';
import { drawnCharacters } from '../../src/markdown/math/index.ts';
import { buildDir, readBuilt } from '../helpers/build.ts';
import { fontCodePoints, fromWoff2 } from '../helpers/font.ts';
import { htmlPages, page } from '../helpers/html.ts';

describe.each(['real', 'fixture'] as const)('the %s build', (build) => {
  const assets = readdirSync(join(buildDir(build), '_astro'));
  const pages = htmlPages(build).map((path) => ({
    path,
    html: readBuilt(build, (path.endsWith('/') ? `${path}index.html` : path).slice(1)),
  }));

  test('pages with math link the math stylesheet, and only they do', () => {
    const stylesheet = assets.find((name) => /^math\.[\w-]+\.css$/.test(name));
    expect(stylesheet).toBeDefined();
    const withMath = pages.filter(({ html }) => html.includes('<math'));
    expect(withMath.length).toBeGreaterThan(0);
    for (const { path, html } of pages) {
      expect(html.includes(`href="/_astro/${stylesheet}"`), path).toBe(html.includes('<math'));
    }
  });

  test('the math font holds every character the pages draw', async () => {
    const fonts = assets.filter((name) => name.endsWith('.woff2'));
    expect(fonts).toEqual([expect.stringMatching(/^stix-two-math\.[\w-]+\.woff2$/)]);
    const css = readFileSync(
      join(
        buildDir(build),
        '_astro',
        assets.find((name) => name.startsWith('math.'))!,
      ),
      'utf8',
    );
    expect(css).toContain(`url(/_astro/${fonts[0]})`);
    const font = fontCodePoints(await fromWoff2(readFileSync(join(buildDir(build), '_astro', fonts[0]!))));
    const drawn = new Set<number>();
    for (const { html } of pages)
      for (const math of html.match(/<math[\s\S]*?<\/math>/g) ?? [])
        for (const code of drawnCharacters(math)) drawn.add(code);
    const missing = [...drawn]
      .filter((code) => code > 0x20 && !font.has(code))
      .map((code) => `U+${code.toString(16).toUpperCase()} ${String.fromCodePoint(code)}`);
    expect(drawn.size).toBeGreaterThan(build === 'fixture' ? 200 : 20);
    expect(missing).toEqual([]);
  });
});

describe('the fixture corpus of formulas', () => {
  const formulas = corpusFormulas();
  const count = (pattern: RegExp) => formulas.filter(({ tex }) => pattern.test(tex)).length;

  test('has at least 300 formulas from real machine-learning writing, a third of them multi-row', () => {
    expect(formulas.length).toBeGreaterThanOrEqual(300);
    expect(count(/\\\\/)).toBeGreaterThanOrEqual(100);
  });

  test.each([
    'aligned',
    'align',
    'alignat',
    'gathered',
    'split',
    'cases',
    'matrix',
    'pmatrix',
    'bmatrix',
    'vmatrix',
    'array',
  ])('uses \\begin{%s}', (environment) => {
    expect(count(new RegExp(`\\\\begin\\{${environment}\\*?\\}`))).toBeGreaterThan(0);
  });

  test.each([
    '\\sum',
    '\\int',
    '\\prod',
    '\\left',
    '\\big',
    '\\hat',
    '\\widehat',
    '\\underbrace',
    '\\overbrace',
    '\\boxed',
    '\\cancel',
    '\\operatorname',
    '\\mathcal',
    '\\mathbb',
    '\\mathbf',
    '\\boldsymbol',
    '\\color',
    '\\text',
    '\\tag',
    '\\label',
    '\\eqref',
  ])('uses %s', (command) => {
    expect(count(new RegExp(command.replace('\\', '\\\\')))).toBeGreaterThan(0);
  });

  test('is posts of the fixture site, numbered equations and all', () => {
    expect(page('fixture', '/posts/math-corpus-references/').querySelectorAll('a.eqref').length).toBeGreaterThan(10);
  });
});
