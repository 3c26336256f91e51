/**
 * The inline CSS Temml writes, as classes of src/styles/math.css: the site's Content-Security-
 * Policy allows no style attribute, and a class per layout rule keeps pages small. Every
 * declaration Temml 0.13 writes for the commands the site supports has a class here; the
 * stylesheet test (tests/unit/markdown/math-styles.test.ts) holds math.css to this table.
 * Colours are mapped to the palette of ./colours.ts.
 */
import { paletteClass } from './colours.ts';
import { hyphenate, type TreeNode } from './tree.ts';

/** Declaration as Temml writes it ("padding-left:1em") → class. */
const DECLARATIONS = new Map<string, string>([
  ['display:block math', 'tml-block'],
  ['width:100%', 'tml-w-full'],
  ['width:50%', 'tml-w-half'],
  ['width:7.5%', 'tml-w-gutter'],
  ['padding:0', 'tml-p-0'],
  // Column spacing: none at a table's edges, 1em between align's column pairs, TeX's
  // \arraycolsep (5pt, written 5.9776pt) in array and matrices, smaller in smallmatrix.
  ['padding-left:0em', 'tml-pl-0'],
  ['padding-left:0pt', 'tml-pl-0'],
  ['padding-right:0em', 'tml-pr-0'],
  ['padding-right:0pt', 'tml-pr-0'],
  ['padding-left:1em', 'tml-pl-1'],
  ['padding-right:1em', 'tml-pr-1'],
  ['padding-left:0.4em', 'tml-pl-gap'],
  ['padding-right:0.4em', 'tml-pr-gap'],
  ['padding-left:0.1389em', 'tml-pl-small'],
  ['padding-right:0.1389em', 'tml-pr-small'],
  ['padding-left:0.25em', 'tml-pl-cd'],
  ['padding-right:0.25em', 'tml-pr-cd'],
  ['padding-left:5.9776pt', 'tml-pl-col'],
  ['padding-right:5.9776pt', 'tml-pr-col'],
  ['padding-top:0', 'tml-pt-0'],
  ['padding-bottom:0', 'tml-pb-0'],
  // Rules in array: | and : column separators, \hline and \hdashline, doubled when repeated.
  ['border-top:0.06em solid', 'tml-bt-solid'],
  ['border-top:0.06em dashed', 'tml-bt-dashed'],
  ['border-top:0.15em double', 'tml-bt-double'],
  ['border-bottom:0.06em solid', 'tml-bb-solid'],
  ['border-bottom:0.06em dashed', 'tml-bb-dashed'],
  ['border-bottom:0.15em double', 'tml-bb-double'],
  ['border-left:0.06em solid', 'tml-bl-solid'],
  ['border-left:0.06em dashed', 'tml-bl-dashed'],
  ['border-left:0.15em double', 'tml-bl-double'],
  ['border-right:0.06em solid', 'tml-br-solid'],
  ['border-right:0.06em dashed', 'tml-br-dashed'],
  ['border-right:0.15em double', 'tml-br-double'],
  ['text-align:left', 'tml-left'],
  // Accents stay at the size of their base; fractions deep in fractions stop shrinking.
  ['math-depth:0', 'tml-depth-0'],
  ['math-depth:2', 'tml-depth-2'],
  ['font-weight:bold', 'tml-bold'],
  // \boxed and \fbox.
  ['padding:3pt', 'tml-boxed'],
  ['border:1px solid', 'tml-border'],
  ['padding:0.3em', 'tml-fbox'],
  // \llap, \rlap, \clap and their math forms.
  ['position:absolute', 'tml-abs'],
  ['position:relative', 'tml-rel'],
  ['right:0', 'tml-right-0'],
  ['bottom:0', 'tml-bottom-0'],
  ['display:flex', 'tml-flex'],
  ['justify-content:center', 'tml-justify-center'],
  ['transform:scaleX(-1)', 'tml-mirror'],
  ['height:1em', 'tml-h-1'],
]);

// Negative kerns (\!, \negmedspace, \mkern-4mu…) in whole mu, written as Temml writes them.
for (let mu = 1; mu <= 18; mu += 1) DECLARATIONS.set(`margin-left:-${(mu / 18).toFixed(4)}em`, `tml-kern-${mu}`);
// \def\arraystretch{s}, for s from 1.1 to 3 in tenths: Temml pads each cell by (1.4s − 0.8)ex.
for (let tenths = 11; tenths <= 30; tenths += 1) {
  const pad = `${String(1.4 * (tenths / 10) - 0.8)}ex`;
  DECLARATIONS.set(`padding-top:${pad}`, `tml-stretch-${tenths}`);
  DECLARATIONS.set(`padding-bottom:${pad}`, `tml-stretch-${tenths}`);
}

/** The class that draws `declaration` ("padding-left:1em"), or undefined if there is none. */
export function classForDeclaration(declaration: string): string | undefined {
  return DECLARATIONS.get(declaration);
}

/** Every class {@link classForDeclaration} returns, with its declaration, for the stylesheet test. */
export function declarationClasses(): ReadonlyMap<string, string> {
  return DECLARATIONS;
}

/**
 * Temml's inline style as classes: each declaration gets the class that src/styles/math.css
 * defines for it, colours the palette's (./colours.ts). A declaration with no class is a
 * formula this site cannot draw under its CSP: the reason, for the editor, is returned.
 */
export function styleToClasses(node: TreeNode, tex: string): string | undefined {
  const style = node.style ?? {};
  for (const [property, value] of Object.entries(style)) {
    if (value === undefined || String(value) === 'undefined') continue; // Temml's \cancelto writes color:undefined
    const declaration = `${hyphenate(property)}:${String(value).trim()}`;
    const colour = /^(color|background-color):(.+)$/.exec(declaration);
    const className = colour
      ? paletteClass(colour[2]!)?.replace('tml-c-', colour[1] === 'color' ? 'tml-c-' : 'tml-bg-')
      : classForDeclaration(declaration);
    if (!className && colour)
      return `the colour "${colour[2]}" is not one the site can show (use a colour name such as red or blue)`;
    if (!className && /^padding-(top|bottom)/.test(declaration) && tex.includes('\\arraystretch')) {
      return '\\arraystretch must be a number from 1.1 to 3 in steps of 0.1, such as \\def\\arraystretch{1.5}';
    }
    if (!className)
      return `the layout "${declaration}" that this formula needs cannot be drawn on this site (simplify the spacing it sets)`;
    node.classes = [...(node.classes ?? []), className];
  }
  node.style = {};
  // MathML 3 colour attributes, which MathML Core (Chromium) ignores: \colorbox writes one.
  for (const [attribute, prefix] of [
    ['mathcolor', 'tml-c-'],
    ['mathbackground', 'tml-bg-'],
  ] as const) {
    const value = node.attributes?.[attribute];
    if (value === undefined) continue;
    const className = paletteClass(value)?.replace('tml-c-', prefix);
    if (!className) return `the colour "${value}" is not one the site can show (use a colour name such as red or blue)`;
    node.classes = [...(node.classes ?? []), className];
    delete node.attributes![attribute];
  }
  return undefined;
}
