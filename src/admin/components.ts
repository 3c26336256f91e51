/**
 * The MDX components as Sveltia CMS editor components, derived from the component registry
 * (src/components/mdx/registry.ts), so the registry stays the one list: a component added there
 * is recognised in the editor's preview, gets an Insert button, and its props become form fields.
 * The preview draws each one with the classes and words of its Astro component, in the site's own
 * stylesheet; tests/components/admin-previews.test.ts compares the two.
 *
 * Pure functions (no Sveltia, no DOM): the browser entry registers them, the unit tests read them.
 */
import { calloutIcons, calloutLabels, type CalloutKind } from '../components/mdx/callout-kinds.ts';
import { mdxComponents, type ComponentSpec, type MdxComponentName } from '../components/mdx/registry.ts';

/** A field of an editor component's form, in Sveltia's configuration format. */
export interface ComponentField {
  name: string;
  label: string;
  widget: 'string' | 'select' | 'markdown';
  required: boolean;
  hint: string;
  options?: string[];
  default?: string;
}

/** Props and, for a component that wraps Markdown, its `body`. */
export type ComponentData = Record<string, string | undefined>;

/** What Sveltia's `registerEditorComponent` takes, with the Markdown renderer left to the caller. */
export interface EditorComponent {
  id: MdxComponentName;
  label: string;
  fields: ComponentField[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => ComponentData;
  toBlock: (data: ComponentData) => string;
  toPreview: (data: ComponentData) => string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSX attribute strings cannot hold a double quote; MDX reads HTML entities in them. */
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const unescapeAttribute = (text: string) => text.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The attribute that holds an image's path beside the post until the preview resolves it (./preview.ts). */
export const ASSET_ATTRIBUTE = 'data-asset';

/**
 * An image for the preview. A path beside the post ("./images/x.png") means nothing to the
 * preview's address, so it is kept aside for the preview to replace with the file's contents,
 * instead of being requested (and not found) first.
 */
export function imageTag(src: string, alt: string): string {
  const local = src !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(src);
  return local
    ? `<img ${ASSET_ATTRIBUTE}="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`
    : `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
}

/** `title="…"` pairs of a tag's attribute text; anything else (an expression) is ignored. */
function attributes(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([A-Za-z][\w-]*)="([^"]*)"/g)].map((m) => [m[1]!, unescapeAttribute(m[2]!)]),
  );
}

/** The regular expression that finds a component written as a block, as the guide shows it. */
export function componentPattern(name: string, spec: ComponentSpec): RegExp {
  const props = '((?:\\s+[A-Za-z][\\w-]*="[^"]*")*)\\s*';
  return spec.children === 'required'
    ? new RegExp(`^<${name}${props}>\\n([\\s\\S]*?)\\n</${name}>$`, 'm')
    : new RegExp(`^<${name}${props}/>$`, 'm');
}

/** The MDX a component's data is written as: props in the registry's order, empty ones left out. */
export function componentBlock(name: string, spec: ComponentSpec, data: ComponentData): string {
  const props = Object.keys(spec.props)
    .filter((prop) => (data[prop] ?? '').trim() !== '')
    .map((prop) => `${prop}="${escapeAttribute(data[prop]!.trim())}"`);
  if (spec.children === 'required') {
    return `<${name}${props.map((p) => ` ${p}`).join('')}>\n${(data['body'] ?? '').replace(/^\n+|\n+$/g, '')}\n</${name}>`;
  }
  // Without a body, one prop a line, as in the editing guide.
  return `<${name}\n${props.map((p) => `  ${p}\n`).join('')}/>`;
}

/** A preview of each component in the markup of its Astro component (src/components/mdx/). */
const previews: Record<MdxComponentName, (data: ComponentData, markdown: (text: string) => string) => string> = {
  Callout: (data, markdown) => {
    const kind = (data['type'] && data['type'] in calloutLabels ? data['type'] : 'note') as CalloutKind;
    const heading = data['title'] ? `<span class="callout-heading">: ${escapeHtml(data['title'])}</span>` : '';
    return `<div class="callout callout-${kind}" role="note"><p class="callout-title"><svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${calloutIcons[kind]}"></path></svg><span>${calloutLabels[kind]}${heading}</span></p><div class="callout-body">${markdown(data['body'] ?? '')}</div></div>`;
  },
  Figure: (data) => {
    const credit = data['credit'] ? `<span class="figure-credit">${escapeHtml(data['credit'])}</span>` : '';
    return `<figure class="figure"><p>${imageTag(data['src'] ?? '', data['alt'] ?? '')}</p><figcaption>${escapeHtml(data['caption'] ?? '')}${credit}</figcaption></figure>`;
  },
  KeyTakeaways: (data, markdown) => {
    const title = data['title'] || mdxComponents.KeyTakeaways.props.title.default;
    return `<div class="key-takeaways" role="note"><p class="key-takeaways-title">${escapeHtml(title)}</p><div class="key-takeaways-body">${markdown(data['body'] ?? '')}</div></div>`;
  },
};

/** The form fields of a component: each prop (a choice when the registry lists its values), then the body. */
function componentFields(spec: ComponentSpec): ComponentField[] {
  const fields: ComponentField[] = Object.entries(spec.props).map(([name, prop]) => ({
    name,
    label: name,
    widget: prop.values ? 'select' : 'string',
    required: prop.required,
    hint: prop.description,
    ...(prop.values ? { options: [...prop.values] } : {}),
    ...(prop.default !== undefined ? { default: prop.default } : {}),
  }));
  if (spec.children === 'required')
    fields.push({
      name: 'body',
      label: 'Text',
      widget: 'markdown',
      required: true,
      hint: 'Markdown: paragraphs, lists, links, math.',
    });
  return fields;
}

/** Every registered MDX component as an editor component; `markdown` renders a body for previews. */
export function editorComponents(markdown: (text: string) => string): EditorComponent[] {
  return (Object.entries(mdxComponents) as Array<[MdxComponentName, ComponentSpec]>).map(([name, spec]) => ({
    id: name,
    label: name.replace(/(?<=[a-z])(?=[A-Z])/g, ' '),
    fields: componentFields(spec),
    pattern: componentPattern(name, spec),
    fromBlock: (match) => ({
      ...attributes(match[1] ?? ''),
      ...(spec.children === 'required' ? { body: match[2] ?? '' } : {}),
    }),
    toBlock: (data) => componentBlock(name, spec, data),
    toPreview: (data) => previews[name](data, markdown),
  }));
}

/** The text an Insert button puts into a post: the registry's example of the component. */
export function componentSnippet(name: MdxComponentName): string {
  return mdxComponents[name].example;
}
