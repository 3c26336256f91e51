/**
 * The fixture corpus of formulas (tests/fixtures/site/posts/math/) and what rendering it costs:
 * for scripts/measure-math-layout.ts and `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { typesetMath } from '../../src/markdown/math/render.ts';

export const CORPUS_DIR = 'tests/fixtures/site/posts/math';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Every formula of one post's `source` (Markdown or MDX), as written, in order. */
export function formulasOf(source: string, format: 'md' | 'mdx'): Array<{ tex: string; display: boolean }> {
  const formulas: Array<{ tex: string; display: boolean }> = [];
  const walk = (node: MdNode) => {
    if (node.type === 'math' || node.type === 'inlineMath')
      formulas.push({ tex: node.value ?? '', display: node.type === 'math' });
    node.children?.forEach(walk);
  };
  walk((format === 'mdx' ? mdxToMdast : markdownToMdast)(source, { features: { math: true } }));
  return formulas;
}

/** Every formula of the posts in `dir`, as written, in file order. */
export function corpusFormulas(dir = CORPUS_DIR): Array<{ tex: string; display: boolean }> {
  return readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name))
    .sort()
    .flatMap((file) => formulasOf(readFileSync(join(dir, file), 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'md'));
}

export type Render = (tex: string, display: boolean) => string;

/** What the site rendered with before (KaTeX's MathML), and what it renders with now. */
export const mathRenderers: Record<'before' | 'now', Render> = {
  before: (tex, display) =>
    katex.renderToString(tex, {
      displayMode: display,
      output: 'mathml',
      throwOnError: true,
      strict: 'ignore',
      trust: false,
    }),
  // Not renderMath: its memo would answer every pass after the first.
  now: (tex, display) => typesetMath(tex, display).html,
};

/** Microseconds and bytes per formula, over `rounds` passes after one warm-up pass. */
export function costPerFormula(
  render: Render,
  formulas: ReadonlyArray<{ tex: string; display: boolean }>,
  rounds = 5,
): { microseconds: number; bytes: number } {
  let bytes = 0;
  for (const { tex, display } of formulas) bytes += render(tex, display).length;
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const { tex, display } of formulas) render(tex, display);
  return {
    microseconds: ((performance.now() - start) * 1000) / (rounds * formulas.length),
    bytes: bytes / formulas.length,
  };
}
