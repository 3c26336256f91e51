/**
 * `npm run views:import`: sets each post's `views` from an analytics page-views export (CSV) and
 * `viewsAsOf` in content/site.yaml to the export's date (unless no row matched a post). The
 * export is read by ./views-export.ts, which lists the columns it accepts. Everything is read
 * and checked first and every new file text is computed in memory; files are written only when
 * nothing is wrong, each with write-file-atomic (a temporary file, then a rename), so a refusal
 * changes nothing and a crash never leaves a half-written file.
 *
 * The export is the total to date: the import SETS views, it does not add to them. Rows for one
 * post (e.g. "/posts/a/" and "/posts/a/?utm_source=x") are summed. A post the export names must
 * have exactly one `views:` line in its frontmatter (add `views: 0` to a new post); posts the
 * export does not name are left as they are and listed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isMap, isNode, isScalar, LineCounter, parse, parseDocument } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { fileId, listCollectionFiles, SITE_DATA_FILE } from '../../src/lib/content-files.ts';
import { closest } from '../../src/schemas/suggest.ts';
import { readViewsExport, slugOfPage, ViewsImportError } from './views-export.ts';

/** A top-level `key:` of a YAML text: the line of the key and the offsets of its value. */
interface YamlValue {
  line: number;
  start: number;
  end: number;
}

/**
 * Every top-level `key:` of a YAML mapping, repeats included, found by the YAML parser (not by
 * matching lines), so quotes, comments and other keys that merely contain the word are read as
 * YAML reads them. A syntax error is refused with its line (counted from `firstLine`).
 */
function yamlValues(yaml: string, key: string, file: string, firstLine: number): YamlValue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const line = (offset: number) => firstLine - 1 + lineCounter.linePos(offset).line;
  const [error] = doc.errors;
  if (error) {
    throw new ViewsImportError(
      `${file}:${line(error.pos[0])}: this is not valid YAML (${error.message}). Fix it first; npm run check:content says how.`,
    );
  }
  if (!isMap(doc.contents)) return [];
  return doc.contents.items.flatMap((pair) => {
    if (!isScalar(pair.key) || pair.key.value !== key || !pair.key.range) return [];
    // An empty value (`views:`) is a null scalar whose range is empty, right after the colon.
    const range = isNode(pair.value) ? pair.value.range : undefined;
    const end = pair.key.range[1] + 1;
    return [{ line: line(pair.key.range[0]), start: range?.[0] ?? end, end: range?.[1] ?? end }];
  });
}

/** `text` with the value at `value` (offsets from `offset`) replaced by `written`. */
function replaceValue(text: string, offset: number, value: YamlValue, written: string): string {
  const start = offset + value.start;
  // `views:` with nothing after it takes a space before the number, or YAML reads `views:12`.
  const spaced = value.start === value.end && text[start - 1] === ':' ? ` ${written}` : written;
  return text.slice(0, start) + spaced + text.slice(offset + value.end);
}

/**
 * Sets the `views:` value in a post's frontmatter to `views`, keeping every other byte (line ends,
 * comments, spacing, other fields): the YAML parser says where the value is, and only those bytes
 * change. (The yaml package's Document API re-prints the whole block: CRLF, spacing and long
 * lines would change.) Refuses a post without frontmatter, with invalid YAML, or with no or two
 * `views:` keys.
 */
export function setViews(source: string, views: number, file: string): { text: string; old: string } {
  const frontmatter = splitFrontmatter(source);
  if (!frontmatter) {
    throw new ViewsImportError(
      `${file}: no frontmatter. Start the file with a line "---", the fields, then another "---".`,
    );
  }
  const values = yamlValues(frontmatter.yaml, 'views', file, frontmatter.firstLine);
  const [value] = values;
  if (!value || values.length > 1) {
    throw new ViewsImportError(
      values.length === 0
        ? `${file}: the frontmatter has no "views:" line. Add "views: 0" to it, then run the import again.`
        : `${file}: the frontmatter has ${values.length} "views:" lines (lines ${values.map((v) => v.line).join(', ')}). Keep one.`,
    );
  }
  const old = frontmatter.yaml.slice(value.start, value.end).trim();
  return { text: replaceValue(source, frontmatter.offset, value, String(views)), old };
}

/** What content/site.yaml starts with when an import creates it. */
const NEW_SITE_DATA = `# The day the posts' views were exported from analytics: the site says "Views as of" it.
# npm run views:import sets it; correct it here if an import used the wrong day.
`;

/**
 * Sets `viewsAsOf` in the site data (content/site.yaml) to `day`, or only reads it when `day` is
 * undefined. Like setViews, only the value's bytes change; a file without the key gets it as a
 * last line. Refuses invalid YAML and a key written twice. `old` is the previous day, or "".
 */
export function setViewsAsOf(source: string, day: string | undefined, file: string): { text: string; old: string } {
  const values = yamlValues(source, 'viewsAsOf', file, 1);
  const [value] = values;
  if (values.length > 1) {
    throw new ViewsImportError(
      `${file}: "viewsAsOf:" is written ${values.length} times (lines ${values.map((v) => v.line).join(', ')}). Keep one.`,
    );
  }
  const old = value ? String(parse(source.slice(value.start, value.end)) ?? '') : '';
  if (day === undefined) return { text: source, old };
  if (value) return { text: replaceValue(source, 0, value, `"${day}"`), old };
  const separator = source === '' || source.endsWith('\n') ? '' : '\n';
  return { text: `${source}${separator}viewsAsOf: "${day}"\n`, old };
}

/** A text file as the import sees it: where to write it, how to name it, what it holds. */
export interface TextFile {
  path: string;
  name: string;
  text: string;
}

/** Everything an import would do, computed without touching a file. */
export interface ViewsImportPlan {
  csv: string;
  pathColumn: string;
  countColumn: string;
  asOf: string;
  previousAsOf: string;
  /** Posts found in the export, with old and new views and the rows summed. */
  posts: Array<{ name: string; slug: string; old: string; views: number; rows: number; changed: boolean }>;
  /** Rows pointing at /posts/<slug> (or a bare slug) with no such post, e.g. a renamed post. */
  unknownPosts: Array<{ line: number; page: string; hint: string }>;
  /** Rows for pages that are not posts: "/", "/about/", "(not set)"… */
  notPosts: Array<{ line: number; page: string }>;
  /** Posts with no row in the export, left unchanged. */
  missing: string[];
  /** New texts of the files that change (posts first, the site data last). */
  writes: TextFile[];
}

/**
 * Plans an import from texts alone (no file system, no clock): reads the export, matches rows to
 * posts, and computes each changed file. Throws a ViewsImportError on the first problem.
 */
export function planViewsImport(input: {
  csv: TextFile;
  posts: TextFile[];
  site: TextFile;
  asOf: string;
}): ViewsImportPlan {
  const exported = readViewsExport(input.csv.text, input.csv.name);
  const postsBySlug = new Map<string, TextFile[]>();
  for (const post of input.posts) {
    const slug = fileId(post.path);
    postsBySlug.set(slug, [...(postsBySlug.get(slug) ?? []), post]);
  }
  const slugs = [...postsBySlug.keys()];
  const totals = new Map<string, { views: number; rows: number }>();
  const unknownPosts: ViewsImportPlan['unknownPosts'] = [];
  const notPosts: ViewsImportPlan['notPosts'] = [];
  for (const row of exported.rows) {
    const slug = slugOfPage(row.page);
    if (slug === undefined) {
      notPosts.push({ line: row.line, page: row.page });
    } else if (!postsBySlug.has(slug)) {
      const near = closest(slug, slugs);
      unknownPosts.push({
        line: row.line,
        page: row.page,
        hint: near ? `did you mean "${near}"?` : 'no post has this slug',
      });
    } else {
      const total = totals.get(slug) ?? { views: 0, rows: 0 };
      totals.set(slug, { views: total.views + row.views, rows: total.rows + 1 });
    }
  }

  const posts: ViewsImportPlan['posts'] = [];
  const writes: TextFile[] = [];
  const missing: string[] = [];
  for (const [slug, files] of postsBySlug) {
    const total = totals.get(slug);
    if (!total) {
      missing.push(...files.map((f) => f.name));
      continue;
    }
    if (files.length > 1) {
      throw new ViewsImportError(
        `${files[0]!.name}: two posts have the id "${slug}" (also ${files
          .slice(1)
          .map((f) => f.name)
          .join(', ')}). Rename one of them.`,
      );
    }
    const post = files[0]!;
    const { text, old } = setViews(post.text, total.views, post.name);
    const changed = text !== post.text;
    posts.push({ name: post.name, slug, old, views: total.views, rows: total.rows, changed });
    if (changed) writes.push({ ...post, text });
  }
  // An export that names none of these posts (another site's, the wrong report) says nothing
  // about their views, so the day they are "as of" stays.
  const site = setViewsAsOf(input.site.text, posts.length > 0 ? input.asOf : undefined, input.site.name);
  if (site.text !== input.site.text) writes.push({ ...input.site, text: site.text });
  return {
    csv: input.csv.name,
    pathColumn: exported.pathColumn,
    countColumn: exported.countColumn,
    asOf: input.asOf,
    previousAsOf: site.old,
    posts,
    unknownPosts,
    notPosts,
    missing: missing.sort(),
    writes,
  };
}

/** Options of one import run: which export, which content, which day, write or not. */
export interface ImportViewsOptions {
  csvPath: string;
  contentRoot: string;
  asOf: string;
  dryRun?: boolean;
  /** How a path is shown in messages (e.g. relative to the working directory). */
  display?: (path: string) => string;
}

/**
 * Reads the export, the posts and the site data (content/site.yaml, created when there is none),
 * plans the import, and writes it unless a dry run.
 */
export function importViews(options: ImportViewsOptions): ViewsImportPlan {
  const display = options.display ?? ((path: string) => path);
  const read = (path: string): TextFile => {
    try {
      return { path, name: display(path), text: readFileSync(path, 'utf8') };
    } catch (error) {
      throw new ViewsImportError(
        `${display(path)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the path.`,
      );
    }
  };
  const csv = read(options.csvPath);
  const posts = listCollectionFiles(options.contentRoot, 'posts').map((file) => read(join(options.contentRoot, file)));
  const sitePath = join(options.contentRoot, SITE_DATA_FILE);
  const site = existsSync(sitePath) ? read(sitePath) : { path: sitePath, name: display(sitePath), text: NEW_SITE_DATA };
  const plan = planViewsImport({ csv, posts, site, asOf: options.asOf });
  // Each file whole or not at all (a temporary file beside it, then a rename), keeping its mode.
  if (!options.dryRun) for (const file of plan.writes) writeFileAtomic.sync(file.path, file.text);
  return plan;
}

/** The report printed after an import (or a dry run): what changed, what did not match, what is missing. */
export function formatReport(plan: ViewsImportPlan, { dryRun = false } = {}): string {
  const out: string[] = [];
  const would = dryRun ? 'would be ' : '';
  out.push(`Read ${plan.csv}: pages from "${plan.pathColumn}", views from "${plan.countColumn}".`);
  const changed = plan.posts.filter((p) => p.changed);
  out.push('', `${changed.length} post${changed.length === 1 ? '' : 's'} ${would}updated:`);
  for (const p of changed)
    out.push(`  ${p.name}  ${p.old || '(empty)'} → ${p.views}${p.rows > 1 ? ` (sum of ${p.rows} rows)` : ''}`);
  const same = plan.posts.length - changed.length;
  if (same > 0) out.push(`${same} post${same === 1 ? '' : 's'} already up to date.`);
  if (plan.unknownPosts.length > 0) {
    out.push(
      '',
      `${plan.unknownPosts.length} row${plan.unknownPosts.length === 1 ? '' : 's'} matching no post (ignored):`,
    );
    for (const r of plan.unknownPosts) out.push(`  line ${r.line}: ${r.page} (${r.hint})`);
  }
  if (plan.notPosts.length > 0) {
    const shown = plan.notPosts.slice(0, 10).map((r) => `${r.page || '(empty)'} (line ${r.line})`);
    const more = plan.notPosts.length > 10 ? `, … and ${plan.notPosts.length - 10} more` : '';
    out.push(
      '',
      `${plan.notPosts.length} row${plan.notPosts.length === 1 ? '' : 's'} not a post page (ignored): ${shown.join(', ')}${more}`,
    );
  }
  if (plan.missing.length > 0) {
    out.push(
      '',
      `${plan.missing.length} post${plan.missing.length === 1 ? '' : 's'} not in the export (left unchanged):`,
    );
    for (const name of plan.missing) out.push(`  ${name}`);
  }
  const earlier =
    plan.asOf < plan.previousAsOf
      ? ` (earlier than the previous import, ${plan.previousAsOf}: is this an old export?)`
      : '';
  if (plan.posts.length === 0)
    out.push('', `viewsAsOf stays ${plan.previousAsOf || '(none)'}: no row of the export matched a post.`);
  else if (plan.asOf === plan.previousAsOf) out.push('', `viewsAsOf stays ${plan.asOf}.`);
  else out.push('', `viewsAsOf ${would}set: ${plan.previousAsOf || '(none)'} → ${plan.asOf}${earlier}`);
  out.push(
    dryRun
      ? 'Dry run: no file was written.'
      : `${plan.writes.length} file${plan.writes.length === 1 ? '' : 's'} written.`,
  );
  return out.join('\n');
}
