/**
 * Sätteri hast plugins: TeX written as `$…$` and `$$…$$` is typeset as MathML at build time
 * (./render.ts), so readers get finished math with no client-side script.
 *
 * With `features: { math: true }`, Sätteri turns `$…$` into `<code class="language-math
 * math-inline">` and `$$…$$` into `<pre><code class="language-math math-display">`; the Shiki
 * step leaves "math" alone. The first plugin swaps the inline `code`, and the display `pre` as a
 * whole, for the MathML, numbering equations in the order of the post; the second writes each
 * `\eqref` link's number once every equation has been seen.
 *
 * - Invalid TeX, and references to labels that do not exist, fail the build naming the file,
 *   line and formula (or go to `onError`, for checks that list every problem).
 * - Prices: Sätteri pairs any two `$` in a paragraph, so "costs $5 and $10" arrives as the
 *   formula `5 and `. Inline math that Pandoc would not read as math (space just inside either
 *   dollar, or a digit right after the closing one) is put back as the literal text written.
 * - Pages with math say so: `hasMath` in the frontmatter that `render(entry)` returns
 *   (`remarkPluginFrontmatter`), so the layout loads the math stylesheet and font only there.
 *
 * The replacement is built as hast elements (parsed with Sätteri's `htmlToHast`), not as a
 * `raw` node: MDX output has no representation for raw HTML and refuses to compile one.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineHastPlugin, htmlToHast, markdownToHtml, mdxToJs, type HastVisitorContext } from 'satteri';
import type { Element, ElementContent } from 'hast';
import { referenceProblems, type FormulaAt } from './references.ts';
import {
  equationId,
  MathError,
  REFERENCE_ATTRIBUTE,
  REFERENCE_KIND_ATTRIBUTE,
  renderMath,
  type LabelledEquation,
} from './render.ts';

/**
 * Pandoc's rule for `$…$`: the opening dollar must be followed by a non-space, the closing one
 * preceded by a non-space and not followed by a digit. `source` is the whole `$…$` as written,
 * `next` the character after it. Only single-dollar math is judged; `$$…$$` is always math.
 */
export function isLiteralDollars(source: string, next: string | undefined): boolean {
  if (!source.startsWith('$') || source.startsWith('$$') || !source.endsWith('$') || source.length < 2) return false;
  const inner = source.slice(1, -1);
  return /^\s/.test(inner) || /\s$/.test(inner) || (next !== undefined && /^[0-9]/.test(next));
}

/** `renderMath`'s HTML as hast nodes that both Markdown and MDX output can carry. */
function toHast(html: string): ElementContent[] {
  const tree = htmlToHast(html, { fragment: true });
  return 'children' in tree ? (tree.children as ElementContent[]) : [];
}

/** A problem found by {@link mathPlugin}: invalid TeX, or a label or reference that does not work. */
export interface MathProblem {
  /** Relative to the working directory, e.g. "content/posts/x.mdx". */
  file: string;
  /** 1-based; for display math, the line of the opening `$$`. */
  line: number | undefined;
  /** 1-based column, where the problem is known to the character (labels and references). */
  column: number | undefined;
  tex: string;
  /** For the editor: what is wrong and, where known, the change that fixes it. */
  reason: string;
  /** `Invalid TeX in content/posts/x.mdx:12: "\frac{a}" — Unexpected end of input …` */
  message: string;
}

/**
 * Where an offset of the compiled source is in its file. Astro hands a .md body to Sätteri
 * without its frontmatter, so a line there counts from the body; the lines above it are added
 * back by finding the body in the file. (MDX keeps frontmatter lines as blanks.)
 */
function locate(
  ctx: HastVisitorContext,
  offset: number | undefined,
): { file: string; line: number | undefined; column: number | undefined } {
  if (!ctx.fileURL) return { file: '<unknown file>', line: undefined, column: undefined };
  const path = fileURLToPath(ctx.fileURL);
  const file = relative(process.cwd(), path);
  if (offset === undefined) return { file, line: undefined, column: undefined };
  const before = ctx.source.slice(0, offset);
  let line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  try {
    const text = readFileSync(path, 'utf8');
    const at = text === ctx.source ? 0 : text.indexOf(ctx.source);
    if (at > 0) line += text.slice(0, at).split('\n').length - 1;
  } catch {
    // not a file on disk (tests, virtual modules): the line as Sätteri counts it
  }
  return { file, line, column };
}

function hasClass(node: Readonly<Element>, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.includes(name);
}

export interface MathPluginOptions {
  /**
   * Called for each problem, whose formula is then left as Sätteri made it, instead of
   * throwing at the first one. For checks that list every problem ({@link findMathErrors}); a
   * build should throw.
   */
  onError?: (problem: MathProblem) => void;
}

/** What the plugins keep for one document, in its data bag. */
interface DocumentMath {
  next: number;
  formulas: FormulaAt[];
  labels: Map<string, LabelledEquation>;
}

function documentMath(ctx: HastVisitorContext): DocumentMath {
  const data = ctx.data as { math?: DocumentMath };
  return (data.math ??= { next: 1, formulas: [], labels: new Map() });
}

function fail(
  ctx: HastVisitorContext,
  onError: MathPluginOptions['onError'],
  offset: number | undefined,
  tex: string,
  reason: string,
  kind = 'Invalid TeX',
): void {
  const { file, line, column } = locate(ctx, offset);
  const message = `${kind} in ${line === undefined ? file : `${file}:${line}`}: "${tex}" — ${reason}`;
  if (onError) {
    onError({ file, line, column, tex, reason, message });
    return;
  }
  const failure = new Error(message);
  failure.stack = message; // the formula is what matters, not this file's frames
  throw failure;
}

/** The plugins, for `satteri({ features: { math: true }, hastPlugins: [mathPlugin()] })`. */
export function mathPlugin({ onError }: MathPluginOptions = {}) {
  const typeset = defineHastPlugin({
    name: 'math',
    options: { position: true }, // to see the `$…$` as written (prices) and name the line in errors
    element: {
      filter: ['code'],
      visit(node, ctx) {
        if (!hasClass(node, 'language-math')) return;
        const display = hasClass(node, 'math-display');
        const tex = ctx.textContent(node);
        const parent = ctx.parent(node);
        const pre = display && parent.type === 'element' && parent.tagName === 'pre' ? parent : undefined;
        const start = (pre ?? node).position?.start.offset;
        const end = node.position?.end.offset;
        if (!display && start !== undefined && end !== undefined) {
          const written = ctx.source.slice(start, end);
          if (isLiteralDollars(written, ctx.source[end])) {
            ctx.replaceNode(node, { type: 'text', value: written });
            return;
          }
        }

        const state = documentMath(ctx);
        state.formulas.push({ tex, display, offset: start ?? 0 });
        let rendered;
        try {
          rendered = renderMath(tex, display, { firstNumber: state.next });
        } catch (error) {
          if (!(error instanceof MathError)) throw error;
          fail(ctx, onError, start, tex, error.reason);
          return; // a visitor's return value replaces the node
        }
        state.next += rendered.numbered;
        for (const equation of rendered.labels) {
          if (!state.labels.has(equation.id)) state.labels.set(equation.id, equation);
        }
        const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
        if (astro?.frontmatter) astro.frontmatter['hasMath'] = true;
        ctx.replaceNode(pre ?? node, toHast(rendered.html));
      },
    },
    after(_root, ctx) {
      const state = (ctx.data as { math?: DocumentMath }).math;
      if (!state) return;
      for (const problem of referenceProblems(state.formulas, ctx.source)) {
        const formula = [...state.formulas].reverse().find(({ offset }) => offset <= problem.offset);
        fail(ctx, onError, problem.offset, formula?.tex ?? '', problem.message, 'Equation reference');
      }
    },
  });

  const references = defineHastPlugin({
    name: 'math-references',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const label = node.properties[camel(REFERENCE_ATTRIBUTE)];
        if (typeof label !== 'string') return;
        const kind = node.properties[camel(REFERENCE_KIND_ATTRIBUTE)];
        const equation = (ctx.data as { math?: DocumentMath }).math?.labels.get(equationId(label));
        const text = equation ? (kind === 'ref' ? equation.number : `(${equation.number})`) : '(?)';
        const {
          [camel(REFERENCE_ATTRIBUTE)]: _label,
          [camel(REFERENCE_KIND_ATTRIBUTE)]: _kind,
          ...properties
        } = node.properties;
        ctx.replaceNode(node, { type: 'element', tagName: 'a', properties, children: [{ type: 'text', value: text }] });
      },
    },
  });

  return [typeset, references];
}

/** hast's property name for a data attribute: data-eqref-kind → dataEqrefKind. */
function camel(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_whole, letter: string) => letter.toUpperCase());
}

/**
 * Every invalid formula and broken equation reference in one Markdown or MDX file (told apart
 * by `path`'s extension), with the build's messages. `source` is the whole file, frontmatter
 * included, so lines match.
 *
 * Astro's glob loader renders .md posts while syncing content and only logs a render error:
 * the build then succeeds with an empty article. The content check calls this, so invalid
 * TeX in .md fails the build too.
 */
export function findMathErrors(source: string, path: string): MathProblem[] {
  const errors: MathProblem[] = [];
  const options = {
    features: { math: true },
    hastPlugins: [mathPlugin({ onError: (problem) => errors.push(problem) })],
    fileURL: pathToFileURL(resolve(path)),
  };
  if (path.endsWith('.mdx')) mdxToJs(source, options);
  else markdownToHtml(source, options);
  return errors;
}
