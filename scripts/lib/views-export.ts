/**
 * Reading an analytics page-views export (CSV) for `npm run views:import`: the table, its page
 * and count columns, every row checked, and the post each page points at.
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
 */
import { CsvError, parse, type CsvErrorCode } from 'csv-parse/sync';
import { ID_PATTERN } from '../../src/schemas/fields.ts';

/** A refusal: the message names the file, the line and what to do about it. */
export class ViewsImportError extends Error {
  override name = 'ViewsImportError';
}

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

/** One CSV record and the line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What to do about each way csv-parse can refuse a file, for an editor. */
const CSV_FIXES: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED:
    'a quoted value starts here and is never closed. Add the closing " (write "" for a quote inside a quoted value).',
  CSV_INVALID_CLOSING_QUOTE:
    'text after the closing quote of a quoted value. Put the whole value inside the quotes, writing "" for a quote inside it.',
  INVALID_OPENING_QUOTE:
    'a quote inside a value that is not in quotes. Put the whole value in double quotes, writing "" for the quote inside it.',
};

/** The 1-based line of byte offsets asked for in increasing order: CRLF, LF and a lone CR each end a line. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a)) line++;
    return line;
  };
}

/**
 * CSV records by csv-parse (RFC 4180: quoted fields, "" for a quote inside them, commas and line
 * breaks inside quotes, CRLF or LF line ends, a leading UTF-8 BOM), each with the file line it
 * starts on. Rows may differ in length (readViewsExport says which row is wrong) and a blank line
 * is a record of one empty field. `firstLine` is the file line the text starts on. A malformed
 * quote is a ViewsImportError naming the line its row starts on.
 */
export function parseCsv(text: string, file = 'CSV', firstLine = 1): CsvRecord[] {
  const bytes = Buffer.from(text);
  const lineAt = lineCounter(bytes);
  const records: CsvRecord[] = [];
  let start = 0; // where the next record starts: csv-parse counts bytes, BOM included
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (fields: string[], { bytes: end }) => {
        records.push({ line: firstLine - 1 + lineAt(start), fields });
        start = end;
        return undefined; // kept above, with its line
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ViewsImportError(
      `${file}:${firstLine - 1 + lineAt(start)}: ${CSV_FIXES[error.code] ?? `${error.message}.`}`,
    );
  }
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

/** The page and count columns of the header row, or a refusal naming what was found and what is accepted. */
function findColumns(header: CsvRecord, file: string): { pathIndex: number; countIndex: number } {
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
  return { pathIndex, countIndex };
}

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
    throw new ViewsImportError(
      `${file}: the file holds only comments and blank lines, no table. Export the pages report again as CSV.`,
    );
  }
  const skipped = preamble.split(/\r\n|\n|\r/).length - 1;
  const records = parseCsv(body, file, skipped + 1);
  const header = records[0]!;
  const { pathIndex, countIndex } = findColumns(header, file);
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
