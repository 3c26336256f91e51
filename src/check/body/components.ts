/**
 * Tags in a post: the components of src/components/mdx/registry.ts (the only list of them, their
 * props and what each prop accepts), `<img>` and `<a>` checked like Markdown images and links,
 * and, in a `.md` post, a component name that shows the editor expected MDX. Components a post
 * imports itself are its author's business.
 */
import { htmlToHast } from 'satteri';
import { visit } from 'unist-util-visit';
import { mdxComponents, type ComponentSpec } from '../../components/mdx/registry.ts';
import { didYouMean } from '../../schemas/suggest.ts';
import type { At } from '../problems.ts';
import type { NodeOf, PostCheck } from './context.ts';
import { attributeOffsets, definedNames } from './estree.ts';
import { checkImage, isFileName, isRemote, missingFile } from './images.ts';
import { checkLink } from './links.ts';
import { isComment, parseFailure } from './mdx.ts';

type JsxElement = NodeOf<'mdxJsxFlowElement'> | NodeOf<'mdxJsxTextElement'>;
type Attribute = JsxElement['attributes'][number];

const components: Readonly<Record<string, ComponentSpec>> = mdxComponents;
const componentNames = Object.keys(components);

/** A prop's text: a quoted value, or an expression that is only a string literal ({"tip"}). */
function stringValue(value: Attribute['value']): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  const literal = /^\s*(["'`])((?:(?!\1)[^\\$]|\\.)*)\1\s*$/s.exec(value.value);
  return literal ? literal[2] : undefined;
}

/** Whether a component's children hold anything a reader would see (a comment does not count). */
function hasContent(children: JsxElement['children']): boolean {
  return children.some((child) => {
    if (child.type === 'text') return child.value.trim() !== '';
    if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') return !isComment(child.value);
    if (child.type === 'paragraph') return hasContent(child.children);
    return true;
  });
}

/** The root's rule, before anything else: the names the post's import and export lines define. */
export function collectImports(root: NodeOf<'root'>, post: PostCheck): void {
  for (const node of root.children) {
    if (node.type !== 'mdxjsEsm') continue;
    try {
      for (const name of definedNames(node.value)) post.imported.add(name);
    } catch (error) {
      // The build cannot compile the post either: say where, counted from the block's start.
      const { line, column, message } = parseFailure(
        error,
        'check the import and export lines: each must be complete JavaScript',
      );
      const start = post.at(node);
      const where =
        line === 1 ? { line: start.line, column: start.column + column - 1 } : { line: start.line + line - 1, column };
      post.report(where, 'mdx', message);
    }
  }
}

/** One JSX element's props, by name, with the place of each attribute found when first asked. */
class Props {
  readonly node: JsxElement;
  readonly post: PostCheck;
  #offsets: readonly number[] | undefined | null = null;

  constructor(node: JsxElement, post: PostCheck) {
    this.node = node;
    this.post = post;
  }

  get(name: string): { index: number; present: boolean; value: string | undefined } {
    const index = this.node.attributes.findIndex((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    const attribute = this.node.attributes[index];
    return attribute
      ? { index, present: true, value: stringValue(attribute.value) }
      : { index, present: false, value: undefined };
  }

  /** Where the attribute at `index` starts; the tag's start when it cannot be told. */
  at(index: number): At {
    const { node, post } = this;
    const start = node.position?.start.offset;
    if (this.#offsets === null) {
      // The opening tag ends where the first child starts; without children it is the whole element.
      const end = node.children[0]?.position?.start.offset ?? node.position?.end.offset;
      const tag = start === undefined || end === undefined ? undefined : post.source.slice(start, end);
      // With children, the tag is closed after it so that it parses as an element on its own.
      this.#offsets =
        tag === undefined
          ? undefined
          : attributeOffsets(node.children.length > 0 ? `${tag}</${node.name}>` : tag, node.attributes);
    }
    const offset = this.#offsets?.[index];
    return offset === undefined || start === undefined ? post.at(node) : post.atOffset(node, start + offset);
  }
}

/** Reports a JSX element of an MDX post: an unknown component, its props and its children. */
export function checkElement(node: JsxElement, post: PostCheck): void {
  const { name } = node;
  if (!name) return; // a fragment <>…</>
  const props = new Props(node, post);
  if (name === 'img') {
    const alt = props.get('alt');
    // An alt written as JavaScript cannot be read here, so it only counts as present.
    checkImage(post, props.get('src').value, alt.present ? (alt.value ?? '{…}') : undefined, post.at(node), 'html');
    return;
  }
  if (name === 'a') {
    checkLink(post, props.get('href').value, post.at(node));
    return;
  }
  if (!/^[A-Z]/.test(name) || post.imported.has(name.split('.')[0] ?? name)) return;
  const spec = components[name];
  if (!spec) {
    post.report(
      post.at(node),
      'component',
      `<${name}> is not a component posts can use (${didYouMean(name, componentNames)})`,
    );
    return;
  }
  checkAttributes(name, spec, props);
  for (const [propName, prop] of Object.entries(spec.props)) {
    if (prop.required && !props.get(propName).present)
      post.report(post.at(node), 'component', `<${name}> needs ${propName}="…" (${prop.description})`);
  }
  const filled = hasContent(node.children);
  if (spec.children === 'required' && !filled) {
    post.report(post.at(node), 'component', `<${name}> is empty (write its content between <${name}> and </${name}>)`);
  } else if (spec.children === 'none' && filled) {
    post.report(post.at(node), 'component', `<${name}> takes no content between tags (write it as <${name} … />)`);
  }
  checkKinds(name, spec, props);
}

/** Each attribute: a prop the component has, written as plain text, with a value it accepts. */
function checkAttributes(name: string, spec: ComponentSpec, props: Props): void {
  const known = Object.keys(spec.props);
  const report = (index: number, message: string) => props.post.report(props.at(index), 'component', message);
  props.node.attributes.forEach((attribute, index) => {
    if (attribute.type !== 'mdxJsxAttribute') {
      report(index, `<${name} {…}> cannot be checked: write each prop as name="value" (${known.join(', ')})`);
      return;
    }
    const prop = spec.props[attribute.name];
    if (!prop) {
      report(index, `<${name}> has no prop "${attribute.name}" (${didYouMean(attribute.name, known)})`);
      return;
    }
    const value = stringValue(attribute.value);
    if (attribute.value === null || attribute.value === undefined) {
      report(index, `<${name} ${attribute.name}> needs a value: ${attribute.name}="…" (${prop.description})`);
    } else if (value === undefined) {
      report(index, `<${name} ${attribute.name}={…}> is JavaScript; write plain text in quotes: ${attribute.name}="…"`);
    } else if (prop.values && !prop.values.includes(value)) {
      report(index, `<${name} ${attribute.name}="${value}"> is not allowed (${didYouMean(value, prop.values)})`);
    }
  });
}

/** The props the registry gives a kind (PropSpec['kind']): an image next to the post, and its description. */
function checkKinds(name: string, spec: ComponentSpec, props: Props): void {
  const image = Object.keys(spec.props).find((propName) => spec.props[propName]?.kind === 'local-image');
  for (const [propName, prop] of Object.entries(spec.props)) {
    const { index, value } = props.get(propName);
    if (value === undefined) continue;
    const report = (message: string) => props.post.report(props.at(index), 'component', message);
    if (prop.kind === 'local-image') {
      if (isRemote(value) || value.startsWith('/')) {
        report(`<${name} ${propName}="${value}"> must be an image file next to the post, e.g. "./images/chart.png"`);
      } else if (value) {
        const missing = missingFile(value, props.post);
        if (missing) report(`<${name} ${propName}="${value}">: the file does not exist (${missing})`);
      }
    } else if (prop.kind === 'alt-text') {
      const src = image === undefined ? undefined : props.get(image).value;
      if (!value.trim())
        report(`<${name} ${propName}=""> is empty (describe what the image shows, for readers who cannot see it)`);
      else if (src && isFileName(value, src))
        report(`<${name} ${propName}="${value}"> is only the file name (describe what the image shows)`);
    }
  }
}

/**
 * Raw HTML, in a `.md` post: `<img>` and `<a>` are checked like Markdown images and links, and a
 * component name means the editor expected MDX.
 */
export function checkHtml(node: NodeOf<'html'>, post: PostCheck): void {
  const html = node.value;
  const where = post.at(node);
  const component = /^<([A-Z][\w.]*)/.exec(html);
  if (component)
    post.report(
      where,
      'component',
      `<${component[1]}> only works in .mdx posts (rename the file to .mdx, or write plain Markdown)`,
    );
  if (!/<(img|a)\b/i.test(html)) return;
  const lower = html.toLowerCase();
  let searchFrom = 0;
  // Each element at its own tag, found in order in the node's text.
  const position = (tag: string): At => {
    const index = lower.indexOf(`<${tag}`, searchFrom);
    if (index < 0 || node.position?.start.offset === undefined) return where;
    searchFrom = index + 1;
    return post.atOffset(node, node.position.start.offset + index);
  };
  visit(htmlToHast(html, { fragment: true }), 'element', (element) => {
    const property = (name: string) => {
      const value = element.properties[name];
      return typeof value === 'string' ? value : undefined;
    };
    if (element.tagName === 'img') checkImage(post, property('src'), property('alt'), position('img'), 'html');
    if (element.tagName === 'a') checkLink(post, property('href'), position('a'));
  });
}
