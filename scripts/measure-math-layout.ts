/**
 * `npx node scripts/measure-math-layout.ts [posts folder]`: how two TeX-to-MathML renderers lay
 * out the same formulas in Chromium, the measurements behind the choice in docs/math.md.
 *
 * Every display formula of the fixture corpus (tests/fixtures/site/posts/math/) is typeset by:
 * - the site's renderer: Temml, with its inline CSS turned into classes (src/markdown/math/);
 * - KaTeX's MathML, with its MathML 3 `columnalign` turned into the same alignment classes
 *   (the "KaTeX plus a hast plugin" alternative; its other attributes left as KaTeX writes them).
 * Both pages load the site's math stylesheet and font, so only the MathML differs. Reported:
 * multi-row formulas whose columns miss TeX's alignment by more than 1 px, rows whose ink
 * crosses the row above, display ∑ ∏ ∫ under 1.3× their inline height, elements that MathML Core
 * does not draw, time per formula and bytes per formula.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { chromium } from 'playwright-core';
import { layoutProblems, measureDisplayMath } from '../tests/helpers/math-layout.ts';
import { chromiumArgs, chromiumPath } from './lib/browser.ts';
import { CORPUS_DIR, corpusFormulas, costPerFormula, mathRenderers, type Render } from './lib/math-corpus.ts';
import { serve } from './lib/serve.ts';

/** KaTeX's MathML with `columnalign` as the site's alignment classes, cell by cell. */
function katexMathml(tex: string, display: boolean): string {
  const html = katex.renderToString(tex, {
    displayMode: display,
    output: 'mathml',
    throwOnError: true,
    strict: 'ignore',
    trust: false,
  });
  return html.replace(/<mtable([^>]*)>([\s\S]*?)<\/mtable>/g, (table, attributes: string, body: string) => {
    const aligns = /columnalign="([^"]*)"/.exec(attributes)?.[1]?.split(/\s+/);
    if (!aligns) return table;
    const rows = body.replace(/<mtr>([\s\S]*?)<\/mtr>/g, (_row, cells: string) => {
      let index = 0;
      return `<mtr>${cells.replace(/<mtd>/g, () => {
        const align = aligns[Math.min(index++, aligns.length - 1)];
        return align === 'center' ? '<mtd>' : `<mtd class="tml-${align}">`;
      })}</mtr>`;
    });
    return `<mtable${attributes}>${rows}</mtable>`;
  });
}

const katexPage = (mathml: string, display: boolean) =>
  display ? `<div class="math-display">${mathml}</div>` : mathml;
/** Each renderer, and whether its page loads the site's math stylesheet and font. */
const renderers: Record<string, { render: Render; styled: boolean }> = {
  'Temml (the site now)': { render: mathRenderers.now, styled: true },
  'KaTeX MathML + alignment classes, same stylesheet and font': {
    render: (tex, display) => katexPage(katexMathml(tex, display), display),
    styled: true,
  },
  'KaTeX MathML with no math font (the site before)': {
    render: (tex, display) => katexPage(mathRenderers.before(tex, display), display),
    styled: false,
  },
};

if (import.meta.main) {
  const dir = process.argv[2] ?? CORPUS_DIR;
  // The KaTeX side cannot read \label and \eqref: measured on what both renderers accept.
  const formulas = corpusFormulas(dir).filter(({ tex }) => !/\\(label|eqref|ref)\b/.test(tex));
  const display = formulas.filter((formula) => formula.display);
  const out = 'tmp/math-compare';
  mkdirSync(out, { recursive: true });
  mkdirSync(join(out, 'fonts'), { recursive: true });
  copyFileSync('src/styles/math.css', join(out, 'math.css'));
  copyFileSync('src/styles/fonts/stix-two-math.woff2', join(out, 'fonts/stix-two-math.woff2'));
  const site = await serve(out);
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROME_PATH.');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  console.log(`${formulas.length} formulas (${display.length} display) from ${dir}\n`);
  for (const [name, { render, styled }] of Object.entries(renderers)) {
    const file = `${name.replace(/\W+/g, '-').toLowerCase()}.html`;
    const body = display.map(({ tex }) => render(tex, true)).join('\n');
    const stylesheet = styled
      ? '<link rel="stylesheet" href="math.css">'
      : '<style>.math-display { margin: 1em 0 }</style>';
    writeFileSync(
      join(out, file),
      `<!doctype html><html lang="en"><meta charset="utf-8">${stylesheet}<body style="font: 18px/1.6 Georgia, serif; width: 760px; margin: 20px">${body}`,
    );
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${site.origin}/${file}`);
    await page.evaluate(() => document.fonts.ready);
    const measured = await page.evaluate(measureDisplayMath);
    const multiRow = measured.filter((formula) => formula.tables.some((table) => table.rows.length > 1));
    const misaligned = multiRow.filter((formula) =>
      layoutProblems(formula).some((problem) => problem.includes('-aligned')),
    );
    const crossing = multiRow.filter((formula) =>
      layoutProblems(formula).some((problem) => problem.includes('overlaps')),
    );
    const inline = await page.evaluate(() => {
      // ∑ as inline math draws it, on the same page: the yardstick for display size.
      const math = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'math');
      math.innerHTML = '<mo>∑</mo>';
      document.body.append(math);
      return math.firstElementChild!.getBoundingClientRect().height;
    });
    const operators = measured.flatMap((formula) => formula.largeOperators);
    const small = operators.filter((operator) => operator.height / inline < 1.3);
    const notCore = await page.evaluate(
      () =>
        document.querySelectorAll(
          'mlabeledtr, math [mathvariant]:not([mathvariant="normal"]), math [columnalign], math [rowspacing], math [columnspacing]',
        ).length,
    );
    const { microseconds, bytes } = costPerFormula(render, formulas);
    console.log(name);
    console.log(`  multi-row formulas misaligned: ${misaligned.length} of ${multiRow.length}`);
    console.log(`  multi-row formulas with crossing rows: ${crossing.length}`);
    console.log(`  display ∑ ∏ ∫ under 1.3× inline: ${small.length} of ${operators.length}`);
    console.log(`  MathML 3 attributes and elements MathML Core ignores: ${notCore}`);
    console.log(`  ${microseconds.toFixed(0)} µs and ${bytes.toFixed(0)} bytes per formula\n`);
    await page.close();
  }
  await browser.close();
  await site.close();
}
