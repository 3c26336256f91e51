// `npm run new`: the planning functions in scripts/lib/new-post.ts, then the real CLI as a child process.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkContent, formatProblems } from '../../../src/check/index.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import {
  DESCRIPTION_PLACEHOLDER,
  existingTopics,
  parseTopics,
  planNewPost,
  renderPost,
  resolveChoice,
  type NewPostOptions,
} from '../../../scripts/lib/new-post.ts';
import { fixtures, projectRoot } from '../../helpers/build.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const complete: NewPostOptions = {
  title: 'Gradient descent for managers',
  author: 'ada-lovelace',
  course: 'course-one',
  topics: ['optimisation'],
};

/** A fresh copy of the fixture site (authors ada-lovelace, alan-turing; courses course-one, course-two). */
function siteCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-post-'));
  cpSync(fixtures.site, join(dir, 'content'), { recursive: true });
  return join(dir, 'content');
}

function frontmatter(text: string): Record<string, unknown> {
  return parse(splitFrontmatter(text)?.yaml ?? '') as Record<string, unknown>;
}

function messages(plan: ReturnType<typeof planNewPost>): string {
  return plan.ok ? '' : plan.errors.map((e) => e.message).join('\n');
}

function postFiles(root: string): string[] {
  return (readdirSync(join(root, 'posts'), { recursive: true }) as string[]).sort();
}

describe('renderPost', () => {
  test.each([
    'Gradient descent: the "managers" edition',
    "It's 50% off: #1 — café, naïve & {braces} [brackets]",
    'A backslash \\n is not a newline: - yes',
  ])('title %j round-trips through YAML', (title) => {
    const text = renderPost({
      title,
      description: DESCRIPTION_PLACEHOLDER,
      date: '2026-03-10',
      author: 'a',
      course: 'c',
      topics: ['x: y', 'say "hi"'],
    });
    expect(frontmatter(text)).toMatchObject({ title, topics: ['x: y', 'say "hi"'], views: 0, draft: true });
  });

  test('writes an outline without an h1, with ## sections only, and no braces', () => {
    const text = renderPost({
      title: 'T',
      description: DESCRIPTION_PLACEHOLDER,
      date: '2026-03-10',
      author: 'a',
      course: 'c',
      topics: ['x'],
    });
    const body = text.slice(text.indexOf('\n---\n', 4) + 5);
    const headings = body.split('\n').filter((line) => line.startsWith('#'));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    expect(headings.every((line) => line.startsWith('## '))).toBe(true);
    expect(body).not.toMatch(/[{}]/);
    expect(body).toMatch(/description/);
  });
});

describe('planNewPost', () => {
  test('scaffolds a post that passes the content check with zero problems', () => {
    const root = siteCopy();
    const title = 'Gradient descent: the "managers" edition';
    const plan = planNewPost(root, { ...complete, title }, NOW);
    if (!plan.ok) throw new Error(messages(plan));
    expect(plan.file).toBe('posts/gradient-descent-the-managers-edition.mdx');
    writeFileSync(plan.path, plan.text, { flag: 'wx' });
    expect(formatProblems(checkContent(root).problems)).toBe('');
    expect(checkContent(root).posts).toContainEqual({
      file: 'content/posts/gradient-descent-the-managers-edition.mdx',
      date: '2026-03-10',
      draft: true,
    });
    expect(frontmatter(readFileSync(plan.path, 'utf8'))).toEqual({
      title,
      description: DESCRIPTION_PLACEHOLDER,
      date: '2026-03-10',
      author: 'ada-lovelace',
      course: 'course-one',
      views: 0,
      topics: ['optimisation'],
      draft: true,
    });
  });

  test.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'], // British Summer Time: already tomorrow in London
    ['2026-01-31T23:30:00Z', '2026-01-31'], // Greenwich Mean Time: still today
  ])('dates a post at %s on %s, today in Europe/London', (now, day) => {
    const plan = planNewPost(siteCopy(), complete, new Date(now));
    expect(plan.ok && plan.fields.date).toBe(day);
  });

  test('uses --slug, --date and --description when given', () => {
    const plan = planNewPost(
      siteCopy(),
      {
        ...complete,
        slug: 'gd-for-managers',
        date: '2025-02-28',
        description: 'How a model learns, explained without calculus.',
      },
      NOW,
    );
    expect(plan.ok && [plan.file, plan.fields.date, plan.fields.description]).toEqual([
      'posts/gd-for-managers.mdx',
      '2025-02-28',
      'How a model learns, explained without calculus.',
    ]);
  });

  test.each([
    ['an existing .mdx', 'Fixture post 01', 'content/posts/fixture-post-01.mdx'],
    ['an existing .md in a sub-folder', 'Markdown post', 'content/posts/2024/markdown-post.md'],
  ])('refuses to overwrite %s and names it', (_, title, existing) => {
    const root = siteCopy();
    const before = readFileSync(join(root, '..', existing), 'utf8');
    const plan = planNewPost(root, { ...complete, title }, NOW);
    expect(plan.ok).toBe(false);
    expect(messages(plan)).toMatch(`already exists: ${existing}`);
    expect(readFileSync(join(root, '..', existing), 'utf8')).toBe(before);
  });

  test.each([
    [
      'author',
      { author: 'ada-lovelce' },
      /author "ada-lovelce" is not a file in content\/authors\/ \(did you mean "ada-lovelace"\? valid ids: ada-lovelace, alan-turing\)/,
    ],
    [
      'course',
      { course: 'nonsense' },
      /course "nonsense" is not a file in content\/courses\/ \(valid values: "course-one", "course-two"\)/,
    ],
  ])('refuses an unknown %s, listing the valid ids', (_, override, message) => {
    const root = siteCopy();
    const before = postFiles(root);
    const plan = planNewPost(root, { ...complete, ...override }, NOW);
    expect(messages(plan)).toMatch(message);
    expect(postFiles(root)).toEqual(before);
  });

  test.each([
    [
      'author',
      /author is missing \(pass --author with one of: "ada-lovelace" \(Ada Lovelace\), "alan-turing" \(Alan Turing\)\)/,
    ],
    [
      'course',
      /course is missing \(pass --course with one of: "course-one" \(Certificate in Fixture Engineering\), "course-two"/,
    ],
    ['topics', /topics is missing \(pass --topics "first topic, second topic"; existing topics include "fixtures"/],
  ] as const)('reports a missing %s with its flag, marked as one a terminal may ask for', (field, message) => {
    const plan = planNewPost(siteCopy(), { ...complete, [field]: undefined }, NOW);
    expect(messages(plan)).toMatch(message);
    expect(!plan.ok && plan.errors.map((e) => e.missing)).toEqual([field]);
  });

  test.each([
    ['an empty title', { title: '  ' }, /title is missing/],
    ['a title without letters or digits', { title: '!!!' }, /no letters or digits to make a URL from \(pass --slug/],
    ['a title over 140 characters', { title: 'a'.repeat(141) }, /title is too long \(141 characters/],
    [
      'a slug that is not lower-case words and hyphens',
      { slug: 'Gradient_Descent' },
      /--slug "Gradient_Descent" must be lower-case words joined by hyphens, e\.g\. "gradient-descent"/,
    ],
    ['a date that is not a calendar day', { date: '2025-02-30' }, /--date "2025-02-30" must be a real calendar day/],
    [
      'a date in another format',
      { date: '30/06/2026' },
      /--date "30\/06\/2026" must be a real calendar day written YYYY-MM-DD/,
    ],
    [
      'a description too short for the schema',
      { description: 'Too short.' },
      /description is too short \(write at least 20 characters\)/,
    ],
    ['more than 8 topics', { topics: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] }, /keep to 8 topics or fewer/],
  ])('refuses %s', (_, override, message) => {
    const plan = planNewPost(siteCopy(), { ...complete, ...override }, NOW);
    expect(plan.ok).toBe(false);
    expect(messages(plan)).toMatch(message);
  });
});

describe('parseTopics', () => {
  test('splits on commas, drops empties and repeats, and reuses the spelling of existing topics', () => {
    expect(parseTopics(' nlp, Time  series,, finance , NLP ', ['NLP', 'finance'])).toEqual([
      'NLP',
      'Time series',
      'finance',
    ]);
  });
});

describe('resolveChoice', () => {
  const choices = [
    { id: 'ada-lovelace', name: 'Ada Lovelace' },
    { id: 'alan-turing', name: 'Alan Turing' },
  ];
  test.each([
    ['alan-turing', choices, 'alan-turing'],
    ['2', choices, 'alan-turing'],
    ['', choices.slice(0, 1), 'ada-lovelace'],
  ])('turns %j into an id', (answer, options, id) => {
    expect(resolveChoice('author', answer, options)).toEqual({ id });
  });

  test('refuses an empty answer when there is more than one choice', () => {
    expect(resolveChoice('author', '', choices)).toEqual({ error: expect.stringMatching(/author is missing/) });
  });
});

describe('the npm run new command', () => {
  const script = join(projectRoot, 'scripts/new-post.ts');
  // vitest copies its own settings into process.env; the command should see a shell's environment.
  const injected = /^(VITEST.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|SITE|BASE_URL|ASSETS_PREFIX|INCLUDE_DRAFTS|FORCE_TTY)$/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !injected.test(key)));

  function run(root: string, args: string[]) {
    // Run from the content root's parent, as an editor runs it from the repository.
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: join(root, '..'),
      env: { ...env, CONTENT_ROOT: root },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test('writes the post, prints its path and preview URL, and refuses a second run', () => {
    const root = siteCopy();
    const args = [
      'Gradient descent: for "managers"',
      '--author',
      'alan-turing',
      '--course',
      'course-two',
      '--topics',
      'optimisation, Drafts',
    ];
    const first = run(root, args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Created content/posts/gradient-descent-for-managers.mdx');
    expect(first.stdout).toContain('http://localhost:4321/posts/gradient-descent-for-managers/');
    expect(first.stdout).toContain('npm run dev');
    expect(first.stdout).toContain('draft: true');
    const path = join(root, 'posts/gradient-descent-for-managers.mdx');
    const written = readFileSync(path, 'utf8');
    expect(frontmatter(written)).toMatchObject({
      title: 'Gradient descent: for "managers"',
      author: 'alan-turing',
      topics: ['optimisation', 'drafts'],
    });
    expect(formatProblems(checkContent(root).problems)).toBe('');

    const second = run(root, args);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already exists: content/posts/gradient-descent-for-managers.mdx');
    expect(readFileSync(path, 'utf8')).toBe(written);
  });

  test('without a terminal, a missing flag is an error that names it and lists the ids', () => {
    const root = siteCopy();
    const before = postFiles(root);
    const result = run(root, ['A post', '--course', 'course-one', '--topics', 'x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'author is missing (pass --author with one of: "ada-lovelace" (Ada Lovelace), "alan-turing" (Alan Turing))',
    );
    expect(postFiles(root)).toEqual(before);
  });

  test('refuses an unknown flag, listing the known ones', () => {
    const root = siteCopy();
    const result = run(root, ['A post', '--autor', 'ada-lovelace']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'unknown option "--autor" (did you mean "--author"?); known options: --author, --course, --topics, --description, --slug, --date, --yes, --help',
    );
    expect(existsSync(join(root, 'posts/a-post.mdx'))).toBe(false);
  });

  test('--help prints the usage', () => {
    const result = run(siteCopy(), ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run new -- "Post title" \[options\]/);
  });
});

describe('existingTopics', () => {
  test('lists the topics in use, most used first', () => {
    const topics = existingTopics(fixtures.site);
    expect(topics[0]).toBe('fixtures');
    expect(topics).toContain('drafts');
    expect(topics).toContain('scheduled');
  });

  test('by a day, only those of posts published by then: what a published page may name', () => {
    const topics = existingTopics(fixtures.site, '2026-01-01');
    expect(topics).not.toContain('drafts');
    expect(topics).not.toContain('scheduled');
    expect(topics).toContain('markdown');
    expect(existingTopics(fixtures.site, '2000-01-01')).toEqual([]);
  });
});
