/**
 * Where Temml's MathML, as browsers lay it out under MathML Core, differs from what TeX sets, or
 * from valid MathML: each function corrects one thing on one node of the tree, and
 * {@link correctNode} applies them all (docs/math.md lists them).
 */
import { nodeLike, textNode, textOf, type TreeNode } from './tree.ts';

/** Applies every correction to `node`, whose ancestors are `ancestors` (root first). */
export function correctNode(node: TreeNode, ancestors: readonly TreeNode[]): void {
  repairStructure(node);
  attachScriptToFence(node);
  subscriptAsTexSetsIt(node);
  spaceBeforeOperatorName(node);
  if (node.type === 'mo' && inScript(node, ancestors)) {
    // TeX sets no space around relations and binary operators in sub- and superscripts
    // (i=1 under a sum, not i = 1); MathML Core spaces them as at full size.
    node.attributes = { lspace: '0em', rspace: '0em', ...node.attributes };
  }
}
/** A delimiter written without \left or \right, opening (`prefix`) or closing (`postfix`). */
export const isFence = (node: TreeNode | undefined, form: 'prefix' | 'postfix') =>
  node?.type === 'mo' &&
  node.attributes?.['fence'] === 'true' &&
  node.attributes['form'] === form &&
  node.attributes['stretchy'] === 'false';

/**
 * `(Y - \hat f(x))^2`: TeX puts the 2 on the closing parenthesis alone, so it sits where a
 * superscript on ")" sits. Temml groups the pair and scripts the whole group, which lifts the 2
 * above the hat. The script is moved back onto the closing fence. Pairs sized by
 * `\left…\right` stay grouped: there TeX scripts the whole group too.
 */
function attachScriptToFence(node: TreeNode): void {
  if (node.type !== 'msup' && node.type !== 'msub' && node.type !== 'msubsup') return;
  const [base, ...scripts] = node.children ?? [];
  const inner = base?.type === 'mrow' ? base.children : undefined;
  if (!inner || inner.length < 2 || !isFence(inner[0], 'prefix') || !isFence(inner.at(-1), 'postfix')) return;
  const scripted = Object.assign(Object.create(Object.getPrototypeOf(node) as object) as TreeNode, node, {
    children: [inner.at(-1)!, ...scripts],
  });
  node.type = 'mrow';
  node.children = [...inner.slice(0, -1), scripted];
  node.classes = [];
  node.attributes = {};
}

/** How many children each scripted element has in valid MathML: a base and its scripts. */
const ARITY: Record<string, number> = { msub: 2, msup: 2, munder: 2, mover: 2, msubsup: 3, munderover: 3 };

/**
 * Structure Temml 0.13 writes that is not valid MathML, made valid (the Nu Html Checker and
 * browsers both hold pages to it):
 * - `\underset{h}{\operatorname{argmin}}` makes a group of three the base of a `<munder>`,
 *   which then prints four children: the group becomes one `<mrow>`; a scripted element with
 *   more children than it takes keeps its base and scripts, and the rest moves after it;
 * - `\mathop{\mathbb{E}}` puts an `<mi>` inside an `<mo>`: the operator gets the letter as text;
 * - `displaystyle` and `scriptlevel` belong on `<mstyle>` (MathML 3, which validators read; in
 *   MathML Core any element takes them, and `<mstyle>` lays out like `<mrow>`).
 */
function repairStructure(node: TreeNode): void {
  let children = Array.isArray(node.children) ? node.children : undefined;
  const arity = ARITY[node.type ?? ''];
  if (arity !== undefined && children?.some((child) => child.type === undefined && Array.isArray(child.children))) {
    // A fragment as the base (`\underset{h}{\operatorname{argmin}}`) prints as several children.
    children = children.map((child) =>
      child.type === undefined && Array.isArray(child.children)
        ? nodeLike(node, { type: 'mrow', children: child.children })
        : child,
    );
    node.children = children;
  }
  if (arity !== undefined && children && children.length > arity) {
    const extras = children.slice(1, children.length - (arity - 1));
    const scripted = nodeLike(node, {
      type: node.type,
      attributes: node.attributes,
      classes: node.classes,
      children: [children[0]!, ...children.slice(children.length - (arity - 1))],
    });
    node.type = 'mrow';
    node.attributes = {};
    node.classes = [];
    node.children = [scripted, ...extras];
  }
  if (
    (node.type === 'mo' || node.type === 'mi' || node.type === 'mn') &&
    children?.some((child) => child.type !== undefined)
  ) {
    const text = textOf(node);
    node.children = [textNode(text)];
  }
  const attributes = node.attributes ?? {};
  const styled = ['displaystyle', 'scriptlevel'].filter((name) => attributes[name] !== undefined);
  if (styled.length > 0 && node.type !== 'mstyle' && node.type !== 'math' && node.type !== 'mtable') {
    if (node.type === 'mrow') {
      node.type = 'mstyle';
    } else {
      const inner = nodeLike(node, {
        type: node.type,
        classes: node.classes,
        style: node.style,
        attributes: Object.fromEntries(Object.entries(attributes).filter(([name]) => !styled.includes(name))),
        children: node.children,
      });
      node.type = 'mstyle';
      node.classes = [];
      node.style = {};
      node.attributes = Object.fromEntries(styled.map((name) => [name, attributes[name]!]));
      node.children = [inner];
    }
  }
}

/**
 * TeX sets a subscript on a letter at one height whatever the letter (rule 18a: a character's
 * depth does not count); MathML Core lowers it by the letter's descent, so y_i and p_i sit lower
 * than x_i. A single-letter base reports no depth to its script, which is then placed as TeX
 * places it; the letter's ink is unchanged.
 */
function subscriptAsTexSetsIt(node: TreeNode): void {
  if (node.type !== 'msub' && node.type !== 'msubsup') return;
  const base = node.children?.[0];
  if (!base || (base.type !== 'mi' && base.type !== 'mn') || [...textOf(base)].length !== 1) return;
  node.children![0] = nodeLike(base, { type: 'mpadded', attributes: { depth: '0em' }, children: [base] });
}

const OPERATOR_NAME_BEFORE = new Set([
  'mi',
  'mn',
  'msub',
  'msup',
  'msubsup',
  'mover',
  'munder',
  'mfrac',
  'msqrt',
  'mroot',
  'mtext',
]);

/**
 * A thin space between a letter and a following operator name (`y_i \log x`), as TeX puts
 * between an ordinary atom and an operator. Temml writes it after a plain letter but not after
 * a scripted one.
 */
function spaceBeforeOperatorName(node: TreeNode): void {
  const children = Array.isArray(node.children) ? node.children : undefined;
  if (!children || (node.type !== 'mrow' && node.type !== undefined && node.type !== 'mtd' && node.type !== 'math'))
    return;
  for (let index = children.length - 1; index > 0; index -= 1) {
    const name = children[index]!;
    const [first, second] = name.type === 'mrow' && Array.isArray(name.children) ? name.children : [];
    const isOperatorName = first?.type === 'mi' && second?.type === 'mo' && textOf(second) === '\u2061';
    const before = children[index - 1]!;
    const closes = before.type === 'mrow' && isFence(before.children?.at(-1), 'postfix');
    if (isOperatorName && (OPERATOR_NAME_BEFORE.has(before.type ?? '') || closes)) {
      name.children = [nodeLike(name, { type: 'mspace', attributes: { width: '0.1667em' } }), ...name.children!];
    }
  }
}

const SCRIPTED = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts']);

/** Whether `node` is inside a script (not the base) of a sub-, superscript, under- or overscript. */
function inScript(node: TreeNode, ancestors: readonly TreeNode[]): boolean {
  const path = [...ancestors, node];
  for (let i = path.length - 2; i >= 0; i -= 1) {
    const parent = path[i]!;
    if (SCRIPTED.has(parent.type ?? '') && parent.children?.indexOf(path[i + 1]!) !== 0) return true;
    if (parent.type === 'mtable' && i < path.length - 2) return false; // a matrix in a base is full size
  }
  return false;
}
