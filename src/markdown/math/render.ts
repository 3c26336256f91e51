/**
 * TeX to MathML with Temml, a TeX-to-MathML-Core converter: what Chromium, Firefox and Safari
 * lay out alike, with no script and no HTML rendering beside it.
 *
 * Chosen over KaTeX's MathML (measured on the same formulas: docs/math.md): KaTeX writes MathML
 * 3 attributes that MathML Core browsers ignore (`columnalign`, `columnspacing`, `rowspacing`,
 * `<menclose>`, `<mlabeledtr>`), so in Chromium every aligned column was centred, `\boxed` and
 * `\cancel` vanished and `\tag` lost its place. Temml writes the layout as CSS instead; this
 * module turns that CSS into classes (see ./styles.ts), because the site's CSP allows no style
 * attribute.
 *
 * Also here: equation numbers. Rows of `equation`, `align`, `gather`, `alignat` and `multline`
 * are numbered as amsmath numbers them (not the starred forms; `\notag` opts a row out), a
 * display formula with a `\label` gets the next number, `\tag{…}` sets one by hand. Numbers are
 * written into the page, not drawn by CSS counters, so they are text for search, copy and
 * screen readers. `\eqref`/`\ref` become placeholders that ./plugin.ts fills once the whole
 * post has been read (a reference may come before its equation).
 */
import temml from 'temml';
import { correctNode } from './corrections.ts';
import { styleToClasses } from './styles.ts';
import { explainTexError, normalizeTex } from './tex.ts';
import { hasClass, markup, textNode, walk, type TreeNode } from './tree.ts';

/** A formula the renderer refused; `reason` is written for the editor. */
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

/** An equation that a `\label` names. */
export interface LabelledEquation {
  /** As written in `\label{…}`, e.g. "eq:adam". */
  label: string;
  /** The id of its row in the page (see {@link equationId}). */
  id: string;
  /** What `\ref` shows: "3", or the text of its `\tag`. */
  number: string;
}

/** An `\eqref{…}` or `\ref{…}` in a formula. */
export interface EquationReference {
  label: string;
  /** `eqref` shows "(3)", `ref` shows "3". */
  kind: 'eqref' | 'ref';
}

/** What {@link renderMath} made of one formula. */
export interface RenderedMath {
  html: string;
  /** Labelled equations of this formula, in order. */
  labels: LabelledEquation[];
  references: EquationReference[];
  /** Equation numbers this formula used up: the next formula starts after them. */
  numbered: number;
}

export interface RenderOptions {
  /** The number the first numbered equation of this formula gets (1 for a post's first). */
  firstNumber?: number;
}

/** The page id of the equation labelled `label`: "eq:adam" → "eq-adam", "adam" → "eq-adam". */
export function equationId(label: string): string {
  return `eq-${label.replace(/^eq:/, '').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Placeholder attributes for a reference, filled by the plugin when the post is complete. */
export const REFERENCE_ATTRIBUTE = 'data-eqref';
export const REFERENCE_KIND_ATTRIBUTE = 'data-eqref-kind';

/** A whole inline formula that is only `\eqref{…}` or `\ref{…}`: a link in the text, not math. */
const LONE_REFERENCE = /^\s*\\(eqref|ref)\s*\{([^{}]*)\}\s*$/;

/** The link HTML for a reference, empty until the plugin writes the number into it. */
export function referencePlaceholder({ label, kind }: EquationReference): string {
  return `<a class="eqref" href="#${escapeAttribute(equationId(label))}" ${REFERENCE_ATTRIBUTE}="${escapeAttribute(label)}" ${REFERENCE_KIND_ATTRIBUTE}="${kind}"></a>`;
}

const NUMBERED_ENVIRONMENT = /\\begin\s*\{(equation|align|alignat|gather|multline|flalign)\}/;
const LABEL = /\\label\s*\{([^{}]*)\}/g;
const REFERENCE = /\\(eqref|ref)\s*\{([^{}]*)\}/g;
const NUMBER_PLACEHOLDER = 'tmlnumber';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The number cell of a row: Temml's auto-number span or a `\tag` text, outside nested tables. */
function rowNumber(node: TreeNode): { node: TreeNode; auto: boolean } | undefined {
  if (hasClass(node, 'tml-eqn')) return { node, auto: true };
  if (node.type === 'mtext' && hasClass(node, 'tml-tag')) return { node, auto: false };
  if (!Array.isArray(node.children)) return undefined;
  for (const child of node.children) {
    if (child.type === 'mtable') continue; // an inner aligned or matrix has rows of its own
    const found = rowNumber(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * One formula as HTML: MathML with the TeX as its annotation, in `<span class="math-inline">`
 * or, for display math, in a focusable, named region `<div class="math-display">` that scrolls
 * sideways when the formula is wider than the column. Throws a {@link MathError} for TeX the
 * renderer refuses, for commands that need trust (`\href`, `\includegraphics`…) and for layout
 * the stylesheet cannot draw.
 */
/** At most this many formulas are kept (a few MB); past it, the oldest go first. */
const MEMO_SIZE = 20_000;
const memo = new Map<string, RenderedMath | MathError>();

/**
 * {@link typesetMath}, once per formula, numbering and display mode in a build process: the same
 * formula recurs across posts (and the content check renders every formula the build renders
 * again). A formula Temml refuses is remembered as its error.
 */
export function renderMath(written: string, display: boolean, options: RenderOptions = {}): RenderedMath {
  const key = `${display ? 'D' : 'I'}${options.firstNumber ?? 1}\0${written}`;
  let result = memo.get(key);
  if (result === undefined) {
    try {
      result = typesetMath(written, display, options);
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      result = error;
    }
    memo.set(key, result);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  if (result instanceof MathError) throw result;
  return { ...result, labels: [...result.labels], references: [...result.references] };
}

/** Labels and references renamed to markers Temml keeps (it strips ":" from names), to match back after rendering. */
function markLabels(tex: string, display: boolean, written: string) {
  const labelNames: string[] = [];
  const references: EquationReference[] = [];
  let prepared = tex
    .replace(LABEL, (_whole, name: string) => `\\label{tmllabel${labelNames.push(name.trim()) - 1}}`)
    .replace(
      REFERENCE,
      (_whole, kind: string, name: string) =>
        `\\${kind}{tmlref${references.push({ kind: kind as EquationReference['kind'], label: name.trim() }) - 1}}`,
    );
  if (labelNames.length > 0 && !display)
    throw new MathError(
      written,
      '\\label names a numbered equation, so it works only in display math (between $$ and $$)',
    );
  if (display && labelNames.length > 0 && !NUMBERED_ENVIRONMENT.test(tex) && !/\\tag\b/.test(tex)) {
    prepared += ` \\tag{${NUMBER_PLACEHOLDER}}`;
  }
  return { prepared, labelNames, references };
}

/** Temml's MathML tree of `prepared`, or the editor's error: TeX it cannot parse, or a command articles may not use. */
function parseTex(prepared: string, display: boolean, written: string): TreeNode {
  const untrusted: string[] = [];
  let math: TreeNode;
  try {
    math = temml.__renderToMathMLTree(prepared, {
      displayMode: display,
      annotate: display, // inline math is annotated below, around its line-break points
      wrap: display ? 'none' : 'tex',
      throwOnError: true,
      // The same as `trust: false`, but collecting the commands, so the formula is refused
      // instead of showing a red command name in the page.
      trust: (context: { command: string }) => {
        untrusted.push(context.command);
        return false;
      },
    }) as TreeNode;
  } catch (error) {
    throw new MathError(written, explainTexError(error instanceof Error ? error.message : String(error)));
  }
  if (untrusted.length > 0) {
    throw new MathError(
      written,
      `${[...new Set(untrusted)].join(', ')} is not allowed in articles (for a link, put a Markdown link next to the formula)`,
    );
  }
  return math;
}

/** A numbered row's number: flush right, as LaTeX sets it (Temml centres it in its cell), and counted. */
function numberRow(node: TreeNode, numbers: Map<TreeNode, string>, next: number): number {
  const cell = rowNumber(node);
  const numberCell = cell && node.children?.find((child) => child.type === 'mtd' && rowNumber(child) !== undefined);
  if (numberCell)
    numberCell.classes = [...(numberCell.classes ?? []).filter((name) => name !== 'tml-left'), 'tml-right'];
  if (cell?.auto) {
    const text = String(next++);
    numbers.set(node, text);
    cell.node.classes = ['math-number'];
    cell.node.children = [textNode(`(${text})`)];
  } else if (cell) {
    const tag = cell.node.children?.map((child) => child.toMarkup()).join('') ?? '';
    const number = tag === `(${NUMBER_PLACEHOLDER})` ? String(next++) : tag.replace(/^\((.*)\)$/s, '$1');
    numbers.set(node, number);
    if (tag === `(${NUMBER_PLACEHOLDER})`) cell.node.children = [textNode(`(${number})`)];
    cell.node.classes = [...(cell.node.classes ?? []), 'math-number'];
  }
  if (node.attributes?.['id']?.startsWith('tmllabel')) delete node.attributes['id'];
  return next;
}

/**
 * Every node corrected and given classes instead of styles; rows numbered from `firstNumber`;
 * labels given their rows' ids; references turned into links.
 */
function finishTree(
  math: TreeNode,
  written: string,
  firstNumber: number,
  { labelNames, references }: ReturnType<typeof markLabels>,
) {
  const labels: LabelledEquation[] = [];
  let next = firstNumber;
  const numbers = new Map<TreeNode, string>();
  for (const [node, ancestors] of walk(math)) {
    correctNode(node, ancestors);
    const refused = styleToClasses(node, written);
    if (refused) throw new MathError(written, refused);
    if (node.type === 'mtr') next = numberRow(node, numbers, next);
    if (hasClass(node, 'tml-label') && node.label?.startsWith('tmllabel')) {
      const label = labelNames[Number(node.label.slice('tmllabel'.length))]!;
      const row = [...ancestors].reverse().find((ancestor) => numbers.has(ancestor));
      if (!row)
        throw new MathError(
          written,
          `\\label{${label}} is in a row that has no number (remove \\notag, or use align rather than align*)`,
        );
      const id = equationId(label);
      row.attributes = { ...row.attributes, id };
      labels.push({ label, id, number: numbers.get(row)! });
    }
    if (node.href?.startsWith('#tmlref')) {
      // An HTML link inside <mtext>, where HTML may sit in MathML: a real, focusable link.
      const link = referencePlaceholder(references[Number(node.href.slice('#tmlref'.length))]!);
      node.children = [];
      node.toMarkup = () => `<mtext>${link}</mtext>`;
    }
  }
  return { labels, numbers, numbered: next - firstNumber };
}

/** The TeX as the formula's annotation, for copying and for screen readers that read it. */
function annotate(math: TreeNode, tex: string, display: boolean): void {
  if (!display) {
    // Temml leaves inline math unannotated when it marks line breaks; the annotation is put
    // back around the break points, which stay an inline-flex row that wraps (math.css).
    // Break points arrive as a fragment (a node without a type) of rows, one per piece.
    const only = math.children?.length === 1 ? math.children[0] : undefined;
    const pieces =
      (only && only.type === undefined && Array.isArray(only.children) ? only.children : math.children) ?? [];
    const row: TreeNode = {
      type: 'mrow',
      children: pieces,
      classes: pieces.length > 1 ? ['tml-wrap'] : [],
      toMarkup: () => markup(row),
    };
    const annotation: TreeNode = {
      toMarkup: () => `<annotation encoding="application/x-tex">${textNode(tex).toMarkup()}</annotation>`,
    };
    const semantics: TreeNode = { type: 'semantics', children: [row, annotation], toMarkup: () => markup(semantics) };
    math.children = [semantics];
    return;
  }
  for (const [node] of walk(math)) {
    if (node.type === 'annotation') node.children = [textNode(tex)];
    // A numbered equation's table spans the column, so the number sits at the right margin;
    // <math> and its <semantics> are CSS blocks there, for the table's width to count (math.css).
    if (node.type === 'semantics' && node.children?.[0] && hasClass(node.children[0], 'tml-w-full')) {
      node.classes = ['tml-full'];
      math.classes = [...(math.classes ?? []), 'tml-numbered'];
    }
  }
}

/** One formula as MathML Core; {@link renderMath} is the same, remembered. */
export function typesetMath(written: string, display: boolean, { firstNumber = 1 }: RenderOptions = {}): RenderedMath {
  const tex = normalizeTex(written);
  const lone = display ? null : LONE_REFERENCE.exec(tex);
  if (lone) {
    const reference: EquationReference = { kind: lone[1] as EquationReference['kind'], label: lone[2]!.trim() };
    return { html: referencePlaceholder(reference), labels: [], references: [reference], numbered: 0 };
  }
  const marked = markLabels(tex, display, written);
  const math = parseTex(marked.prepared, display, written);
  const { labels, numbers, numbered } = finishTree(math, written, firstNumber, marked);
  annotate(math, tex, display);
  const html = math.toMarkup();
  const named = [...numbers.values()].map((number) => `(${number})`).join(', ');
  return {
    html: display
      ? `<div class="math-display" role="group" aria-label="${named ? `Equation ${named}` : 'Equation'}" tabindex="0">${html}</div>`
      : `<span class="math-inline">${html}</span>`,
    labels,
    references: marked.references,
    numbered,
  };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
  nbsp: '\u00a0',
};

/**
 * The characters a rendered formula draws: the text of its MathML, without the TeX annotation
 * and without tags. For the math font, which holds these characters and no others.
 */
export function drawnCharacters(html: string): Set<number> {
  const text = html
    .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (ENTITIES[name.toLowerCase()]) return ENTITIES[name.toLowerCase()]!;
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return entity;
    });
  return new Set([...text].map((char) => char.codePointAt(0)!));
}
