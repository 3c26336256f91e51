import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';
import { evaluate, markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { findMathErrors, isLiteralDollars, MATH_STYLESHEET, mathPlugin, renderMath } from '../../../src/markdown/math.ts';

/** The Markdown options astro.config.mjs gives Sätteri, with the math plugin. */
function options(file = 'content/posts/example.mdx') {
  return {
    features: { math: true },
    hastPlugins: [mathPlugin()],
    fileURL: pathToFileURL(join(process.cwd(), file)),
  };
}

/** `markdownToHtml` with math, as Astro renders a .md post. */
function md(source: string, file?: string): string {
  return markdownToHtml(source, options(file)).html;
}

// A string renderer for Sätteri's `evaluate`: enough JSX runtime to turn an MDX document into
// the HTML a page would get, so MDX expressions really run.
const Fragment = Symbol('Fragment');
type Child = string | number | boolean | null | undefined | VNode | Child[];
interface VNode {
  type: unknown;
  props: Record<string, unknown> & { children?: Child };
}
const jsx = (type: unknown, props: unknown): VNode => ({ type, props: props as VNode['props'] });
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function renderNode(node: Child): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (Array.isArray(node)) return node.map(renderNode).join('');
  if (typeof node !== 'object') return escapeHtml(String(node));
  const { children, ...props } = node.props;
  if (node.type === Fragment) return renderNode(children);
  if (typeof node.type === 'function') return renderNode((node.type as (p: unknown) => Child)(node.props));
  const attributes = Object.entries(props)
    .map(([name, value]) => {
      if (name === 'style' && value && typeof value === 'object') {
        value = Object.entries(value)
          .map(([key, v]) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${String(v)}`)
          .join(';');
      }
      return ` ${name}="${escapeHtml(String(value))}"`;
    })
    .join('');
  return `<${String(node.type)}${attributes}>${renderNode(children)}</${String(node.type)}>`;
}
/** Evaluates an MDX document with math and returns its HTML. */
function mdx(source: string, file?: string): string {
  const module = evaluate(source, { ...options(file), Fragment, jsx, jsxs: jsx, elementAttributeNameCase: 'html' }) as Record<string, unknown>;
  const Content = module['default'] as (props: object) => Child;
  return renderNode(Content({}));
}

/** The `<math>` element, checked to be reachable by assistive technology. */
function accessibleMath(root: HTMLElement): HTMLElement {
  const maths = root.querySelectorAll('math');
  expect(maths).toHaveLength(1);
  const math = maths[0]!;
  for (let node: HTMLElement | null = math; node; node = node.parentNode) {
    expect(node.getAttribute?.('aria-hidden'), `aria-hidden on <${node.rawTagName}> above the MathML`).toBeUndefined();
    expect(node.getAttribute?.('style') ?? '').not.toMatch(/display\s*:\s*none|visibility\s*:\s*hidden/);
    expect(node.getAttribute?.('hidden')).toBeUndefined();
  }
  return math;
}

const hardFormulas = [
  ['fraction', '\\frac{a}{b}'],
  ['blackboard bold power', '\\mathbb{R}^n'],
  ['sum with limits', '\\sum_{i=1}^{n} x_i'],
  ['hat', '\\hat{\\beta} = (X^\\top X)^{-1} X^\\top y'],
  ['operatorname', '\\operatorname{argmin}_{\\theta} L(\\theta)'],
  ['set braces', '\\{x : x > 0\\}'],
  ['matrix', '\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}'],
  ['aligned', '\\begin{aligned} a &= b + c \\\\ d &= e \\end{aligned}'],
  ['HTML-special characters', 'a < b > c \\land p \\& q'],
] as const;

describe('renderMath', () => {
  describe.each([
    ['inline', false],
    ['display', true],
  ] as const)('%s', (_mode, displayMode) => {
    test.each(hardFormulas)('%s: MathML with the TeX as annotation, reachable by screen readers', (_name, tex) => {
      const html = renderMath(tex, displayMode);
      const root = parse(html);
      const math = accessibleMath(root);
      if (displayMode) expect(math.getAttribute('display')).toBe('block');
      const annotation = math.querySelector('annotation');
      expect(annotation?.getAttribute('encoding')).toBe('application/x-tex');
      expect(annotation?.textContent).toBe(tex);
      // The visual copy is the one hidden from assistive technology.
      expect(root.querySelector('.katex-html')?.getAttribute('aria-hidden')).toBe('true');
    });
  });

  test('inline math is a span.math-inline', () => {
    const root = parse(renderMath('x^2', false));
    expect(root.childNodes).toHaveLength(1);
    const wrapper = root.firstChild as HTMLElement;
    expect(wrapper.rawTagName).toBe('span');
    expect(wrapper.classList.value).toEqual(['math-inline']);
    expect(wrapper.getAttribute('tabindex')).toBeUndefined();
  });

  test('display math is a named, focusable region that can scroll sideways', () => {
    const root = parse(renderMath('x^2', true));
    expect(root.childNodes).toHaveLength(1);
    const wrapper = root.firstChild as HTMLElement;
    expect(wrapper.rawTagName).toBe('div');
    expect(wrapper.classList.value).toEqual(['math-display']);
    expect(wrapper.getAttribute('role')).toBe('group');
    expect(wrapper.getAttribute('aria-label')).toBe('Equation');
    expect(wrapper.getAttribute('tabindex')).toBe('0');
    expect(wrapper.querySelector('.katex-display')).not.toBeNull();
  });

  test('\\begin{align} works in display mode only, and numbers its rows', () => {
    const tex = '\\begin{align} a &= b \\\\ c &= d \\end{align}';
    const root = parse(renderMath(tex, true));
    const math = accessibleMath(root);
    expect(math.querySelectorAll('mtr')).toHaveLength(2);
    // KaTeX numbers align/equation rows with a CSS counter, "(1)" "(2)"; align* and aligned do not.
    expect(root.querySelectorAll('.eqn-num')).toHaveLength(2);
    expect(parse(renderMath(tex.replaceAll('{align}', '{align*}'), true)).querySelectorAll('.eqn-num')).toHaveLength(0);
    expect(() => renderMath(tex, false)).toThrow('{align} can be used only in display mode');
  });

  test.each([
    ['unbalanced argument', '\\frac{a}', 'Unexpected end of input'],
    ['unknown command', '\\notacommand x', 'Undefined control sequence'],
    ['mismatched environment', '\\begin{pmatrix} 1 \\end{matrix}', 'Mismatch'],
    ['missing superscript', 'x^', 'Expected group'],
    ['non-LaTeX input (strict)', 'é', 'unicodeTextInMathMode'],
    ['a link (trust off)', '\\href{https://example.com}{x}', '\\href is not allowed'],
    ['an image (trust off)', '\\includegraphics{a.png}', '\\includegraphics is not allowed'],
  ])('%s throws, naming the formula', (_name, tex, reason) => {
    expect(() => renderMath(tex, false)).toThrow(`Invalid TeX: "${tex}"`);
    expect(() => renderMath(tex, true)).toThrow(reason);
  });

  test('KaTeX hides its MathML by clipping, never with display:none', () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(require.resolve(MATH_STYLESHEET), 'utf8');
    const rules = css.match(/[^{}]*\.katex-mathml[^{}]*\{[^}]*\}/g) ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).not.toMatch(/display:\s*none|visibility:\s*hidden/);
    expect(rules.join('')).toMatch(/clip-path:inset\(50%\)/);
  });
});

describe('isLiteralDollars (Pandoc rule)', () => {
  test.each([
    ['$x$', '.', false],
    ['$x$', undefined, false],
    ['$\\frac{a}{b}$', ' ', false],
    ['$5 and $', '1', true], // "$5 and $10"
    ['$5. And $', '1', true],
    ['$ x $', ' ', true],
    ['$ x$', ' ', true],
    ['$x $', ' ', true],
    ['$5-$', '1', true], // "$5-$10": the closing dollar is followed by a digit
    ['$x$', '5', true],
    ['$$x^2$$', '1', false], // double dollars are always math
  ])('%s followed by %j is literal: %s', (source, next, literal) => {
    expect(isLiteralDollars(source, next)).toBe(literal);
  });
});

describe('mathPlugin in Markdown', () => {
  test('inline math replaces the code element', () => {
    const html = md('The set $\\{x : x > 0\\}$ is open.');
    expect(html).toMatch(/^<p>The set <span class="math-inline"><span class="katex">/);
    expect(html).not.toContain('language-math');
    expect(html).not.toContain('<code');
    expect(parse(html).querySelector('annotation')?.textContent).toBe('\\{x : x > 0\\}');
  });

  test('display math replaces the whole <pre>', () => {
    const html = md('Before.\n\n$$\n\\sum_{i=1}^{n} x_i\n$$\n\nAfter.');
    expect(html).not.toContain('<pre');
    expect(html).not.toContain('<code');
    const root = parse(html);
    const wrapper = root.querySelector('.math-display');
    expect(wrapper?.parentNode).toBe(root); // a block of its own, not inside a <p> or <pre>
    expect(wrapper?.getAttribute('tabindex')).toBe('0');
    accessibleMath(root);
    expect(html.indexOf('Before.')).toBeLessThan(html.indexOf('math-display'));
    expect(html.indexOf('math-display')).toBeLessThan(html.indexOf('After.'));
  });

  test('the MathML carries no broken xmlns attribute', () => {
    const html = md('$x$\n\n$$\ny\n$$');
    expect(html).not.toMatch(/:xmlns|xmlns=/);
    expect(html).toMatch(/<math><semantics>/);
    expect(html).toMatch(/<math display="block"><semantics>/);
  });

  test('ordinary code blocks and inline code are left alone', () => {
    const html = md('Use `$x$` here.\n\n```python\nprice = "$5 and $10"\n```');
    expect(html).toContain('<code>$x$</code>');
    expect(html).toContain('<pre><code class="language-python">');
    expect(html).not.toContain('katex');
  });

  test('a formula with <, > and & survives as text', () => {
    const html = md('$$\n\\begin{cases} 1 & x < 0 \\\\ 0 & x > 0 \\end{cases}\n$$');
    expect(parse(html).querySelector('annotation')?.textContent).toBe('\\begin{cases} 1 & x < 0 \\\\ 0 & x > 0 \\end{cases}');
  });
});

describe('prices', () => {
  test('Sätteri alone reads "$5 and $10" as the formula "5 and "', () => {
    const { html } = markdownToHtml('It costs $5 and $10.', { features: { math: true } });
    expect(html).toBe('<p>It costs <code class="language-math math-inline">5 and </code>10.</p>\n');
  });

  test.each([
    ['It costs $5 and $10.', '<p>It costs $5 and $10.</p>\n'],
    ['From $5. To $10.', '<p>From $5. To $10.</p>\n'],
    ['Between $5-$10 a month.', '<p>Between $5-$10 a month.</p>\n'],
    ['A lone $5 is never math.', '<p>A lone $5 is never math.</p>\n'],
    ['Escaped \\$5 and \\$10 too.', '<p>Escaped $5 and $10 too.</p>\n'],
  ])('%j stays as written', (source, html) => {
    expect(md(source)).toBe(html);
  });

  test('real math beside a price is still math', () => {
    const html = md('It costs \\$5 per $n$ items.');
    expect(html).toMatch(/^<p>It costs \$5 per <span class="math-inline">/);
  });

  test('in MDX too', () => {
    expect(mdx('It costs $5 and $10.')).toBe('<p>It costs $5 and $10.</p>');
  });
});

describe('mathPlugin in MDX', () => {
  test('TeX braces next to an MDX expression: the math keeps its braces, the expression runs', () => {
    const html = mdx('The set $\\{x : x > 0\\}$ has {1 + 1} ends, and $\\{y\\}$ too.');
    const root = parse(html);
    expect(root.querySelectorAll('.math-inline')).toHaveLength(2);
    expect(root.querySelectorAll('annotation').map((a) => a.textContent)).toEqual(['\\{x : x > 0\\}', '\\{y\\}']);
    expect(root.querySelector('p')?.childNodes.map((n) => n.nodeType === 3 ? n.textContent : '·')).toEqual(['The set ', '·', ' has 2 ends, and ', '·', ' too.']);
  });

  test('display math with braces and alignment, beside JSX', () => {
    const source = 'export const n = 3;\n\n$$\n\\begin{aligned} f(x) &= \\{ x \\} \\\\ g &= h \\end{aligned}\n$$\n\n<p>n is {n}</p>\n';
    const root = parse(mdx(source));
    const wrapper = root.querySelector('div.math-display');
    expect(wrapper?.getAttribute('role')).toBe('group');
    expect(wrapper?.getAttribute('aria-label')).toBe('Equation');
    expect(wrapper?.getAttribute('tabindex')).toBe('0');
    expect(root.querySelector('pre')).toBeNull();
    expect(accessibleMath(root).querySelector('annotation')?.textContent).toBe('\\begin{aligned} f(x) &= \\{ x \\} \\\\ g &= h \\end{aligned}');
    expect(root.querySelectorAll('p').at(-1)?.textContent).toBe('n is 3');
  });

  test('compiles to JSX with no raw HTML node and inline styles as objects', () => {
    const { code } = mdxToJs('$\\frac{a}{b}$ and {1 + 1}', { ...options(), jsx: true, elementAttributeNameCase: 'html' });
    expect(code).toContain('{1 + 1}');
    expect(code).toContain('<_components.annotation encoding="application/x-tex">{"\\\\frac{a}{b}"}</_components.annotation>');
    expect(code).toMatch(/style=\{\{/);
    expect(code).not.toContain(':xmlns');
  });
});

describe('invalid TeX fails the compile', () => {
  test.each([
    ['Markdown inline', 'md', 'Intro.\n\nBad $\\frac{a}$ here.\n', 3],
    ['Markdown display', 'md', 'Intro.\n\n$$\n\\frac{a}\n$$\n', 3],
    ['MDX inline', 'mdx', 'Intro {1}.\n\nBad $\\frac{a}$ here.\n', 3],
    ['MDX display', 'mdx', 'Intro.\n\n\n$$\n\\frac{a}\n$$\n', 4],
  ] as const)('%s: the message names the file, line and formula', (_name, kind, source, line) => {
    const file = `content/posts/broken.${kind}`;
    const compile = () => (kind === 'md' ? md(source, file) : mdxToJs(source, options(file)));
    expect(compile).toThrow(`Invalid TeX in ${file}:${line}: "\\frac{a}" — KaTeX parse error: Unexpected end of input`);
  });

  test('line numbers count frontmatter', () => {
    const source = '---\ntitle: T\n---\n\nText $x^$.\n';
    expect(() => mdxToJs(source, options('content/posts/fm.mdx'))).toThrow('Invalid TeX in content/posts/fm.mdx:5: "x^"');
  });

  test('a formula that needs trust fails instead of rendering in red', () => {
    expect(() => md('See $\\url{https://example.com}$.')).toThrow('\\url is not allowed');
  });
});

describe("output: 'mathml'", () => {
  test.each(hardFormulas)('%s: MathML alone, nothing hidden, TeX annotation kept', (_name, tex) => {
    for (const displayMode of [false, true]) {
      const html = renderMath(tex, displayMode, 'mathml');
      expect(html).not.toContain('katex-html');
      expect(html).not.toContain('aria-hidden');
      const root = parse(html);
      expect(accessibleMath(root).querySelector('annotation')?.textContent).toBe(tex);
    }
  });

  test('the display wrapper is the same focusable, named region', () => {
    const wrapper = parse(renderMath('x', true, 'mathml')).firstChild as HTMLElement;
    expect([wrapper.rawTagName, wrapper.getAttribute('role'), wrapper.getAttribute('aria-label'), wrapper.getAttribute('tabindex')]).toEqual(['div', 'group', 'Equation', '0']);
  });

  // Chromium's MathML Core ignores mathvariant, which would turn ℝ into R.
  test.each([
    ['\\mathbb{R}^n', 'ℝ'],
    ['\\mathbb{E}[X]', '𝔼'],
    ['\\mathbf{1}^\\top w', '𝟏'],
    ['\\mathbf{x}', '𝐱'],
    ['\\boldsymbol{\\beta}', '𝜷'],
    ['\\mathcal{L}', 'ℒ'],
    ['\\mathcal{N}', '𝒩'],
    ['\\mathfrak{g}', '𝔤'],
    ['\\mathsf{A}', '𝖠'],
    ['\\mathbf{\\Gamma}', '𝚪'],
  ])('%s shows %s through Unicode, not mathvariant', (tex, char) => {
    const html = renderMath(tex, false, 'mathml');
    expect(html).toContain(char);
    expect(html).not.toMatch(/<m[in][^>]*mathvariant="(?!normal)/);
    expect(parse(html).querySelector('annotation')?.textContent).toBe(tex);
  });

  test('text keeps its letters and gets CSS; unmappable tokens keep mathvariant; entities are safe', () => {
    expect(renderMath('\\textbf{if} x', false, 'mathml')).toContain('<mtext style="font-weight:bold">if</mtext>');
    expect(renderMath('\\boldsymbol{a + b}', false, 'mathml')).toContain('<mo mathvariant="bold-italic">+</mo>');
    expect(renderMath('\\mathbf{a<b}', false, 'mathml')).toContain('<mi>𝐚</mi><mo>&lt;</mo><mi>𝐛</mi>');
    expect(renderMath('\\operatorname{argmin}', false, 'mathml')).toContain('<mi mathvariant="normal">argmin</mi>');
  });

  test('through the plugin, in Markdown and MDX', () => {
    const plugin = { ...options(), hastPlugins: [mathPlugin({ output: 'mathml' })] };
    const html = markdownToHtml('In $\\mathbb{R}^n$:\n\n$$\n\\{x\\}\n$$', plugin).html;
    expect(html).not.toContain('katex-html');
    expect(html).toContain('ℝ');
    expect(html).toMatch(/<div class="math-display" role="group" aria-label="Equation" tabindex="0"><span class="katex"><math display="block">/);
    const { code } = mdxToJs('In $\\mathbb{R}^n$ and {1 + 1}', { ...plugin, jsx: true });
    expect(code).toContain('{"ℝ"}');
    expect(code).toContain('{1 + 1}');
  });
});

describe('every invalid formula at once (findMathErrors, onError)', () => {
  const fixture = 'tests/fixtures/math/invalid.md';
  const source = readFileSync(fixture, 'utf8');

  test('lists each invalid formula of a file with its line; prices and valid math are not errors', () => {
    expect(findMathErrors(source, fixture).map((problem) => problem.message)).toEqual([
      `Invalid TeX in ${fixture}:8: "\\frac{a}" — KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a}`,
      expect.stringMatching(/^Invalid TeX in tests\/fixtures\/math\/invalid\.md:10: "\\begin\{pmatrix\} 1 & 0 \\end\{matrix\}" — KaTeX parse error: Mismatch/),
      `Invalid TeX in ${fixture}:14: "\\href{https://example.com}{x}" — \\href is not allowed in articles (KaTeX trust is off)`,
    ]);
  });

  test('MDX too', () => {
    const errors = findMathErrors('---\ntitle: x\n---\n\n$\\frac{a}$ and {1 + 1}\n\n$$\n\\sqrt[\n$$\n', 'content/posts/two.mdx');
    expect(errors.map(({ file, line, tex }) => ({ file, line, tex }))).toEqual([
      { file: 'content/posts/two.mdx', line: 5, tex: '\\frac{a}' },
      { file: 'content/posts/two.mdx', line: 7, tex: '\\sqrt[' },
    ]);
    expect(errors[0]?.reason).toMatch(/^KaTeX parse error: /);
  });

  test('a .md body compiled without its frontmatter, as Astro does, still names the file\'s line', () => {
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(body.startsWith('\nA course costs')).toBe(true);
    expect(() => md(body, fixture)).toThrow(`Invalid TeX in ${fixture}:8: "\\frac{a}"`);
  });

  test('onError leaves the formula as Sätteri made it', () => {
    const messages: string[] = [];
    const { html } = markdownToHtml('Bad $x^$ and good $y$.', { ...options(), hastPlugins: [mathPlugin({ onError: (problem) => messages.push(problem.message) })] });
    expect(messages).toEqual([expect.stringContaining('content/posts/example.mdx:1: "x^"')]);
    expect(html).toContain('<code class="language-math math-inline">x^</code>');
    expect(html).toContain('<span class="math-inline">');
  });

  test.each(readdirSync('content/posts').filter((file) => /\.mdx?$/.test(file)))('content/posts/%s has no invalid TeX', (file) => {
    const path = `content/posts/${file}`;
    expect(findMathErrors(readFileSync(path, 'utf8'), path)).toEqual([]);
  });
});
