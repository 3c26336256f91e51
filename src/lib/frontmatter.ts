/**
 * The YAML frontmatter of a Markdown or MDX file, found the way Astro finds it: a first line
 * `---` (after an optional byte-order mark), the fields, and a closing `---` line. Shared by the
 * content check, `npm run new` and `npm run views:import`, so all three read the same block.
 */

/** Where a file's frontmatter is: its YAML text, the file line it starts on and its offset. */
export interface Frontmatter {
  yaml: string;
  /** The file line of the YAML's first line (the line after the opening `---`). */
  firstLine: number;
  /** Offset of the YAML's first character in the file. */
  offset: number;
}

/** Splits a Markdown/MDX file into its YAML frontmatter and where it starts; undefined without one. */
export function splitFrontmatter(source: string): Frontmatter | undefined {
  const match = /^(\uFEFF?---\r?\n)([\s\S]*?)\r?\n?---(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  return { yaml: match[2] ?? '', firstLine: 2, offset: match[1]?.length ?? 0 };
}
