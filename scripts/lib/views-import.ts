/**
 * `npm run views:import`: sets each post's `views` from an analytics page-views export (CSV) and
 * `viewsAsOf` in src/site.config.ts to the export's date. Everything is read and checked first and
 * every new file text is computed in memory; files are written only when nothing is wrong, each
 * through a temporary file and a rename, so a refusal or a crash never leaves half an import.
 *
 * Accepted columns (header names compare case-insensitively, trimmed, "_" read as a space):
 * - the page: "Page path", "Page path and screen class" (GA4), "Page path + query string",
 *   "Landing page", "Landing page + query string", "Page", "Path", "Pathname" (Fathom, Umami),
 *   "Page URL", "URL", "Full page URL", "Page location", "Entry page", "Slug";
 * - the count: "Views", "Pageviews", "Page views", "Screen page views", "Views (Page views)",
 *   "Total views", "Total pageviews", "Hits".
 * Visitor, user, session and visit counts are not page views and are never used; "Count" and
 * "Total" are refused as too vague to know what they count. When several columns are accepted,
 * the one earliest in these lists wins, and the report names the two columns it used.
 *
 * The export is the total to date: the import SETS views, it does not add to them. Rows for one
 * post (e.g. "/posts/a/" and "/posts/a/?utm_source=x") are summed. A post the export names must
 * have exactly one `views:` line in its frontmatter (add `views: 0` to a new post); posts the
 * export does not name are left as they are and listed.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { fileId, listCollectionFiles } from '../../src/lib/content-files.ts';
import { ID_PATTERN } from '../../src/schemas/fields.ts';
import { closest } from '../../src/lib/suggest.ts';

/** Header names of the column holding the page, best first (normalised: lower case, spaces). */
export const PATH_COLUMNS = [
  'page path',
  'page path and screen class',
  'page path + query string',
  'page path + query string and screen class',
  'landing page',
  'landing page + query string',
  'page',
  'path',
  'pathname',
  'page url',
  'url',
  'full page url',
  'page location',
  'entry page',
  'slug',
] as const;

/** Header names of the column holding the page-view count, best first. */
export const COUNT_COLUMNS = [
  'views',
  'pageviews',
  'page views',
  'screen page views',
  'screenpageviews',
  'views (page views)',
  'total views',
  'total pageviews',
  'hits',
] as const;

/** A refusal: the message names the file, the line and what to do about it. */
export class ViewsImportError extends Error {
  override name = 'ViewsImportError';
}

/** One CSV record and the line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: quoted fields, "" for a quote inside them, commas and line breaks inside quotes,
 * CRLF or LF line ends, a leading UTF-8 BOM. Written here because none of the installed packages
 * parses CSV, and the format is small enough not to add a dependency for it. A quote inside an
 * unquoted field is kept as text, as spreadsheet programs do. `firstLine` is the file line the
 * text starts on, so errors and records carry real line numbers.
 */
export function parseCsv(text: string, file = 'CSV', firstLine = 1): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = firstLine;
  let fields: string[] = [];
  let field = '';
  let recordLine = line;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const char = source[i]!;
    if (char === '"' && field === '') {
      // A quoted field: runs to the next lone quote, across commas and line breaks.
      const openedAt = line;
      i++;
      for (;;) {
        if (i >= source.length) {
          throw new ViewsImportError(
            `${file}:${openedAt}: a quoted value starts here and is never closed. Add the closing " (write "" for a quote inside a quoted value).`,
          );
        }
        const c = source[i]!;
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = source[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new ViewsImportError(
          `${file}:${line}: text after the closing quote of a quoted value. Put the whole value inside the quotes, writing "" for a quote inside it.`,
        );
      }
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  // A final line without a line break still ends a record; a final line break does not start one.
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Header name as compared: trimmed, lower case, "_" and runs of spaces read as one space. */
function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ');
}

/** "8870", "8,870" and "8 870" → 8870; anything else (decimals, negatives, words) → undefined. */
export function parseCount(value: string): number | undefined {
  const text = value.trim();
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+)$/.test(text)) return undefined;
  const count = Number(text.replace(/[, \u00A0\u202F]/g, ''));
  return Number.isSafeInteger(count) ? count : undefined;
}

/** One data row of an export: the line it is on, its page as written and its view count. */
export interface ViewsRow {
  line: number;
  page: string;
  views: number;
}

/** The rows of an export and the names of the two columns they were read from. */
export interface ViewsExport {
  pathColumn: string;
  countColumn: string;
  rows: ViewsRow[];
}

const isBlank = (record: CsvRecord) => record.fields.length === 1 && record.fields[0]!.trim() === '';
const isComment = (record: CsvRecord) => record.fields[0]!.startsWith('#');

/**
 * Reads an analytics export: skips the `#` comment lines and blank lines GA4 puts above the table,
 * finds the page and count columns, and checks every row. A blank line ends the table; only blank
 * and `#` lines may follow it (a second table is refused, not guessed at). `file` names the file.
 */
export function readViewsExport(text: string, file: string): ViewsExport {
  if (text.trim() === '') {
    throw new ViewsImportError(`${file}: the file is empty. Export the pages report again as CSV.`);
  }
  if (text.startsWith('PK\u0003\u0004') || text.includes('\u0000')) {
    throw new ViewsImportError(
      `${file}: this is not a CSV file (it looks like a spreadsheet or a zip). Export the report as CSV (comma-separated values).`,
    );
  }
  // Leading comments are cut off before parsing, so a stray quote in them cannot confuse the parser.
  const source = text.replace(/^\uFEFF/, '');
  const preamble = /^(?:(?:#[^\r\n]*|[ \t]*)(?:\r\n|\n|\r))*/.exec(source)![0];
  const body = source.slice(preamble.length);
  if (body.trim() === '' || body.startsWith('#')) {
    throw new ViewsImportError(`${file}: the file holds only comments and blank lines, no table. Export the pages report again as CSV.`);
  }
  const skipped = preamble.split(/\r\n|\n|\r/).length - 1;
  const records = parseCsv(body, file, skipped + 1);
  const header = records[0]!;
  const headerNames = header.fields.map(normaliseHeader);
  const found = header.fields.map((name) => `"${name.trim()}"`).join(', ');
  const separatorHint = /[;\t]/.test(header.fields.join(''))
    ? ' The header looks separated by semicolons or tabs: export as comma-separated CSV.'
    : '';
  const pick = (accepted: readonly string[]) => {
    for (const name of accepted) {
      const index = headerNames.indexOf(name);
      if (index >= 0) return index;
    }
    return -1;
  };
  const pathIndex = pick(PATH_COLUMNS);
  if (pathIndex < 0) {
    throw new ViewsImportError(
      `${file}:${header.line}: no column with the page path or URL. Found ${found}; accepted: ${quoteAll(PATH_COLUMNS)}. Rename the column holding the pages to "Page path".${separatorHint}`,
    );
  }
  const countIndex = pick(COUNT_COLUMNS);
  if (countIndex < 0) {
    throw new ViewsImportError(
      `${file}:${header.line}: no column with page views. Found ${found}; accepted: ${quoteAll(COUNT_COLUMNS)}. Export page views (visitors, users and sessions are not views), or rename the column holding page views to "Views".${separatorHint}`,
    );
  }

  const rows: ViewsRow[] = [];
  let tableEnd: CsvRecord | undefined;
  for (const record of records.slice(1)) {
    if (tableEnd) {
      if (isBlank(record) || isComment(record)) continue;
      throw new ViewsImportError(
        `${file}:${record.line}: more data after the blank line that ends the table (line ${tableEnd.line}). Export one table only, or delete everything from line ${tableEnd.line} on.`,
      );
    }
    if (isBlank(record)) {
      tableEnd = record;
      continue;
    }
    if (record.fields.length !== header.fields.length) {
      throw new ViewsImportError(
        `${file}:${record.line}: this row has ${record.fields.length} values but the header (line ${header.line}) has ${header.fields.length}. Put any value that contains a comma in double quotes, e.g. "1,234".`,
      );
    }
    const raw = record.fields[countIndex]!;
    const views = parseCount(raw);
    if (views === undefined) {
      throw new ViewsImportError(
        `${file}:${record.line}: "${raw}" in column "${header.fields[countIndex]!.trim()}" is not a whole number of views. Write a count such as 8870 or 8,870 (no decimals, no minus sign).`,
      );
    }
    rows.push({ line: record.line, page: record.fields[pathIndex]!.trim(), views });
  }
  return { pathColumn: header.fields[pathIndex]!.trim(), countColumn: header.fields[countIndex]!.trim(), rows };
}

function quoteAll(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/**
 * The slug a page of the export points at, or undefined when it is not a post page. A path or a
 * full URL points at a post when it ends in /posts/<slug> (after any base path; query string,
 * fragment and trailing slash ignored); a bare word that looks like a slug is taken as one.
 * The host is ignored: the site's URL is set per deployment (SITE_URL) and an export covers one
 * site. The path is compared as written: slugs are lower case, and /posts/Foo/ is a 404 page.
 */
export function slugOfPage(page: string): string | undefined {
  let path = page.trim().replace(/[?#].*$/s, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('//')) {
    path = path.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/^\/\/[^/]*/, '');
  } else if (!path.startsWith('/') && !path.includes('/')) {
    return ID_PATTERN.test(path) ? path : undefined;
  }
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape cannot name a post; compare the text as written.
  }
  const match = /(?:^|\/)posts\/([^/]+)\/*$/.exec(decoded);
  return match?.[1];
}

/**
 * Sets the `views:` line of a post's frontmatter to `views`, keeping every other byte (line ends,
 * comments, other fields). Refuses a post without frontmatter or with no or two `views:` lines.
 */
export function setViews(source: string, views: number, file: string): { text: string; old: string } {
  const frontmatter = splitFrontmatter(source);
  if (!frontmatter) {
    throw new ViewsImportError(`${file}: no frontmatter. Start the file with a line "---", the fields, then another "---".`);
  }
  const start = source.indexOf('\n') + 1;
  const yaml = frontmatter.yaml;
  const pattern = /^(views[ \t]*:[ \t]*)([^#\r\n]*?)([ \t]*(?:#[^\r\n]*)?)(?=\r?$)/gm;
  const matches = [...yaml.matchAll(pattern)];
  if (matches.length !== 1) {
    const lines = matches.map((m) => yaml.slice(0, m.index).split('\n').length + 1);
    throw new ViewsImportError(
      matches.length === 0
        ? `${file}: the frontmatter has no "views:" line. Add "views: 0" to it, then run the import again.`
        : `${file}: the frontmatter has ${matches.length} "views:" lines (lines ${lines.join(', ')}). Keep one.`,
    );
  }
  const match = matches[0]!;
  const valueStart = start + match.index + match[1]!.length;
  const old = match[2]!;
  const text = source.slice(0, valueStart) + String(views) + source.slice(valueStart + old.length);
  return { text, old: old.trim() };
}

/**
 * Sets `viewsAsOf: 'YYYY-MM-DD'` in the site config (or only reads it, when `day` is undefined);
 * refuses unless that line is there exactly once.
 */
export function setViewsAsOf(source: string, day: string | undefined, file: string): { text: string; old: string } {
  const lines = [...source.matchAll(/^[ \t]*viewsAsOf[ \t]*:.*$/gm)];
  const pattern = /^([ \t]*viewsAsOf[ \t]*:[ \t]*(['"]))(\d{4}-\d{2}-\d{2})\2,?[ \t]*(?:\/\/.*)?$/;
  const match = lines.length === 1 ? pattern.exec(lines[0]![0].replace(/\r$/, '')) : null;
  if (!match) {
    throw new ViewsImportError(
      `${file}: expected exactly one line like "  viewsAsOf: '2026-11-22'," (found ${lines.length} "viewsAsOf" line${lines.length === 1 ? ' in another form' : 's'}). Restore that line, then run the import again.`,
    );
  }
  const valueStart = lines[0]!.index + match[1]!.length;
  const old = match[3]!;
  if (day === undefined) return { text: source, old };
  return { text: source.slice(0, valueStart) + day + source.slice(valueStart + old.length), old };
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
  posts: { name: string; slug: string; old: string; views: number; rows: number; changed: boolean }[];
  /** Rows pointing at /posts/<slug> (or a bare slug) with no such post, e.g. a renamed post. */
  unknownPosts: { line: number; page: string; hint: string }[];
  /** Rows for pages that are not posts: "/", "/about/", "(not set)"… */
  notPosts: { line: number; page: string }[];
  /** Posts with no row in the export, left unchanged. */
  missing: string[];
  /** New texts of the files that change (posts first, the config last). */
  writes: TextFile[];
}

/**
 * Plans an import from texts alone (no file system, no clock): reads the export, matches rows to
 * posts, and computes each changed file. Throws a ViewsImportError on the first problem.
 */
export function planViewsImport(input: { csv: TextFile; posts: TextFile[]; config: TextFile; asOf: string }): ViewsImportPlan {
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
      unknownPosts.push({ line: row.line, page: row.page, hint: near ? `did you mean "${near}"?` : 'no post has this slug' });
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
        `${files[0]!.name}: two posts have the id "${slug}" (also ${files.slice(1).map((f) => f.name).join(', ')}). Rename one of them.`,
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
  const config = setViewsAsOf(input.config.text, posts.length > 0 ? input.asOf : undefined, input.config.name);
  if (config.text !== input.config.text) writes.push({ ...input.config, text: config.text });
  return {
    csv: input.csv.name,
    pathColumn: exported.pathColumn,
    countColumn: exported.countColumn,
    asOf: input.asOf,
    previousAsOf: config.old,
    posts,
    unknownPosts,
    notPosts,
    missing: missing.sort(),
    writes,
  };
}

/** Writes a file whole or not at all: a temporary file in the same folder, then a rename. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.views-import-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    chmodSync(temporary, statSync(path).mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Options of one import run: which export, which content and config, which day, write or not. */
export interface ImportViewsOptions {
  csvPath: string;
  contentRoot: string;
  configPath: string;
  asOf: string;
  dryRun?: boolean;
  /** How a path is shown in messages (e.g. relative to the working directory). */
  display?: (path: string) => string;
}

/** Reads the export, the posts and the config, plans the import, and writes it unless a dry run. */
export function importViews(options: ImportViewsOptions): ViewsImportPlan {
  const display = options.display ?? ((path: string) => path);
  const read = (path: string): TextFile => {
    try {
      return { path, name: display(path), text: readFileSync(path, 'utf8') };
    } catch (error) {
      throw new ViewsImportError(`${display(path)}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the path.`);
    }
  };
  const csv = read(options.csvPath);
  const posts = listCollectionFiles(options.contentRoot, 'posts').map((file) => read(join(options.contentRoot, file)));
  const config = read(options.configPath);
  const plan = planViewsImport({ csv, posts, config, asOf: options.asOf });
  if (!options.dryRun) for (const file of plan.writes) writeFileAtomically(file.path, file.text);
  return plan;
}

/** The report printed after an import (or a dry run): what changed, what did not match, what is missing. */
export function formatReport(plan: ViewsImportPlan, { dryRun = false } = {}): string {
  const out: string[] = [];
  const would = dryRun ? 'would be ' : '';
  out.push(`Read ${plan.csv}: pages from "${plan.pathColumn}", views from "${plan.countColumn}".`);
  const changed = plan.posts.filter((p) => p.changed);
  out.push('', `${changed.length} post${changed.length === 1 ? '' : 's'} ${would}updated:`);
  for (const p of changed) out.push(`  ${p.name}  ${p.old || '(empty)'} → ${p.views}${p.rows > 1 ? ` (sum of ${p.rows} rows)` : ''}`);
  const same = plan.posts.length - changed.length;
  if (same > 0) out.push(`${same} post${same === 1 ? '' : 's'} already up to date.`);
  if (plan.unknownPosts.length > 0) {
    out.push('', `${plan.unknownPosts.length} row${plan.unknownPosts.length === 1 ? '' : 's'} matching no post (ignored):`);
    for (const r of plan.unknownPosts) out.push(`  line ${r.line}: ${r.page} (${r.hint})`);
  }
  if (plan.notPosts.length > 0) {
    const shown = plan.notPosts.slice(0, 10).map((r) => `${r.page || '(empty)'} (line ${r.line})`);
    const more = plan.notPosts.length > 10 ? `, … and ${plan.notPosts.length - 10} more` : '';
    out.push('', `${plan.notPosts.length} row${plan.notPosts.length === 1 ? '' : 's'} not a post page (ignored): ${shown.join(', ')}${more}`);
  }
  if (plan.missing.length > 0) {
    out.push('', `${plan.missing.length} post${plan.missing.length === 1 ? '' : 's'} not in the export (left unchanged):`);
    for (const name of plan.missing) out.push(`  ${name}`);
  }
  const earlier = plan.asOf < plan.previousAsOf ? ` (earlier than the previous import, ${plan.previousAsOf}: is this an old export?)` : '';
  if (plan.posts.length === 0) out.push('', `viewsAsOf stays ${plan.previousAsOf}: no row of the export matched a post.`);
  else if (plan.asOf === plan.previousAsOf) out.push('', `viewsAsOf stays ${plan.asOf}.`);
  else out.push('', `viewsAsOf ${would}set: ${plan.previousAsOf} → ${plan.asOf}${earlier}`);
  out.push(dryRun ? 'Dry run: no file was written.' : `${plan.writes.length} file${plan.writes.length === 1 ? '' : 's'} written.`);
  return out.join('\n');
}
