/** Temml's MathML tree, as this folder reads and rewrites it before it is serialised. */

/** A Temml MathML node (or one of ours, which serialises itself the same way). */
export interface TreeNode {
  type?: string;
  children?: TreeNode[];
  classes?: string[];
  style?: Record<string, string>;
  attributes?: Record<string, string>;
  text?: string;
  label?: string;
  /** Set on Temml's anchors (`\ref`, `\eqref`). */
  href?: string;
  toMarkup(): string;
}

/** Every node under `root` with its ancestors (root first), depth first, in document order. */
export function* walk(root: TreeNode, ancestors: TreeNode[] = []): Generator<[TreeNode, TreeNode[]]> {
  yield [root, ancestors];
  if (!Array.isArray(root.children)) return;
  const path = [...ancestors, root];
  for (const child of root.children) yield* walk(child, path);
}

/** Whether `node` has the class `name`. */
export const hasClass = (node: TreeNode, name: string) => node.classes?.includes(name) ?? false;

/** A text node, escaped as Temml escapes text. */
export function textNode(text: string): TreeNode {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return { text, toMarkup: () => escaped };
}

/** The text of a node and its descendants. */
export function textOf(node: TreeNode): string {
  if (typeof node.text === 'string') return node.text;
  return Array.isArray(node.children) ? node.children.map(textOf).join('') : '';
}

/** A Temml node of the same kind as `like` (so it serialises itself), with these fields. */
export function nodeLike(like: TreeNode, fields: { [Key in keyof TreeNode]?: TreeNode[Key] | undefined }): TreeNode {
  return Object.assign(
    Object.create(Object.getPrototypeOf(like) as object) as TreeNode,
    { classes: [], style: {}, attributes: {}, children: [] },
    fields,
  );
}

/** Markup of a node this folder built (Temml's own nodes serialise themselves). */
export function markup(node: TreeNode): string {
  const classes = node.classes?.length ? ` class="${node.classes.join(' ')}"` : '';
  return `<${node.type}${classes}>${(node.children ?? []).map((child) => child.toMarkup()).join('')}</${node.type}>`;
}

/** A CSS property as written in a stylesheet: "paddingLeft" → "padding-left". */
export function hyphenate(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
