/**
 * Sätteri hast plugin: TeX written as `$…$` and `$$…$$` is typeset with KaTeX at build time, so
 * readers get finished math with no client-side script.
 *
 * With `features: { math: true }`, Sätteri turns `$…$` into `<code class="language-math
 * math-inline">` and `$$…$$` into `<pre><code class="language-math math-display">`; the Shiki
 * step leaves "math" alone. This plugin swaps the inline `code`, and the display `pre` as a
 * whole, for KaTeX's output.
 *
 * - Accessibility: KaTeX's `htmlAndMathml` output is kept. The visual HTML is aria-hidden; the
 *   MathML beside it is what screen readers read, and it carries the TeX in an
 *   `<annotation encoding="application/x-tex">`. KaTeX's CSS clips the MathML to 1px but never
 *   hides it with display:none or aria-hidden (see KaTeX/KaTeX#820 for the limit of this:
 *   touch exploration on phones cannot reach a 1px box).
 * - Display math sits in a focusable, named region (`div.math-display`) that the stylesheet
 *   must let scroll sideways, so a wide equation scrolls on a phone instead of widening the page
 *   (axe: scrollable-region-focusable).
 * - Invalid TeX fails the build, naming the file, line and formula. So do commands that
 *   `trust: false` would otherwise draw in red and let through (`\href`, `\url`,
 *   `\includegraphics`…).
 * - Prices: Sätteri pairs any two `$` in a paragraph, so "costs $5 and $10" arrives as the
 *   formula `5 and `. Inline math that Pandoc would not read as math (space just inside either
 *   dollar, or a digit right after the closing one) is put back as the literal text written.
 *
 * The replacement is built as hast elements (parsed with Sätteri's `htmlToHast`), not as a
 * `raw` node: MDX output has no representation for raw HTML and refuses to compile one.
 *
 * Pages with math need KaTeX's stylesheet and fonts: see {@link MATH_STYLESHEET}.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import katex from 'katex';
import { defineHastPlugin, htmlToHast, type HastNode, type HastVisitorContext } from 'satteri';
import type { Element, ElementContent } from 'hast';

/**
 * The stylesheet KaTeX's HTML needs (it references the KaTeX_* woff2 fonts next to it, which
 * Vite copies and fingerprints when the CSS is imported). Import it in the layout of pages that
 * show math: `import 'katex/dist/katex.min.css';`.
 */
export const MATH_STYLESHEET = 'katex/dist/katex.min.css';

/** The MathML namespace KaTeX writes on `<math>`; HTML parsing implies it. */
const MATHML_XMLNS = ' xmlns="http://www.w3.org/1998/Math/MathML"';

/** A formula KaTeX refused; `message` names the formula, `reason` is KaTeX's own message. */
export class MathError extends Error {
  readonly tex: string;
  readonly reason: string;
  constructor(tex: string, reason: string) {
    super(`Invalid TeX: "${tex}" — ${reason}`);
    this.name = 'MathError';
    this.tex = tex;
    this.reason = reason;
  }
}

/**
 * TeX to HTML: KaTeX's HTML for the eye plus MathML (with the TeX as annotation) for assistive
 * technology, in `<span class="math-inline">` or, for display math, a focusable scroll region
 * `<div class="math-display" role="group" aria-label="Equation" tabindex="0">`.
 * Throws a {@link MathError} for TeX that KaTeX cannot parse, that LaTeX itself would reject
 * (strict mode), or that uses a command needing trust.
 */
export function renderMath(tex: string, displayMode: boolean): string {
  const untrusted: string[] = [];
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode,
      output: 'htmlAndMathml',
      throwOnError: true,
      strict: 'error',
      // Equivalent to `trust: false`, except that KaTeX would then draw the command in red and
      // carry on; collecting them lets the build fail instead.
      trust: (context) => {
        untrusted.push(context.command);
        return false;
      },
    });
  } catch (error) {
    throw new MathError(tex, error instanceof Error ? error.message : String(error));
  }
  if (untrusted.length > 0) {
    throw new MathError(tex, `${[...new Set(untrusted)].join(', ')} is not allowed in articles (KaTeX trust is off)`);
  }
  return displayMode
    ? `<div class="math-display" role="group" aria-label="Equation" tabindex="0">${html}</div>`
    : `<span class="math-inline">${html}</span>`;
}

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
  // Sätteri's HTML parser turns the xmlns attribute on <math> into a ":xmlns" property, which
  // prints as an invalid attribute (and invalid JSX); the namespace is implied in HTML anyway.
  const tree = htmlToHast(html.replaceAll(MATHML_XMLNS, ''), { fragment: true });
  return 'children' in tree ? (tree.children as ElementContent[]) : [];
}

/** "content/posts/x.mdx:12", or as much of it as is known. */
function location(ctx: HastVisitorContext, ...nodes: Readonly<HastNode>[]): string {
  const file = ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)) : '<unknown file>';
  const line = nodes.map((node) => node.position?.start.line).find((value) => value !== undefined);
  return line === undefined ? file : `${file}:${line}`;
}

function hasClass(node: Readonly<Element>, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.includes(name);
}

/** The plugin, for `satteri({ features: { math: true }, hastPlugins: [mathPlugin()] })`. */
export function mathPlugin() {
  return defineHastPlugin({
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

        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (!display && start !== undefined && end !== undefined) {
          const written = ctx.source.slice(start, end);
          if (isLiteralDollars(written, ctx.source[end])) {
            ctx.replaceNode(node, { type: 'text', value: written });
            return;
          }
        }

        let html: string;
        try {
          html = renderMath(tex, display);
        } catch (error) {
          if (!(error instanceof MathError)) throw error;
          const failure = new Error(`Invalid TeX in ${location(ctx, node, ...(pre ? [pre] : []))}: "${tex}" — ${error.reason}`);
          failure.stack = failure.message; // the formula is what matters, not this file's frames
          throw failure;
        }
        ctx.replaceNode(pre ?? node, toHast(html));
      },
    },
  });
}
