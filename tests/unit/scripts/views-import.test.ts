import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCount, parseCsv, readViewsExport, slugOfPage } from '../../../scripts/lib/views-export.ts';
import { formatReport, importViews, setViews, setViewsAsOf } from '../../../scripts/lib/views-import.ts';
import { checkContent } from '../../../src/check/index.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const fixture = (name: string) => join(projectRoot, 'tests/fixtures/views', name);

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

/** A temp copy of tests/fixtures/site, site.yaml included; the real one is never written. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'views-import-'));
  workspaces.push(dir);
  const content = join(dir, 'content');
  cpSync(join(projectRoot, 'tests/fixtures/site'), content, { recursive: true });
  const site = join(content, 'site.yaml');
  const run = (csv: string, options: { asOf?: string; dryRun?: boolean } = {}) =>
    importViews({
      csvPath: csv,
      contentRoot: content,
      asOf: options.asOf ?? '2026-12-01',
      dryRun: options.dryRun ?? false,
    });
  const read = (path: string) => readFileSync(join(content, path), 'utf8');
  return { dir, content, site, run, read };
}

/** Every file under `dir`, as bytes, by path. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) files.set(entry, readFileSync(path));
  }
  return files;
}

/** The paths whose bytes differ between two snapshots (added, removed or changed). */
function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)) || !after.has(path))
    .sort();
}

describe('parseCsv', () => {
  test.each([
    [
      'plain fields',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['quoted commas and doubled quotes', 'a,"b, ""c"""\n', [['a', 'b, "c"']]],
    ['a line break inside quotes', '"a\nb",c\n', [['a\nb', 'c']]],
    [
      'CRLF line ends and a BOM',
      '\uFEFFa,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'no final line break and empty fields',
      'a,,\n,"",x',
      [
        ['a', '', ''],
        ['', '', 'x'],
      ],
    ],
  ])('%s', (_, text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  test('records carry the line they start on, counting line breaks inside quotes', () => {
    expect(parseCsv('h,v\r\n"x\r\ny",1\r\nz,2\r\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  test('refuses an unterminated quote, naming the line it opens on', () => {
    expect(() => parseCsv('a,b\n"c,d\ne,f\n', 'x.csv')).toThrow(
      /^x\.csv:2: a quoted value starts here and is never closed/,
    );
  });

  test('refuses text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"c"d,e\n', 'x.csv')).toThrow(/^x\.csv:2: text after the closing quote/);
  });

  test('refuses a quote inside a value that is not in quotes, naming its line', () => {
    expect(() => parseCsv('a,b\r\n"x\r\ny",1\r\nc"d,e\r\n', 'x.csv')).toThrow(
      /^x\.csv:4: a quote inside a value that is not in quotes/,
    );
  });
});

describe('parseCount', () => {
  test.each([
    ['8870', 8870],
    ['8,870', 8870],
    ['8 870', 8870],
    ['1\u00A0234\u00A0567', 1234567],
    [' 0 ', 0],
    ['-5', undefined],
    ['12.5', undefined],
    ['8.870', undefined],
    ['88,70', undefined],
    ['', undefined],
    ['n/a', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });
});

describe('slugOfPage', () => {
  test.each([
    ['/posts/a-b/', 'a-b'],
    ['/posts/a-b', 'a-b'],
    ['/posts/a-b/?utm_source=x#top', 'a-b'],
    ['/blog/posts/a-b/', 'a-b'],
    ['https://BLOG.LSBR.EXAMPLE/posts/a-b/', 'a-b'],
    ['blog.lsbr.example/posts/a-b/', 'a-b'],
    ['a-b', 'a-b'],
    ['/', undefined],
    ['/about/', undefined],
    ['/posts/', undefined],
    ['/topics/statistics/', undefined],
    ['(not set)', undefined],
    ['', undefined],
  ])('%j → %j', (page, expected) => {
    expect(slugOfPage(page)).toBe(expected);
  });
});

describe('readViewsExport', () => {
  test('skips the GA4 comment header and reads quoted thousands', () => {
    const exported = readViewsExport(readFileSync(fixture('ga4-pages.csv'), 'utf8'), 'ga4.csv');
    expect(exported.pathColumn).toBe('Page path and screen class');
    expect(exported.countColumn).toBe('Views');
    expect(exported.rows[0]).toEqual({ line: 11, page: '/posts/fixture-post-01/', views: 1234 });
  });

  test('takes pageviews, not visitors, from a Plausible export', () => {
    const exported = readViewsExport(readFileSync(fixture('plausible-pages.csv'), 'utf8'), 'p.csv');
    expect(exported.countColumn).toBe('pageviews');
    expect(exported.rows.map((r) => r.views)).toEqual([450, 380, 120]);
  });

  test('accepts column names in any case and with underscores', () => {
    expect(readViewsExport(' PAGE_PATH , Screen_Page_Views \n/posts/a/,3\n', 'x.csv').rows).toEqual([
      { line: 2, page: '/posts/a/', views: 3 },
    ]);
  });

  test.each([
    ['an empty file', '', /^x\.csv: the file is empty/],
    ['comments only', '# GA4\n#\n', /^x\.csv: the file holds only comments/],
    [
      'visitors only',
      'Page,Visitors\n/posts/a/,3\n',
      /^x\.csv:1: no column with page views\. Found "Page", "Visitors"; accepted: "views",/,
    ],
    ['a vague "Count"', 'Page,Count\n/posts/a/,3\n', /no column with page views/],
    [
      'no page column',
      'Title,Views\nA,3\n',
      /^x\.csv:1: no column with the page path or URL\. Found "Title", "Views"; accepted: "page path",/,
    ],
    ['semicolons', 'Page;Views\n/posts/a/;3\n', /separated by semicolons or tabs/],
    [
      'a second table',
      'Page,Views\n/posts/a/,3\n\n# Day\nDay,Views\n1,3\n',
      /^x\.csv:5: more data after the blank line that ends the table \(line 3\)/,
    ],
  ])('refuses %s', (_, text, message) => {
    expect(() => readViewsExport(text, 'x.csv')).toThrow(message);
  });

  test('ignores blank lines and comments after the table', () => {
    expect(readViewsExport('Page,Views\n/posts/a/,3\n\n# generated\n\n', 'x.csv').rows).toHaveLength(1);
  });
});

describe('setViews', () => {
  test('changes only the number, keeping CRLF, comments and other fields', () => {
    const source =
      '---\r\ntitle: "views: 5"\r\nviews:   5   # from GA4\r\ntopics: [a]\r\n---\r\nviews: 5 in the body\r\n';
    expect(setViews(source, 1234, 'a.md')).toEqual({
      text: '---\r\ntitle: "views: 5"\r\nviews:   1234   # from GA4\r\ntopics: [a]\r\n---\r\nviews: 5 in the body\r\n',
      old: '5',
    });
  });

  test('reads the frontmatter as YAML does, quoted keys and all', () => {
    const source = '---\ntitle: "views: 5"\n"views": 5 # GA4\n---\n';
    expect(setViews(source, 8, 'a.md')).toEqual({ text: '---\ntitle: "views: 5"\n"views": 8 # GA4\n---\n', old: '5' });
  });

  test('fills an empty views: with a space before the number', () => {
    expect(setViews('---\nviews:\ntitle: x\n---\n', 12, 'a.md')).toEqual({
      text: '---\nviews: 12\ntitle: x\n---\n',
      old: '',
    });
  });

  test.each([
    [
      'invalid YAML',
      '---\ntitle: x: y\nviews: 1\n---\n',
      /^a\.md:2: this is not valid YAML \(Nested mappings are not allowed in compact mappings\)/,
    ],
    ['no frontmatter', 'Just text\n', /^a\.md: no frontmatter/],
    [
      'no views line',
      '---\ntitle: x\n---\nviews: 3\n',
      /^a\.md: the frontmatter has no "views:" line\. Add "views: 0"/,
    ],
    [
      'two views lines',
      '---\nviews: 1\ntitle: x\nviews: 2\n---\n',
      /^a\.md: the frontmatter has 2 "views:" lines \(lines 2, 4\)\. Keep one\./,
    ],
  ])('refuses a post with %s', (_, source, message) => {
    expect(() => setViews(source, 1, 'a.md')).toThrow(message);
  });
});

describe('setViewsAsOf', () => {
  test('rewrites the date and nothing else, CRLF and comments kept', () => {
    const source = "# viewsAsOf: the day\r\nviewsAsOf: '2026-11-22'  # from GA4\r\n";
    expect(setViewsAsOf(source, '2026-12-01', 's.yaml')).toEqual({
      text: '# viewsAsOf: the day\r\nviewsAsOf: "2026-12-01"  # from GA4\r\n',
      old: '2026-11-22',
    });
  });

  test('adds the date to a file without it, and only reads it when given no day', () => {
    expect(setViewsAsOf('# notes', '2026-12-01', 's.yaml')).toEqual({
      text: '# notes\nviewsAsOf: "2026-12-01"\n',
      old: '',
    });
    expect(setViewsAsOf('viewsAsOf: "2026-11-22"\n', undefined, 's.yaml')).toEqual({
      text: 'viewsAsOf: "2026-11-22"\n',
      old: '2026-11-22',
    });
  });

  test.each([
    [
      'twice',
      'viewsAsOf: "2026-11-22"\nviewsAsOf: "2026-11-23"\n',
      /^s\.yaml: "viewsAsOf:" is written 2 times \(lines 1, 2\)\. Keep one\./,
    ],
    ['invalid YAML', 'viewsAsOf: "2026-11-22\n', /^s\.yaml:\d+: this is not valid YAML/],
  ])('refuses site data with the key %s', (_, source, message) => {
    expect(() => setViewsAsOf(source, '2026-12-01', 's.yaml')).toThrow(message);
  });
});

describe('importViews', () => {
  test('sets views from a GA4 export, changing only the views lines and the viewsAsOf date', () => {
    const ws = workspace();
    const before = snapshot(ws.dir);
    const siteBefore = readFileSync(ws.site, 'utf8');
    const post01 = ws.read('posts/fixture-post-01.mdx');
    const post02 = ws.read('posts/fixture-post-02.mdx');
    const markdown = ws.read('posts/2024/markdown-post.md');

    const plan = ws.run(fixture('ga4-pages.csv'));

    expect(changedFiles(before, snapshot(ws.dir))).toEqual([
      'content/posts/2024/markdown-post.md',
      'content/posts/fixture-post-01.mdx',
      'content/posts/fixture-post-02.mdx',
      'content/site.yaml',
    ]);
    // Set, not added: 1,234 + 16 (the query-string duplicate) replaces 1007.
    expect(ws.read('posts/fixture-post-01.mdx')).toBe(post01.replace('\nviews: 1007\n', '\nviews: 1250\n'));
    expect(ws.read('posts/fixture-post-02.mdx')).toBe(post02.replace('\nviews: 2007\n', '\nviews: 2500\n'));
    expect(ws.read('posts/2024/markdown-post.md')).toBe(markdown.replace('\nviews: 1\n', '\nviews: 42\n'));
    expect(readFileSync(ws.site, 'utf8')).toBe(siteBefore.replace(/viewsAsOf: "[\d-]+"/, 'viewsAsOf: "2026-12-01"'));

    expect(plan.unknownPosts).toEqual([
      { line: 17, page: '/posts/old-fixture-post-03/', hint: 'did you mean "fixture-post-03"?' },
    ]);
    expect(plan.notPosts).toEqual([
      { line: 12, page: '/' },
      { line: 18, page: '/about/' },
    ]);
    expect(plan.missing).toContain(join(ws.content, 'posts/fixture-post-03.mdx'));

    const report = formatReport(plan);
    expect(report).toContain('fixture-post-01.mdx  1007 → 1250 (sum of 2 rows)');
    expect(report).toContain('1 post already up to date.');
    expect(report).toContain('line 17: /posts/old-fixture-post-03/ (did you mean "fixture-post-03"?)');
    expect(report).toContain('2 rows not a post page (ignored): / (line 12), /about/ (line 18)');
    expect(report).toMatch(/not in the export \(left unchanged\):\n.*draft-post\.mdx/);
    expect(report).toMatch(/viewsAsOf set: \d{4}-\d{2}-\d{2} → 2026-12-01/);
  });

  test('does not rewrite a post whose views are unchanged', () => {
    const ws = workspace();
    const rich = join(ws.content, 'posts/rich-post.mdx');
    const mtime = statSync(rich).mtimeMs;
    const plan = ws.run(fixture('ga4-pages.csv'));
    expect(plan.posts.find((p) => p.slug === 'rich-post')).toMatchObject({
      old: '123456',
      views: 123456,
      changed: false,
    });
    expect(plan.writes.map((w) => w.path)).not.toContain(rich);
    expect(statSync(rich).mtimeMs).toBe(mtime);
  });

  test('takes pageviews from a Plausible export', () => {
    const ws = workspace();
    const post03 = ws.read('posts/fixture-post-03.mdx');
    ws.run(fixture('plausible-pages.csv'));
    expect(ws.read('posts/fixture-post-03.mdx')).toBe(post03.replace('\nviews: 3007\n', '\nviews: 450\n'));
    expect(ws.read('posts/fixture-post-04.mdx')).toContain('\nviews: 380\n');
  });

  test('keeps CRLF line ends and a comment on the views line', () => {
    const ws = workspace();
    const source = '---\r\ntitle: "CRLF"\r\nviews: 9 # imported\r\n---\r\n\r\nBody.\r\n';
    writeFileSync(join(ws.content, 'posts/crlf-post.md'), source);
    const csv = join(ws.dir, 'crlf.csv');
    writeFileSync(csv, '\uFEFFPage path,Views\r\n/posts/crlf-post/,"10,000"\r\n');
    ws.run(csv);
    expect(ws.read('posts/crlf-post.md')).toBe(
      '---\r\ntitle: "CRLF"\r\nviews: 10000 # imported\r\n---\r\n\r\nBody.\r\n',
    );
  });

  test('replaces a post whole, keeping its file mode, and leaves no temporary file', () => {
    const ws = workspace();
    const post = join(ws.content, 'posts/fixture-post-01.mdx');
    chmodSync(post, 0o640);
    const names = readdirSync(join(ws.content, 'posts'));
    ws.run(fixture('ga4-pages.csv'));
    expect(ws.read('posts/fixture-post-01.mdx')).toContain('\nviews: 1250\n');
    expect(statSync(post).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(ws.content, 'posts'))).toEqual(names);
  });

  test('a dry run writes nothing', () => {
    const ws = workspace();
    const before = snapshot(ws.dir);
    const plan = ws.run(fixture('ga4-pages.csv'), { dryRun: true });
    expect(plan.writes).toHaveLength(4);
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);
    expect(formatReport(plan, { dryRun: true })).toContain('Dry run: no file was written.');
  });

  test.each([
    [
      'no-count-column.csv',
      /no-count-column\.csv:1: no column with page views\. Found "Page path", "Active users", "Sessions"/,
    ],
    [
      'ragged-row.csv',
      /ragged-row\.csv:4: this row has 3 values but the header \(line 2\) has 2\. Put any value that contains a comma in double quotes/,
    ],
    ['unterminated-quote.csv', /unterminated-quote\.csv:3: a quoted value starts here and is never closed/],
    ['negative-number.csv', /negative-number\.csv:3: "-5" in column "Pageviews" is not a whole number of views/],
    ['decimal-number.csv', /decimal-number\.csv:4: "12\.5" in column "Pageviews" is not a whole number of views/],
    ['empty.csv', /empty\.csv: the file is empty/],
  ])('refuses %s and leaves every post and the site data byte-identical', (name, message) => {
    const ws = workspace();
    const before = snapshot(ws.dir);
    expect(() => ws.run(fixture(name))).toThrow(message);
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);
  });

  test('leaves viewsAsOf alone when no row of the export matches a post', () => {
    // An export of another site, or of the wrong pages report, says nothing about these posts'
    // views: the date they are "as of" must not move.
    const ws = workspace();
    const csv = join(ws.dir, 'no-posts.csv');
    writeFileSync(csv, 'Page path,Views\n/,5000\n/about/,12\n/posts/not-a-post-here/,7\n');
    const before = snapshot(ws.dir);
    const plan = ws.run(csv);
    expect(plan.posts).toEqual([]);
    expect(plan.writes).toEqual([]);
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);
    expect(formatReport(plan)).toMatch(/viewsAsOf stays \d{4}-\d{2}-\d{2}: no row of the export matched a post\./);
  });

  test('refuses, writing nothing, when a matched post has no views line', () => {
    const ws = workspace();
    // fixture-post-02 sorts after fixture-post-01, so post 01 would have been written first.
    const path = join(ws.content, 'posts/fixture-post-02.mdx');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\nviews: \d+\n/, '\n'));
    const before = snapshot(ws.dir);
    expect(() => ws.run(fixture('ga4-pages.csv'))).toThrow(
      /fixture-post-02\.mdx: the frontmatter has no "views:" line/,
    );
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);
  });

  test('refuses, writing nothing, when content/site.yaml is not valid YAML', () => {
    const ws = workspace();
    writeFileSync(ws.site, 'viewsAsOf: "2026-11-22\n');
    const before = snapshot(ws.dir);
    expect(() => ws.run(fixture('ga4-pages.csv'))).toThrow(/site\.yaml:\d+: this is not valid YAML/);
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);
  });

  test('creates content/site.yaml when there is none, and the check accepts it', () => {
    const ws = workspace();
    rmSync(ws.site);
    const plan = ws.run(fixture('ga4-pages.csv'));
    expect(readFileSync(ws.site, 'utf8')).toMatch(/^# .*\nviewsAsOf: "2026-12-01"\n$/s);
    expect(formatReport(plan)).toContain('viewsAsOf set: (none) → 2026-12-01');
    expect(checkContent(ws.content).problems.filter((p) => p.file.endsWith('site.yaml'))).toEqual([]);
  });
});

describe('the views:import command', () => {
  const cli = (ws: ReturnType<typeof workspace>, args: string[]) =>
    spawnSync(process.execPath, ['scripts/views-import.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_ROOT: ws.content },
    });

  test('exits 0 after an import, 1 on a malformed file (writing nothing) and 2 on a usage error', () => {
    const ws = workspace();
    const ok = cli(ws, [fixture('ga4-pages.csv'), '--as-of', '2026-12-01']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('3 posts updated:');
    expect(ws.read('posts/fixture-post-01.mdx')).toContain('\nviews: 1250\n');
    expect(readFileSync(ws.site, 'utf8')).toContain('viewsAsOf: "2026-12-01"');

    const before = snapshot(ws.dir);
    const refused = cli(ws, [fixture('ragged-row.csv')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /tests\/fixtures\/views\/ragged-row\.csv:4: this row has 3 values[\s\S]*Nothing was changed\./,
    );
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);

    const usage = cli(ws, [fixture('ga4-pages.csv'), '--dryrun']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^views:import: Unknown option '--dryrun'\n/);
    expect(cli(ws, []).status).toBe(2);
    expect(cli(ws, [fixture('ga4-pages.csv'), '--as-of', '2026-02-30']).status).toBe(2);
    expect(changedFiles(before, snapshot(ws.dir))).toEqual([]);
  });

  test('--help lists the accepted columns and exits 0', () => {
    const ws = workspace();
    const help = cli(ws, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('page path and screen class');
    expect(help.stdout).toContain('screen page views');
  });
});
