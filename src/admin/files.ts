/**
 * How the editor reads and writes content files: registered with Sveltia CMS as a custom file
 * format per collection (src/admin/main.ts), so the files stay as an editor or `npm run new`
 * would write them. Sveltia's own formats re-create the whole file from its data, dropping YAML
 * comments, turning `topics: ["a", "b"]` into a block list and quoting ids. Here a file that was
 * opened keeps its text, and a save changes only the values the editor changed, each in the style
 * it was written in; a new file is written in the house style of `npm run new`.
 *
 * The text as read travels with the entry in a key no field declares (ORIGINAL_KEY): Sveltia keeps
 * such keys and hands them back on save, and the file format is told nothing else about the file.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node, type Pair } from 'yaml';

/** The key that carries a file's text from reading to saving; never written to a file. */
export const ORIGINAL_KEY = '_original';

/** What the format needs to know about a collection's fields, in the order they are written. */
export interface FieldStyle {
  name: string;
  required: boolean;
  /** The schema's default: a value equal to it is not added to a file that leaves it out. */
  default?: unknown;
  /** Ids of other files (author, course, publisher): written plain, as `npm run new` does. */
  id?: boolean;
}

/** A collection's file format: its fields, and whether its files are Markdown with frontmatter. */
export interface FileStyle {
  fields: readonly FieldStyle[];
  frontmatter: boolean;
}

type Data = Record<string, unknown>;

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n)*)([\s\S]*)$/;

/** A file split into frontmatter and body; a file without frontmatter is all body. */
function split(text: string): { open: string; yaml: string; close: string; body: string } | undefined {
  const match = FRONTMATTER.exec(text);
  return match ? { open: match[1]!, yaml: match[2]!, close: match[3]!, body: match[4]! } : undefined;
}

/** The entry Sveltia edits: the YAML's values (and the body), plus the text as it was read. */
export function readFile(text: string, style: FileStyle): Data {
  const parts = style.frontmatter ? split(text) : { open: '', yaml: text, close: '', body: '' };
  const values = parts ? (parse(parts.yaml) as unknown) : undefined;
  const data = values && typeof values === 'object' && !Array.isArray(values) ? (values as Data) : {};
  return { ...data, ...(style.frontmatter ? { body: parts ? parts.body : text } : {}), [ORIGINAL_KEY]: text };
}

/** Values a file should not hold: an optional field left empty. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Deep equality for YAML values (strings, numbers, booleans, lists and maps of them). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The value to write for `field`, or undefined when the file should not have the key. `had` says
 * whether the file had the key ("new" for a new file). An opened file gains no key for a value it
 * left to the schema's default; a new file has every value but a toggle left off, as `npm run new`
 * writes it (`views: 0`, and `draft` only when true).
 */
function outgoing(field: FieldStyle | undefined, value: unknown, had: boolean | 'new'): unknown {
  if (field?.required) return value;
  if (isEmpty(value) && !(had === true && Array.isArray(value))) return undefined;
  if (had === false && field && 'default' in field && same(value, field.default)) return undefined;
  if (had === 'new' && value === false && field?.default === false) return undefined;
  return value;
}

/** Whether a plain scalar reads back as the same string (not a number, a date, true…). */
function plainIsSafe(value: string): boolean {
  try {
    return (
      (
        parse(`x: ${stringify(value, { defaultStringType: 'PLAIN', lineWidth: 0 }).trimEnd()}`, {
          customTags: ['timestamp'],
        }) as { x?: unknown } | null
      )?.x === value
    );
  } catch {
    return false;
  }
}

/** One scalar in a given style; a string that would change meaning unquoted is double-quoted. */
function scalar(value: unknown, type: string | undefined): string {
  if (typeof value !== 'string') return String(value);
  const wanted = type === 'QUOTE_SINGLE' || type === 'PLAIN' ? type : 'QUOTE_DOUBLE';
  if (wanted === 'PLAIN' && !plainIsSafe(value)) return scalar(value, 'QUOTE_DOUBLE');
  return stringify(value, { defaultStringType: wanted, defaultKeyType: 'PLAIN', lineWidth: 0 }).trimEnd();
}

/** A value in the style of the node it replaces (or of `like` for a new key), without the key. */
function render(value: unknown, like: { type?: string | undefined; flow?: boolean; indent: string }): string {
  if (Array.isArray(value) && like.flow) return `[${value.map((item) => scalar(item, like.type)).join(', ')}]`;
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    const block = stringify(value, { lineWidth: 0, indentSeq: true }).trimEnd();
    return `\n${block
      .split('\n')
      .map((line) => like.indent + line)
      .join('\n')}`;
  }
  return scalar(value, like.type);
}

/** How a new key of `field` is written in a collection's house style. */
function houseStyle(style: FileStyle, field: FieldStyle | undefined, value: unknown) {
  if (!style.frontmatter) return { type: 'PLAIN', flow: false, indent: '  ' };
  return { type: field?.id && typeof value === 'string' ? 'PLAIN' : 'QUOTE_DOUBLE', flow: true, indent: '  ' };
}

/** The style of an existing value node: its quoting, flow or block, and its items' indentation. */
function nodeStyle(node: Node, text: string) {
  const first = isSeq(node) || isMap(node) ? (node.items[0] as Node | Pair | undefined) : undefined;
  const item = first && 'key' in first ? first.key : first;
  const type = isScalar(node) ? node.type : isScalar(item) ? item.type : undefined;
  const flow = (isSeq(node) || isMap(node)) && node.flow === true;
  const start = node.range?.[0] ?? 0;
  const indent = text.slice(text.lastIndexOf('\n', start - 1) + 1, start).replace(/\S.*$/, '');
  return { type, flow, indent: flow ? '  ' : indent };
}

/** The end of a value's text, leaving out the newline (and comment lines) a block value ends with. */
function valueEnd(node: Node, text: string): number {
  const [start, end] = node.range ?? [0, 0];
  return start + text.slice(start, end).replace(/\s+$/, '').length;
}

/** The YAML of an opened file with only the changed values rewritten. */
function edit(yaml: string, values: Data, style: FileStyle): string {
  const doc = parseDocument(yaml);
  if (!isMap(doc.contents)) return fresh(values, style);
  const before = (doc.toJS() ?? {}) as Data;
  const fields = new Map(style.fields.map((field) => [field.name, field]));
  const pairs = new Map(
    doc.contents.items.flatMap((pair) => (isScalar(pair.key) ? [[String(pair.key.value), pair] as const] : [])),
  );
  const splices: Array<{ from: number; to: number; text: string }> = [];
  const lineStart = (offset: number) => yaml.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => (!yaml.includes('\n', offset) ? yaml.length : yaml.indexOf('\n', offset) + 1);
  for (const [key, pair] of pairs) {
    if (same(values[key], before[key])) continue;
    // A toggle turned back off goes away, as it was before it was turned on.
    const value =
      values[key] === false && fields.get(key)?.default === false
        ? undefined
        : outgoing(fields.get(key), values[key], true);
    if (same(value, before[key])) continue;
    const node = pair.value as Node | null;
    const keyStart = (pair.key as Node).range![0];
    if (value === undefined) {
      splices.push({ from: lineStart(keyStart), to: lineEnd(node ? valueEnd(node, yaml) : keyStart), text: '' });
    } else if (node?.range) {
      const text = render(value, nodeStyle(node, yaml));
      const from = text.startsWith('\n') ? (pair.key as Node).range![1] + 1 : node.range[0];
      splices.push({ from, to: valueEnd(node, yaml), text });
    } else {
      splices.push({
        from: (pair.key as Node).range![1] + 1,
        to: (pair.key as Node).range![1] + 1,
        text: ` ${render(value, houseStyle(style, fields.get(key), value))}`,
      });
    }
  }
  // A key the file did not have goes before the next key the schema lists after it, or at the end.
  const order = [
    ...style.fields.map((field) => field.name),
    ...Object.keys(values)
      .filter((key) => !fields.has(key))
      .sort(),
  ];
  for (const [index, key] of order.entries()) {
    if (pairs.has(key)) continue;
    const value = outgoing(fields.get(key), values[key], false);
    if (value === undefined) continue;
    const next = order.slice(index + 1).find((name) => pairs.has(name));
    const line = `${key}: ${render(value, houseStyle(style, fields.get(key), value)).replace(/^ /, '')}\n`;
    const at = next ? lineStart((pairs.get(next)!.key as Node).range![0]) : yaml.length;
    splices.push({
      from: at,
      to: at,
      text: at === yaml.length && !yaml.endsWith('\n') && yaml !== '' ? `\n${line.trimEnd()}` : line,
    });
  }
  let out = yaml;
  for (const { from, to, text } of splices.sort((a, b) => b.from - a.from || b.to - a.to))
    out = out.slice(0, from) + text + out.slice(to);
  return out;
}

/** The YAML of a new file, in the order of the schema, in the house style. */
function fresh(values: Data, style: FileStyle): string {
  const known = new Set(style.fields.map((field) => field.name));
  const keys = [
    ...style.fields.map((field) => field.name),
    ...Object.keys(values)
      .filter((key) => !known.has(key))
      .sort(),
  ];
  const lines: string[] = [];
  for (const key of keys) {
    const field = style.fields.find((f) => f.name === key);
    const value = outgoing(field, values[key], 'new');
    if (value === undefined) continue;
    const text = render(value, houseStyle(style, field, value));
    lines.push(text.startsWith('\n') ? `${key}:${text}` : `${key}: ${text}`);
  }
  return lines.join('\n');
}

/** The file to write for an entry: the opened file with the editor's changes, or a new one. */
export function writeFile(entry: Data, style: FileStyle): string {
  const { [ORIGINAL_KEY]: original, body, ...values } = entry;
  const text = typeof original === 'string' ? original : undefined;
  // Sveltia's editor keeps no trailing newline; a file keeps the ending it had (one, for a new file).
  const ending = text ? /\n*$/.exec(text)![0] : '\n';
  const newBody = typeof body === 'string' ? body.replace(/\n+$/, '') : '';
  if (!style.frontmatter) {
    const yaml = text !== undefined ? edit(text.replace(/\n+$/, ''), values, style) : fresh(values, style);
    return yaml.replace(/\n+$/, '') + ending;
  }
  const parts = text !== undefined ? split(text) : undefined;
  if (!parts) {
    // A new post, or a file that had no frontmatter: write one, in the house style.
    return `---\n${fresh(values, style)}\n---\n\n${newBody}${newBody ? ending || '\n' : ''}`;
  }
  const yaml = edit(parts.yaml, values, style);
  const oldBody = parts.body.replace(/\n+$/, '');
  return `${parts.open}${yaml.replace(/\n+$/, '')}${parts.close}${newBody === oldBody ? parts.body.replace(/\n+$/, '') : newBody}${ending}`;
}
