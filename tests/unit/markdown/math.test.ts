import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeType, type HTMLElement } from 'node-html-parser';
import { parseHtml as parse } from '../../../scripts/lib/dist-audit.ts';
import { evaluate, markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { findMathErrors, isLiteralDollars, mathPlugin, renderMath } from '../../../src/markdown/math/index.ts';

/** The Markdown options astro.config.mjs gives Sätteri, with the math plugins. */
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
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function renderNode(node: Child): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (Array.isArray(node)) return node.map(renderNode).join('');
  if (typeof node !== 'object') return escapeHtml(String(node));
  const { children, ...props } = node.props;
  if (node.type === Fragment) return renderNode(children);
  if (typeof node.type === 'function') return renderNode((node.type as (p: unknown) => Child)(node.props));
  const attributes = Object.entries(props)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<${String(node.type)}${attributes}>${renderNode(children)}</${String(node.type)}>`;
}
/** Evaluates an MDX document with math and returns its HTML. */
function mdx(source: string, file?: string): string {
  const module = evaluate(source, {
    ...options(file),
    Fragment,
    jsx,
    jsxs: jsx,
    elementAttributeNameCase: 'html',
  }) as Record<string, unknown>;
  const Content = module['default'] as (props: object) => Child;
  return renderNode(Content({}));
}

/** The one `<math>` element, checked to be reachable by assistive technology. */
function accessibleMath(root: HTMLElement): HTMLElement {
  const maths = root.querySelectorAll('math');
  expect(maths).toHaveLength(1);
  const math = maths[0]!;
  for (let node: HTMLElement | null = math; node; node = node.parentNode) {
    expect(node.getAttribute?.('aria-hidden'), `aria-hidden on <${node.rawTagName}> above the MathML`).toBeUndefined();
    expect(node.getAttribute?.('hidden')).toBeUndefined();
  }
  return math;
}

const html = (tex: string, display = true) => renderMath(tex, display).html;
const root = (tex: string, display = true) => parse(html(tex, display));
/** Class lists of the cells of the first table row, for alignment checks. */
const cellClasses = (tex: string) =>
  root(tex)
    .querySelector('mtr')!
    .querySelectorAll('mtd')
    .map((cell) => cell.classList.value);

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
  ['colour', '\\color{red} x + \\colorbox{yellow}{y}'],
  ['boxed and cancelled', '\\boxed{x} + \\cancel{y}'],
] as const;

describe('renderMath', () => {
  describe.each([
    ['inline', false],
    ['display', true],
  ] as const)('%s', (_mode, display) => {
    test.each(hardFormulas)('%s: MathML with the TeX as annotation, and no style attribute', (_name, tex) => {
      const output = html(tex, display);
      expect(output).not.toMatch(/\sstyle=/);
      const math = accessibleMath(parse(output));
      if (display) expect(math.getAttribute('display')).toBe('block');
      const annotation = math.querySelector('annotation');
      expect(annotation?.getAttribute('encoding')).toBe('application/x-tex');
      expect(annotation?.textContent).toBe(tex);
      expect(math.querySelector('semantics')?.firstChild).toBe(math.querySelector('semantics > *:first-child'));
    });
  });

  test('inline math is a span.math-inline, not a tab stop', () => {
    const wrapper = root('x^2', false).firstChild as HTMLElement;
    expect(wrapper.rawTagName).toBe('span');
    expect(wrapper.classList.value).toEqual(['math-inline']);
    expect(wrapper.getAttribute('tabindex')).toBeUndefined();
  });

  test('display math is a named, focusable region that can scroll sideways', () => {
    const wrapper = root('x^2').firstChild as HTMLElement;
    expect([
      wrapper.rawTagName,
      wrapper.classList.value,
      wrapper.getAttribute('role'),
      wrapper.getAttribute('aria-label'),
      wrapper.getAttribute('tabindex'),
    ]).toEqual(['div', ['math-display'], 'group', 'Equation', '0']);
  });

  test('long inline math keeps its annotation and gets break points that wrap', () => {
    const tex = 'a = b + c + d - e \\le f';
    const math = root(tex, false).querySelector('math')!;
    const row = math.querySelector('semantics > mrow')!;
    expect(row.classList.contains('tml-wrap')).toBe(true);
    expect(row.childNodes.length).toBeGreaterThan(1); // one piece per break point
    expect(math.querySelector('annotation')?.textContent).toBe(tex);
    expect(root('x', false).querySelector('.tml-wrap')).toBeNull(); // nothing to break
  });

  // Chromium implements MathML Core, which ignores mathvariant: letters must be Unicode's.
  test.each([
    ['\\mathbb{R}^n', 'ℝ'],
    ['\\mathbb{E}[X]', '𝔼'],
    ['\\mathbf{1}^\\top w', '𝟏'],
    ['\\mathbf{x}', '𝐱'],
    ['\\boldsymbol{\\beta}', '𝜷'],
    ['\\mathcal{N}', '𝒩'],
    ['\\mathfrak{g}', '𝔤'],
    ['\\mathsf{A}', '𝖠'],
    ['\\mathbf{\\Gamma}', '𝚪'],
  ])('%s shows %s through Unicode, not mathvariant', (tex, char) => {
    const output = html(tex, false);
    expect(output).toContain(char);
    expect(output).not.toMatch(/<m[in][^>]*mathvariant="(?!normal)/);
  });

  describe('layout as classes of src/styles/math.css', () => {
    test('aligned: right-aligned then left-aligned columns, no space between the pair', () => {
      expect(cellClasses('\\begin{aligned} a &= b \\\\ cc &= d \\end{aligned}')).toEqual([
        ['tml-right', 'tml-pl-0', 'tml-pr-0'],
        ['tml-left', 'tml-pl-0', 'tml-pr-0'],
      ]);
    });

    test('cases: left-aligned columns, 1em before the condition', () => {
      expect(cellClasses('\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}')).toEqual([
        ['tml-left', 'tml-pl-0', 'tml-pr-0'],
        ['tml-left', 'tml-pl-1', 'tml-pr-0'],
      ]);
    });

    test('array: the column spec sets alignment and rules', () => {
      const cells = cellClasses('\\begin{array}{l|cr} a & b & c \\end{array}');
      expect(cells[0]).toEqual(expect.arrayContaining(['tml-left', 'tml-br-solid']));
      expect(cells[1]?.some((name) => name === 'tml-left' || name === 'tml-right')).toBe(false); // centred
      expect(cells[2]).toContain('tml-right');
      expect(cellClasses('\\begin{array}{cc} \\hline a & b \\end{array}')[0]).toContain('tml-bt-solid');
    });

    test("matrices: centred cells with TeX's column spacing", () => {
      expect(cellClasses('\\begin{pmatrix} a & b \\end{pmatrix}')).toEqual([
        ['tml-pl-0', 'tml-pr-col'],
        ['tml-pl-col', 'tml-pr-0'],
      ]);
    });

    test('\\arraystretch from 1.1 to 3 in tenths; other values are refused with the fix', () => {
      expect(
        root('\\def\\arraystretch{1.5}\\begin{array}{c} a \\\\ b \\end{array}')
          .querySelector('mtd')
          ?.classList.contains('tml-stretch-15'),
      ).toBe(true);
      expect(() => renderMath('\\def\\arraystretch{1.55}\\begin{array}{c} a \\end{array}', true)).toThrow(
        '\\arraystretch must be a number from 1.1 to 3 in steps of 0.1',
      );
    });

    test('\\boxed, \\cancel and negative kerns', () => {
      expect(root('\\boxed{x}').querySelector('.tml-boxed.tml-border')).not.toBeNull();
      expect(root('\\cancel{x}').querySelector('menclose .tml-cancel.upstrike')).not.toBeNull();
      expect(root('a\\!b').querySelector('.tml-kern-3')).not.toBeNull();
    });

    test.each([
      ['\\color{red}{x}', 'tml-c-red'],
      ['\\textcolor{blue}{x}', 'tml-c-blue'],
      ['\\color{#1e90ff} x', 'tml-c-blue'],
      ['\\color{teal} x', 'tml-c-teal'],
      ['\\color{gray} x', 'tml-c-muted'],
      ['\\color{black} x', 'tml-c-fg'],
      ['\\colorbox{yellow}{x}', 'tml-bg-yellow'],
    ])('%s is drawn in the site palette as %s', (tex, className) => {
      const output = html(tex, false);
      expect(output).toContain(className);
      expect(output).not.toMatch(/mathbackground|mathcolor|\sstyle=/);
    });
  });

  test('no space around relations and operators in scripts, as TeX sets them', () => {
    const math = root('\\sum_{i=1}^{n} x_{t+1} = y');
    const [equals, plus, outside] = math.querySelectorAll('mo').filter((mo) => ['=', '+'].includes(mo.textContent));
    expect([equals?.getAttribute('lspace'), equals?.getAttribute('rspace')]).toEqual(['0em', '0em']); // i=1
    expect(plus?.getAttribute('lspace')).toBe('0em'); // t+1
    expect(outside?.getAttribute('lspace')).toBeUndefined(); // … = y keeps its space
  });

  describe("editors' TeX, accepted as MathJax-based blogs accept it", () => {
    test.each([
      ['f’(x)', '′', "f'(x)"],
      ['\\text{feature_name}', 'feature_name', '\\text{feature\\_name}'],
      ['Q^\\vec{\\mu}', 'μ', 'Q^{\\vec{\\mu}}'],
      ['x^\\frac12', '1', 'x^{\\frac12}'],
    ])('%s', (tex, shown, annotated) => {
      const math = root(tex, false).querySelector('math')!;
      expect(math.querySelector('semantics > mrow')?.textContent).toContain(shown);
      expect(math.querySelector('annotation')?.textContent).toBe(annotated);
    });

    test('an apostrophe inside \\text stays an apostrophe', () => {
      expect(root('\\text{Bayes’ rule}', false).querySelector('mtext')?.textContent).toBe('Bayes’\u00a0rule'); // a space in \\text is a no-break space
    });
  });

  test.each([
    [
      'unbalanced argument',
      '\\frac{a}',
      "Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a} (a { has no closing }; for a literal brace write \\{)",
    ],
    [
      'unknown command',
      '\\notacommand x',
      'Unsupported function name: \\notacommand (\\notacommand is not a command the site knows: check its spelling, or write words inside \\text{…})',
    ],
    [
      'mismatched environment',
      '\\begin{pmatrix} 1 \\end{matrix}',
      'Mismatch: \\begin{pmatrix} matched by \\end{matrix} (every \\begin{…} needs the \\end{…} with the same name)',
    ],
    ['double subscript', 'x_1_2', 'Double subscript (write x_{1,2} or {x_1}_2)'],
    [
      '& outside an environment',
      'a & b',
      "Expected 'EOF', got '&' (& separates columns only inside an environment such as \\begin{aligned}…\\end{aligned})",
    ],
    ['a link', '\\href{https://example.com}{x}', 'links and images cannot be part of a formula'],
    ['an image', '\\includegraphics{a.png}', 'links and images cannot be part of a formula'],
    ['\\tag in inline math', 'x \\tag{1}', 'put the formula on its own lines between $$ and $$ to number it'],
    [
      '\\label in inline math',
      'x \\label{eq:x}',
      '\\label names a numbered equation, so it works only in display math',
    ],
  ])('%s is refused with the change that fixes it', (_name, tex, reason) => {
    expect(() => renderMath(tex, false)).toThrow(`Invalid TeX: "${tex}" — `);
    expect(() => renderMath(tex, false)).toThrow(reason);
  });
});

describe('equation numbers', () => {
  test('\\tag puts its text at the right margin, in a cell of its own', () => {
    const math = root('E = mc^2 \\tag{A}');
    const row = math.querySelector('mtr')!;
    expect(row.querySelectorAll('mtd').at(-1)?.querySelector('.math-number')?.textContent).toBe('(A)');
    expect(math.querySelector('mtable')?.classList.contains('tml-w-full')).toBe(true);
    expect(math.firstChild).toBeTruthy();
    expect((math.firstChild as HTMLElement).getAttribute('aria-label')).toBe('Equation (A)');
  });

  test('a \\label numbers a display formula, from the number given', () => {
    const rendered = renderMath('a = b \\label{eq:first}', true, { firstNumber: 4 });
    expect(rendered.labels).toEqual([{ label: 'eq:first', id: 'eq-first', number: '4' }]);
    expect(rendered.numbered).toBe(1);
    const row = parse(rendered.html).querySelector('mtr#eq-first');
    expect(row?.querySelector('.math-number')?.textContent).toBe('(4)');
  });

  test('align numbers every row but \\notag ones; a label names its own row', () => {
    const rendered = renderMath(
      '\\begin{align} a &= b \\\\ c &= d \\label{eq:second} \\\\ e &= f \\notag \\\\ g &= h \\tag{*} \\end{align}',
      true,
    );
    const rows = parse(rendered.html).querySelectorAll('mtr');
    expect(rows.map((row) => row.querySelector('.math-number')?.textContent ?? '')).toEqual(['(1)', '(2)', '', '(*)']);
    expect(rows[1]?.getAttribute('id')).toBe('eq-second');
    expect(rendered.labels).toEqual([{ label: 'eq:second', id: 'eq-second', number: '2' }]);
    expect(rendered.numbered).toBe(2);
  });

  test('equation around aligned: one number, and a label inside the rows names it', () => {
    const rendered = renderMath(
      '\\begin{equation} \\begin{aligned} a &= b \\label{eq:x} \\\\ &= c \\end{aligned} \\end{equation}',
      true,
    );
    expect(rendered.labels).toEqual([{ label: 'eq:x', id: 'eq-x', number: '1' }]);
    expect(
      parse(rendered.html)
        .querySelectorAll('.math-number')
        .map((n) => n.textContent),
    ).toEqual(['(1)']);
  });

  test('starred forms and plain display math are not numbered', () => {
    for (const tex of [
      '\\begin{align*} a &= b \\\\ c &= d \\end{align*}',
      'a = b',
      '\\begin{gather*} a \\\\ b \\end{gather*}',
    ]) {
      const rendered = renderMath(tex, true);
      expect(rendered.numbered).toBe(0);
      expect(rendered.html).not.toContain('math-number');
    }
  });

  test('a label in an unnumbered row is refused', () => {
    expect(() => renderMath('\\begin{align} a &= b \\label{eq:y} \\notag \\end{align}', true)).toThrow(
      '\\label{eq:y} is in a row that has no number',
    );
  });

  test('\\eqref and \\ref are links, left empty for the post to number', () => {
    const inside = root('\\text{by } \\eqref{eq:adam}', false).querySelector('mtext > a.eqref');
    expect(inside?.getAttribute('href')).toBe('#eq-adam');
    const lone = renderMath('\\ref{eq:adam}', false);
    expect(lone.html).toBe('<a class="eqref" href="#eq-adam" data-eqref="eq:adam" data-eqref-kind="ref"></a>');
    expect(lone.references).toEqual([{ kind: 'ref', label: 'eq:adam' }]);
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
    const output = md('The set $\\{x : x > 0\\}$ is open.');
    expect(output).toMatch(/^<p>The set <span class="math-inline"><math>/);
    expect(output).not.toContain('<code');
    expect(parse(output).querySelector('annotation')?.textContent).toBe('\\{x : x > 0\\}');
  });

  test('display math replaces the whole <pre>, as a block of its own', () => {
    const output = md('Before.\n\n$$\n\\sum_{i=1}^{n} x_i\n$$\n\nAfter.');
    expect(output).not.toContain('<pre');
    const page = parse(output);
    expect(page.querySelector('.math-display')?.parentNode).toBe(page);
    expect(output.indexOf('Before.')).toBeLessThan(output.indexOf('math-display'));
    expect(output.indexOf('math-display')).toBeLessThan(output.indexOf('After.'));
  });

  test('the MathML carries no xmlns attribute and no style', () => {
    const output = md('$x$\n\n$$\n\\begin{cases} 1 & x < 0 \\\\ 0 & x > 0 \\end{cases}\n$$');
    expect(output).not.toMatch(/:xmlns|xmlns=|\sstyle=/);
    expect(parse(output).querySelectorAll('annotation')[1]?.textContent).toBe(
      '\\begin{cases} 1 & x < 0 \\\\ 0 & x > 0 \\end{cases}',
    );
  });

  test('ordinary code blocks and inline code are left alone', () => {
    const output = md('Use `$x$` here.\n\n```python\nprice = "$5 and $10"\n```');
    expect(output).toContain('<code>$x$</code>');
    expect(output).toContain('<pre><code class="language-python">');
    expect(output).not.toContain('<math');
  });

  test('a page with math says so in its frontmatter; a page without does not', () => {
    const data = (source: string) => {
      const astro = {
        frontmatter: {} as Record<string, unknown>,
        headings: [],
        localImagePaths: new Set<string>(),
        remoteImagePaths: new Set<string>(),
      };
      markdownToHtml(source, { ...options(), data: { astro } });
      return { astro };
    };
    expect(data('Mass $m$.').astro.frontmatter['hasMath']).toBe(true);
    expect(data('It costs $5 and $10.').astro.frontmatter['hasMath']).toBeUndefined();
  });
});

describe('equation references in a post', () => {
  const post = [
    'As $\\eqref{eq:loss}$ shows, and again in $\\text{see } \\ref{eq:step}$:',
    '',
    '$$',
    'L = \\sum_i \\ell_i \\label{eq:loss}',
    '$$',
    '',
    '$$',
    '\\begin{align} a &= b \\\\ \\theta &\\gets \\theta - \\eta g \\label{eq:step} \\end{align}',
    '$$',
    '',
    'Step $\\eqref{eq:step}$ follows $\\eqref{eq:loss}$.',
  ].join('\n');

  test('numbers in order of appearance; references, even before the equation, link to it', () => {
    const page = parse(md(post));
    expect(page.querySelectorAll('.math-number').map((n) => n.textContent)).toEqual(['(1)', '(2)', '(3)']);
    const links = page.querySelectorAll('a.eqref');
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#eq-loss', '(1)'],
      ['#eq-step', '3'],
      ['#eq-step', '(3)'],
      ['#eq-loss', '(1)'],
    ]);
    for (const link of links) expect(page.querySelector(link.getAttribute('href')!.replace(':', '\\:'))).not.toBeNull();
    expect(links.every((a) => a.getAttribute('data-eqref') === undefined)).toBe(true);
  });

  test('in MDX too', () => {
    const page = parse(mdx(post));
    expect(page.querySelectorAll('a.eqref').map((a) => a.textContent)).toEqual(['(1)', '3', '(3)', '(1)']);
  });

  test('each post numbers from 1', () => {
    expect(parse(md('$$\nx \\label{eq:a}\n$$')).querySelector('.math-number')?.textContent).toBe('(1)');
    expect(parse(md('$$\ny \\label{eq:b}\n$$')).querySelector('.math-number')?.textContent).toBe('(1)');
  });

  test('a reference to no label, or a label used twice, fails the compile naming the line', () => {
    expect(() => md('Intro.\n\nSee $\\eqref{eq:none}$.', 'content/posts/r.md')).toThrow(
      'Equation reference in content/posts/r.md:3: "\\eqref{eq:none}" — \\eqref{eq:none} refers to no equation (no equation of this post has a \\label)',
    );
    expect(() => md('$$\na \\label{eq:a}\n$$\n\n$$\nb \\label{eq:a}\n$$')).toThrow(
      '\\label{eq:a} is used twice in this post (give each equation its own name)',
    );
  });
});

describe('prices', () => {
  test('Sätteri alone reads "$5 and $10" as the formula "5 and "', () => {
    const { html: output } = markdownToHtml('It costs $5 and $10.', { features: { math: true } });
    expect(output).toBe('<p>It costs <code class="language-math math-inline">5 and </code>10.</p>\n');
  });

  test.each([
    ['It costs $5 and $10.', '<p>It costs $5 and $10.</p>\n'],
    ['From $5. To $10.', '<p>From $5. To $10.</p>\n'],
    ['Between $5-$10 a month.', '<p>Between $5-$10 a month.</p>\n'],
    ['A lone $5 is never math.', '<p>A lone $5 is never math.</p>\n'],
    ['Escaped \\$5 and \\$10 too.', '<p>Escaped $5 and $10 too.</p>\n'],
  ])('%j stays as written', (source, expected) => {
    expect(md(source)).toBe(expected);
  });

  test('real math beside a price is still math', () => {
    expect(md('It costs \\$5 per $n$ items.')).toMatch(/^<p>It costs \$5 per <span class="math-inline">/);
  });

  test('in MDX too', () => {
    expect(mdx('It costs $5 and $10.')).toBe('<p>It costs $5 and $10.</p>');
  });
});

describe('mathPlugin in MDX', () => {
  test('TeX braces next to an MDX expression: the math keeps its braces, the expression runs', () => {
    const page = parse(mdx('The set $\\{x : x > 0\\}$ has {1 + 1} ends, and $\\{y\\}$ too.'));
    expect(page.querySelectorAll('annotation').map((a) => a.textContent)).toEqual(['\\{x : x > 0\\}', '\\{y\\}']);
    expect(
      page.querySelector('p')?.childNodes.map((n) => (n.nodeType === NodeType.TEXT_NODE ? n.textContent : '·')),
    ).toEqual(['The set ', '·', ' has 2 ends, and ', '·', ' too.']);
  });

  test('display math with braces and alignment, beside JSX', () => {
    const source =
      'export const n = 3;\n\n$$\n\\begin{aligned} f(x) &= \\{ x \\} \\\\ g &= h \\end{aligned}\n$$\n\n<p>n is {n}</p>\n';
    const page = parse(mdx(source));
    expect(page.querySelector('div.math-display')?.getAttribute('tabindex')).toBe('0');
    expect(page.querySelector('pre')).toBeNull();
    expect(accessibleMath(page).querySelector('annotation')?.textContent).toBe(
      '\\begin{aligned} f(x) &= \\{ x \\} \\\\ g &= h \\end{aligned}',
    );
    expect(page.querySelectorAll('p').at(-1)?.textContent).toBe('n is 3');
  });

  test('compiles to JSX with no raw HTML node and no style', () => {
    const { code } = mdxToJs('$\\frac{a}{b}$ and $\\begin{pmatrix} a \\end{pmatrix}$ and {1 + 1}', {
      ...options(),
      jsx: true,
      elementAttributeNameCase: 'html',
    });
    expect(code).toContain('{1 + 1}');
    expect(code).toContain(
      '<_components.annotation encoding="application/x-tex">{"\\\\frac{a}{b}"}</_components.annotation>',
    );
    expect(code).not.toMatch(/style=|:xmlns/);
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
    expect(compile).toThrow(`Invalid TeX in ${file}:${line}: "\\frac{a}" — Unexpected end of input`);
  });

  test('line numbers count frontmatter', () => {
    expect(() => mdxToJs('---\ntitle: T\n---\n\nText $x^$.\n', options('content/posts/fm.mdx'))).toThrow(
      'Invalid TeX in content/posts/fm.mdx:5: "x^"',
    );
  });
});

describe('every problem at once (findMathErrors, onError)', () => {
  const fixture = 'tests/fixtures/math/invalid.md';
  const source = readFileSync(fixture, 'utf8');

  test('lists each invalid formula of a file with its line; prices and valid math are not errors', () => {
    expect(findMathErrors(source, fixture).map((problem) => problem.message)).toEqual([
      `Invalid TeX in ${fixture}:8: "\\frac{a}" — Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a} (a { has no closing }; for a literal brace write \\{)`,
      expect.stringMatching(
        /^Invalid TeX in tests\/fixtures\/math\/invalid\.md:10: "\\begin\{pmatrix\} 1 & 0 \\end\{matrix\}" — Mismatch/,
      ),
      `Invalid TeX in ${fixture}:14: "\\href{https://example.com}{x}" — Unsupported function name: \\href (links and images cannot be part of a formula: put a Markdown link or image next to it)`,
    ]);
  });

  test('labels and references: line and column of the \\label or \\eqref', () => {
    const post =
      '---\ntitle: x\n---\n\nSee $\\eqref{eq:nope}$.\n\n$$\na \\label{eq:a}\n$$\n\n$$\nb = c \\label{eq:a}\n$$\n';
    expect(
      findMathErrors(post, 'content/posts/refs.mdx').map(({ line, column, reason }) => ({ line, column, reason })),
    ).toEqual([
      { line: 5, column: 6, reason: '\\eqref{eq:nope} refers to no equation (labels in this post: eq:a)' },
      { line: 12, column: 7, reason: '\\label{eq:a} is used twice in this post (give each equation its own name)' },
    ]);
  });

  test("a .md body compiled without its frontmatter, as Astro does, still names the file's line", () => {
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(body.startsWith('\nA course costs')).toBe(true);
    expect(() => md(body, fixture)).toThrow(`Invalid TeX in ${fixture}:8: "\\frac{a}"`);
  });

  test('onError leaves the formula as Sätteri made it', () => {
    const messages: string[] = [];
    const { html: output } = markdownToHtml('Bad $x^$ and good $y$.', {
      ...options(),
      hastPlugins: [mathPlugin({ onError: (problem) => messages.push(problem.message) })],
    });
    expect(messages).toEqual([expect.stringContaining('content/posts/example.mdx:1: "x^"')]);
    expect(output).toContain('<code class="language-math math-inline">x^</code>');
    expect(output).toContain('<span class="math-inline">');
  });

  test.each(readdirSync('content/posts').filter((file) => /\.mdx?$/.test(file)))(
    'content/posts/%s has no invalid TeX',
    (file) => {
      const path = `content/posts/${file}`;
      expect(findMathErrors(readFileSync(path, 'utf8'), path)).toEqual([]);
    },
  );
});
