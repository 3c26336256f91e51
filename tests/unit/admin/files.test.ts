// The editor's file formats keep files as they were: opening and saving changes nothing, a change
// touches only its own line, and a new file is written as `npm run new` writes one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateAdminConfig, type CmsField } from '../../../src/admin/config.ts';
import { ORIGINAL_KEY, readFile, writeFile, type FileStyle } from '../../../src/admin/files.ts';
import { checkContent } from '../../../src/check/index.ts';
import { collectionFolders, listCollectionFiles, type CollectionName } from '../../../src/lib/content-files.ts';
import { renderPost } from '../../../scripts/lib/new-post.ts';
import { fixtures } from '../../helpers/build.ts';

/** The file style main.ts gives each collection, from the same configuration. */
function styleOf(name: string): FileStyle {
  const collection = generateAdminConfig().collections.find((c) => c['name'] === name) as {
    format: string;
    fields: CmsField[];
  };
  return {
    frontmatter: collection.format.endsWith('-frontmatter'),
    fields: collection.fields
      .filter((field) => field.widget !== 'mdx-components' && field.name !== 'body')
      .map((field) => ({
        name: field.name,
        required: field['required'] === true,
        id: field.widget === 'relation',
        ...('default' in field ? { default: field['default'] } : {}),
      })),
  };
}

/** What Sveltia hands back for an entry it did not change: the values read, plus an empty value for each field the file leaves out. */
function unchanged(text: string, style: FileStyle) {
  const entry = readFile(text, style);
  for (const field of style.fields) if (!(field.name in entry)) entry[field.name] = '';
  return entry;
}

const files = [fixtures.real, fixtures.site].flatMap((root) =>
  (Object.keys(collectionFolders) as CollectionName[]).flatMap((collection) =>
    listCollectionFiles(root, collection).map((path) => ({
      root,
      path,
      style: styleOf(collection === 'posts' && path.endsWith('.md') ? 'posts-md' : collection),
    })),
  ),
);
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const diff = (a: string, b: string) => {
  const [x, y] = [a.split('\n'), b.split('\n')];
  return x
    .map((line, i) => (line === y[i] ? undefined : `-${line}\n+${y[i]}`))
    .filter(Boolean)
    .concat(y.length > x.length ? y.slice(x.length).map((l) => `+${l}`) : []);
};

describe('opening and saving without a change', () => {
  test.each(files.map((f) => [`${f.root.endsWith('content') ? 'content' : 'fixture'}/${f.path}`, f] as const))(
    '%s stays byte-identical',
    (_, { root, path, style }) => {
      const text = read(root, path);
      expect(writeFile(unchanged(text, style), style)).toBe(text);
    },
  );

  test('covers every post of the launch content and the fixture site', () => {
    expect(files.filter((f) => f.path.startsWith('posts/')).length).toBe(
      listCollectionFiles(fixtures.real, 'posts').length + listCollectionFiles(fixtures.site, 'posts').length,
    );
  });
});

describe('a change', () => {
  const post = styleOf('posts');
  const finance = read(fixtures.real, 'posts/machine-learning-in-finance.mdx');
  const edit = (text: string, style: FileStyle, change: Record<string, unknown>) =>
    writeFile({ ...unchanged(text, style), ...change }, style);

  test('to one word of the title rewrites that line only, in its quotes', () => {
    const out = edit(finance, post, {
      title: 'Mastering the Intersection of Machine Learning and Finance: A Short Guide',
    });
    expect(diff(finance, out)).toEqual([
      '-title: "Mastering the Intersection of Machine Learning and Finance: A Practical Guide"\n+title: "Mastering the Intersection of Machine Learning and Finance: A Short Guide"',
    ]);
  });

  test('to the body leaves the frontmatter alone', () => {
    const entry = unchanged(finance, post);
    const out = writeFile(
      { ...entry, body: String(entry['body']).replace('quantitative business', 'numerate business') },
      post,
    );
    expect(diff(finance, out)).toHaveLength(1);
    expect(out).toContain('numerate business');
  });

  test('to the topics keeps them a list on one line', () => {
    const out = edit(finance, post, { topics: ['finance', 'credit risk'] });
    expect(diff(finance, out)).toEqual([
      '-topics: ["finance", "credit risk", "fraud detection", "trading", "portfolio optimization", "clustering"]\n+topics: ["finance", "credit risk"]',
    ]);
  });

  test('adding a revision date puts it after the date, quoted; clearing it takes the line out again', () => {
    const revised = edit(finance, post, { updated: '2026-01-10' });
    expect(revised).toContain('date: "2025-06-06"\nupdated: "2026-01-10"\nauthor: michael-rodriguez\n');
    expect(edit(revised, post, { updated: '' })).toBe(finance);
  });

  test('turning draft on adds `draft: true` at the end; off again removes it', () => {
    const draft = edit(finance, post, { draft: true });
    expect(draft).toBe(finance.replace('"clustering"]\n---', '"clustering"]\ndraft: true\n---'));
    expect(edit(draft, post, { draft: false })).toBe(finance);
  });

  test('a new author, course or id stays plain; a title that needs no quotes keeps them', () => {
    const out = edit(finance, post, { course: 'mathematical-models-ml', title: 'Plain' });
    expect(out).toContain('\ntitle: "Plain"\n');
    expect(out).toContain('\ncourse: mathematical-models-ml\n');
  });

  test('to a course keeps its comments, and its block list a block list', () => {
    const course = styleOf('courses');
    const text = read(fixtures.real, 'courses/ml-in-finance.yaml');
    const entry = unchanged(text, course);
    const out = writeFile(
      { ...entry, benefits: [...(entry['benefits'] as string[]), 'meet practitioners'], shortName: '' },
      course,
    );
    expect(out).toContain(
      "  - expand your networking opportunities\n  - meet practitioners\n# Replace with the course's live enrolment page before launch.\nenrolUrl:",
    );
    expect(out).not.toContain('shortName');
    expect(out.split('\n').length).toBe(text.split('\n').length);
  });

  test('to a plain value that would read as another type quotes it', () => {
    const publisher = styleOf('publishers');
    const text = 'name: Acme\n';
    expect(writeFile({ ...unchanged(text, publisher), name: 'true' }, publisher)).toBe('name: "true"\n');
    expect(writeFile({ ...unchanged(text, publisher), name: 'Acme: Publishing' }, publisher)).toBe(
      'name: "Acme: Publishing"\n',
    );
  });
});

describe('a new file', () => {
  test('a new post is written as `npm run new` writes one', () => {
    const fields = {
      title: 'Gradient descent, explained',
      description: 'How models learn by small steps: what it means for "budgets".',
      date: '2026-02-14',
      author: 'david-chen',
      course: 'ml-in-finance',
      topics: ['optimisation', 'calculus'],
    };
    const out = writeFile({ ...fields, updated: '', views: 0, draft: true, body: 'Hello.' }, styleOf('posts'));
    const expected = renderPost(fields);
    expect(out.slice(0, out.indexOf('\n---\n'))).toBe(expected.slice(0, expected.indexOf('\n---\n')));
    expect(out.endsWith('---\n\nHello.\n')).toBe(true);
    expect(out).not.toContain(ORIGINAL_KEY);
  });

  test('leaves out empty optional fields and a draft toggle left off', () => {
    const out = writeFile(
      {
        title: 'T',
        description: 'A description of twenty characters.',
        date: '2026-02-14',
        updated: '',
        author: 'a',
        course: 'c',
        views: 0,
        topics: ['t'],
        draft: false,
        components: undefined,
        body: 'B',
      },
      styleOf('posts'),
    );
    expect(out).not.toMatch(/updated|draft|components/);
  });

  test('an author is plain YAML, with only the fields filled in', () => {
    expect(writeFile({ name: 'Jane Doe', role: 'Lecturer', bio: '', avatar: '', links: [] }, styleOf('authors'))).toBe(
      'name: Jane Doe\nrole: Lecturer\n',
    );
    expect(
      writeFile(
        { name: 'Jane Doe', role: 'Lecturer', links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/jane' }] },
        styleOf('authors'),
      ),
    ).toBe('name: Jane Doe\nrole: Lecturer\nlinks:\n  - label: LinkedIn\n    url: https://www.linkedin.com/in/jane\n');
  });
});

test('what the editor writes passes the content check', () => {
  const root = mkdtempSync(join(tmpdir(), 'editor-files-'));
  try {
    cpSync(fixtures.real, root, { recursive: true });
    const post = styleOf('posts');
    writeFileSync(
      join(root, 'posts/new-post.mdx'),
      writeFile(
        {
          title: 'A new post: "quoted"',
          description: 'Written by the editor, with every field it offers.',
          date: '2026-02-14',
          updated: '',
          author: 'david-chen',
          course: 'ml-in-finance',
          views: 0,
          topics: ['finance'],
          draft: false,
          body: 'Text.\n\n<Callout type="tip" title="A tip">\nBody.\n</Callout>',
        },
        post,
      ),
    );
    const finance = join(root, 'posts/machine-learning-in-finance.mdx');
    writeFileSync(
      finance,
      writeFile({ ...unchanged(readFileSync(finance, 'utf8'), post), updated: '2026-01-10', draft: true }, post),
    );
    expect(checkContent(root).problems).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
