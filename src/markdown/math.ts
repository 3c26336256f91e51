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
 * With the default output, pages with math need KaTeX's stylesheet and fonts: see
 * {@link MATH_STYLESHEET}. `mathPlugin({ output: 'mathml' })` needs neither: see {@link MathOutput}.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import katex from 'katex';
import { defineHastPlugin, htmlToHast, markdownToHtml, mdxToJs, type HastNode, type HastVisitorContext } from 'satteri';
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
 * What KaTeX writes. `htmlAndMathml` (the default) is KaTeX's HTML for the eye, which needs
 * {@link MATH_STYLESHEET} and its fonts, plus MathML for assistive technology. `mathml` is the
 * MathML alone, which browsers lay out natively with the reader's own math font: no CSS, no
 * fonts, and visible to touch exploration, but plainer and dependent on the system's fonts.
 */
export type MathOutput = 'htmlAndMathml' | 'mathml';

/**
 * TeX to HTML: KaTeX's HTML for the eye plus MathML (with the TeX as annotation) for assistive
 * technology, in `<span class="math-inline">` or, for display math, a focusable scroll region
 * `<div class="math-display" role="group" aria-label="Equation" tabindex="0">`.
 * With `output: 'mathml'`, the MathML alone (see {@link MathOutput}).
 * Throws a {@link MathError} for TeX that KaTeX cannot parse, that LaTeX itself would reject
 * (strict mode), or that uses a command needing trust.
 */
export function renderMath(tex: string, displayMode: boolean, output: MathOutput = 'htmlAndMathml'): string {
  const untrusted: string[] = [];
  let html: string;
  try {
    html = katex.renderToString(tex, {
      displayMode,
      output,
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
  if (output === 'mathml') html = withUnicodeVariants(html);
  return displayMode
    ? `<div class="math-display" role="group" aria-label="Equation" tabindex="0">${html}</div>`
    : `<span class="math-inline">${html}</span>`;
}

// MathML Core, which Chromium implements, ignores `mathvariant` other than "normal" on tokens,
// so KaTeX's <mi mathvariant="double-struck">R</mi> shows as an italic R, not ℝ. The remedy
// MathML Core gives is the Unicode Mathematical Alphanumeric Symbols, which every engine shows.
// [capital A, small a, digit 0] for Latin letters and digits; [capital Alpha, small alpha] for Greek.
const LATIN_VARIANTS: Record<string, readonly [number, number, number?]> = {
  bold: [0x1d400, 0x1d41a, 0x1d7ce],
  italic: [0x1d434, 0x1d44e],
  'bold-italic': [0x1d468, 0x1d482],
  script: [0x1d49c, 0x1d4b6],
  'bold-script': [0x1d4d0, 0x1d4ea],
  fraktur: [0x1d504, 0x1d51e],
  'double-struck': [0x1d538, 0x1d552, 0x1d7d8],
  'bold-fraktur': [0x1d56c, 0x1d586],
  'sans-serif': [0x1d5a0, 0x1d5ba, 0x1d7e2],
  'bold-sans-serif': [0x1d5d4, 0x1d5ee, 0x1d7ec],
  'sans-serif-italic': [0x1d608, 0x1d622],
  'sans-serif-bold-italic': [0x1d63c, 0x1d656],
  monospace: [0x1d670, 0x1d68a, 0x1d7f6],
};
const GREEK_VARIANTS: Record<string, readonly [number, number]> = {
  bold: [0x1d6a8, 0x1d6c2],
  italic: [0x1d6e2, 0x1d6fc],
  'bold-italic': [0x1d71c, 0x1d736],
  'bold-sans-serif': [0x1d756, 0x1d770],
  'sans-serif-bold-italic': [0x1d790, 0x1d7aa],
};
/** Letters encoded earlier in Letterlike Symbols, whose slots in the math block are empty. */
const LETTERLIKE: Record<string, string> = {
  'italic h': 'ℎ',
  'script B': 'ℬ', 'script E': 'ℰ', 'script F': 'ℱ', 'script H': 'ℋ', 'script I': 'ℐ', 'script L': 'ℒ',
  'script M': 'ℳ', 'script R': 'ℛ', 'script e': 'ℯ', 'script g': 'ℊ', 'script o': 'ℴ',
  'fraktur C': 'ℭ', 'fraktur H': 'ℌ', 'fraktur I': 'ℑ', 'fraktur R': 'ℜ', 'fraktur Z': 'ℨ',
  'double-struck C': 'ℂ', 'double-struck H': 'ℍ', 'double-struck N': 'ℕ', 'double-struck P': 'ℙ',
  'double-struck Q': 'ℚ', 'double-struck R': 'ℝ', 'double-struck Z': 'ℤ',
};

/** `char` in the style `variant` (e.g. "double-struck", "R" → "ℝ"), or undefined if Unicode has none. */
export function mathAlphanumeric(char: string, variant: string): string | undefined {
  const letterlike = LETTERLIKE[`${variant} ${char}`];
  if (letterlike) return letterlike;
  const code = char.codePointAt(0) ?? 0;
  const latin = LATIN_VARIANTS[variant];
  const greek = GREEK_VARIANTS[variant];
  if (latin && code >= 0x41 && code <= 0x5a) return String.fromCodePoint(latin[0] + code - 0x41);
  if (latin && code >= 0x61 && code <= 0x7a) return String.fromCodePoint(latin[1] + code - 0x61);
  if (latin?.[2] !== undefined && code >= 0x30 && code <= 0x39) return String.fromCodePoint(latin[2] + code - 0x30);
  if (greek && code >= 0x391 && code <= 0x3a9 && code !== 0x3a2) return String.fromCodePoint(greek[0] + code - 0x391);
  if (greek && code >= 0x3b1 && code <= 0x3c9) return String.fromCodePoint(greek[1] + code - 0x3b1);
  return undefined;
}

/** CSS for `mathvariant` on text (`\textbf{…}`): words stay words, for search and for speech. */
const TEXT_VARIANT_STYLES: Record<string, string> = {
  bold: 'font-weight:bold',
  italic: 'font-style:italic',
  'bold-italic': 'font-weight:bold;font-style:italic',
  monospace: 'font-family:monospace',
  'sans-serif': 'font-family:sans-serif',
};

/**
 * Rewrites KaTeX's MathML so it looks right under MathML Core: a token whose every character
 * has a Unicode math alphanumeric gets those characters instead of `mathvariant`; `<mtext>`
 * gets the equivalent CSS. Anything else keeps its `mathvariant` (Firefox still honours it).
 */
export function withUnicodeVariants(mathml: string): string {
  return mathml.replace(
    /<(mi|mn|mo|mtext)((?:\s[^>]*?)?)\s+mathvariant="([a-z-]+)"([^>]*)>([^<]*)<\/\1>/g,
    (whole, tag: string, before: string, variant: string, after: string, text: string) => {
      if (variant === 'normal') return whole;
      if (tag === 'mtext') {
        const style = TEXT_VARIANT_STYLES[variant];
        return style ? `<mtext${before} style="${style}"${after}>${text}</mtext>` : whole;
      }
      const chars = [...text];
      const mapped = chars.map((char) => mathAlphanumeric(char, variant));
      if (chars.length === 0 || mapped.some((char) => char === undefined)) return whole;
      return `<${tag}${before}${after}>${mapped.join('')}</${tag}>`;
    },
  );
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

/**
 * Where a formula is: the file relative to the working directory, and its line. Astro hands a
 * .md body to Sätteri without its frontmatter, so a line there counts from the body; the lines
 * above it are added back by finding the body in the file. (MDX keeps frontmatter lines as
 * blanks, so its lines already match.)
 */
function locate(ctx: HastVisitorContext, ...nodes: Readonly<HastNode>[]): { file: string; line: number | undefined } {
  if (!ctx.fileURL) return { file: '<unknown file>', line: undefined };
  const path = fileURLToPath(ctx.fileURL);
  const file = relative(process.cwd(), path);
  let line = nodes.map((node) => node.position?.start.line).find((value) => value !== undefined);
  if (line === undefined) return { file, line };
  try {
    const text = readFileSync(path, 'utf8');
    const at = text === ctx.source ? 0 : text.indexOf(ctx.source);
    if (at > 0) line += text.slice(0, at).split('\n').length - 1;
  } catch {
    // not a file on disk (tests, virtual modules): the line as Sätteri counts it
  }
  return { file, line };
}

/** An invalid formula found by {@link mathPlugin}. */
export interface MathProblem {
  /** Relative to the working directory, e.g. "content/posts/x.mdx". */
  file: string;
  /** 1-based; for display math, the line of the opening `$$`. */
  line: number | undefined;
  tex: string;
  /** KaTeX's message. */
  reason: string;
  /** `Invalid TeX in content/posts/x.mdx:12: "\frac{a}" — KaTeX parse error: …` */
  message: string;
}

function hasClass(node: Readonly<Element>, name: string): boolean {
  const value = node.properties['className'];
  return Array.isArray(value) && value.includes(name);
}

export interface MathPluginOptions {
  /** KaTeX's HTML+MathML (the default) or MathML alone; see {@link MathOutput}. */
  output?: MathOutput;
  /**
   * Called for each invalid formula, which is then left as Sätteri made it, instead of throwing
   * at the first one. For checks that list every problem ({@link findMathErrors}); a build
   * should throw.
   */
  onError?: (problem: MathProblem) => void;
}

/** The plugin, for `satteri({ features: { math: true }, hastPlugins: [mathPlugin()] })`. */
export function mathPlugin({ output = 'htmlAndMathml', onError }: MathPluginOptions = {}) {
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
          html = renderMath(tex, display, output);
        } catch (error) {
          if (!(error instanceof MathError)) throw error;
          const { file, line } = locate(ctx, node, ...(pre ? [pre] : []));
          const message = `Invalid TeX in ${line === undefined ? file : `${file}:${line}`}: "${tex}" — ${error.reason}`;
          if (onError) {
            onError({ file, line, tex, reason: error.reason, message }); // and return nothing: a visitor's return value replaces the node
            return;
          }
          const failure = new Error(message);
          failure.stack = message; // the formula is what matters, not this file's frames
          throw failure;
        }
        ctx.replaceNode(pre ?? node, toHast(html));
      },
    },
  });
}

/**
 * Every invalid formula in one Markdown or MDX file (told apart by `path`'s extension), with
 * the build's messages. `source` is the whole file, frontmatter included, so lines match.
 *
 * Astro's glob loader renders .md posts while syncing content and only logs a render error:
 * the build then succeeds with an empty article. A content check that calls this (as
 * src/lib/content-check.ts could) makes invalid TeX in .md fail the build too.
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
