/**
 * Reading one content file for the check: its YAML (the frontmatter of a post, or a whole data
 * file such as an author or content/site.yaml) parsed with positions, then validated with its
 * schema, each issue reported at the value it is about.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { fileId, SITE_DATA_FILE, type CollectionName } from '../lib/content-files.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { siteDataSchema } from '../schemas/site.ts';
import type { At, FileProblem } from './problems.ts';

/** Where the value at a path of a YAML document is: for a missing key, its parent; for the root, the end. */
export type Locate = (path: readonly PropertyKey[]) => At;

/** A YAML text as the check read it: its data (valid or not), the schema's output, and positions. */
export interface ReadYaml {
  /** The parsed YAML, valid or not, so that ids are checked even when another field fails. */
  data: Record<string, unknown> | undefined;
  /** The schema's output when the data is valid. */
  valid?: unknown;
  locate: Locate;
}

/** One content file as the check read it. */
export interface ParsedFile extends ReadYaml {
  collection: CollectionName;
  /** Path relative to the content root, e.g. "posts/a.mdx". */
  path: string;
  id: string;
  /** The whole file, for a post: its body is checked once every file is read. */
  source?: string;
}

function parseYaml(yaml: string, firstLine: number) {
  const lineCounter = new LineCounter();
  // The `timestamp` tag makes unquoted dates parse as Date, as js-yaml does inside Astro, so the
  // check and the build see the same values.
  const doc = parseDocument(yaml, { lineCounter, customTags: ['timestamp'], prettyErrors: false });
  const at = (offset: number): At => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const end = at(yaml.length);
  const locate: Locate = (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      if (node?.range) return at(node.range[0]);
    }
    return end;
  };
  return { doc, at, locate };
}

/** Position of a key (not its value) in the top-level map, for unknown-key reports. */
function locateKey(doc: Document, key: string, at: (offset: number) => At): At | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return range ? at(range[0]) : undefined;
}

/** The schema's issues as problems: an unknown key at the key, anything else at its value, each once. */
function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: Document,
  at: (offset: number) => At,
  locate: Locate,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const position = locateKey(doc, key, at) ?? locate([]);
        problems.push({
          ...position,
          field: key,
          message: issue.message.split('; ').find((m) => m.includes(`"${key}"`)) ?? issue.message,
        });
      }
      continue;
    }
    const field = issue.path.map(String).join('.') || '(file)';
    const key = `${field}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ ...locate(issue.path), field, message: issue.message });
  }
  return problems;
}

/**
 * YAML starting on `firstLine` of its file, validated with `schema`. Problems are added to
 * `problems`: the first syntax error only (the rest are usually its echoes), or every issue the
 * schema finds.
 */
export function readYaml(yaml: string, firstLine: number, schema: z.ZodType, problems: FileProblem[]): ReadYaml {
  const { doc, at, locate } = parseYaml(yaml, firstLine);
  const [error] = doc.errors;
  if (error) {
    const message = error.message.split('\n')[0] ?? 'invalid YAML';
    problems.push({
      ...at(error.pos[0]),
      field: 'yaml',
      message: `${message} (check quotes, colons and indentation here)`,
    });
    return { data: undefined, locate };
  }
  const value: unknown = doc.toJS();
  const data = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) problems.push(...schemaProblems(result.error.issues, doc, at, locate));
  return { data, valid: result.data, locate };
}

/** Reads one file of a collection, validated with `schema`; its problems are added to `problems`. */
export function readContentFile(
  root: string,
  collection: CollectionName,
  path: string,
  schema: z.ZodType,
  problems: FileProblem[],
): ParsedFile {
  const source = readFileSync(join(root, path), 'utf8');
  const base = { collection, path, id: fileId(path) };
  if (collection !== 'posts') return { ...base, ...readYaml(source, 1, schema, problems) };
  const front = splitFrontmatter(source);
  if (!front) {
    problems.push({
      line: 1,
      column: 1,
      field: 'frontmatter',
      message: 'no frontmatter (start the file with a line "---", the fields, then another "---")',
    });
    return { ...base, data: undefined, source, locate: () => ({ line: 1, column: 1 }) };
  }
  return { ...base, ...readYaml(front.yaml, front.firstLine, schema, problems), source };
}

/** The site data file (content/site.yaml), when there is one: validated like any data file. */
export function readSiteDataFile(root: string, problems: FileProblem[]): void {
  let text: string;
  try {
    text = readFileSync(join(root, SITE_DATA_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // optional: no import has run yet
    throw error;
  }
  readYaml(text, 1, siteDataSchema, problems);
}
