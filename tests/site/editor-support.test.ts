// Editor support: the JSON Schemas Astro generates from src/schemas/ (experimental
// contentIntellisense; the builds in the global setup write them) are wired to content/ in
// .vscode/settings.json, and they accept the real content and reject the invalid corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { collectionFolders, listCollectionFiles, type CollectionName } from '../../src/lib/content-files.ts';
import { fixtures, projectRoot } from '../helpers/build.ts';

const names = Object.keys(collectionFolders) as CollectionName[];
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');
/** settings.json is JSON with comments, as VS Code allows. */
const settings = JSON.parse(read('.vscode/settings.json').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;

function validator(name: CollectionName) {
  const schema = JSON.parse(read(`.astro/collections/${name}.schema.json`)) as object;
  return new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
}

function frontmatter(root: string, name: CollectionName, path: string): unknown {
  const text = readFileSync(join(root, path), 'utf8');
  return parse(name === 'posts' ? (splitFrontmatter(text)?.yaml ?? '') : text);
}

describe('VS Code settings', () => {
  test("turn on the Astro extension's frontmatter completion", () => {
    expect(settings['astro.content-intellisense']).toBe(true);
    expect(read('astro.config.mjs')).toMatch(/experimental: \{[^}]*\bcontentIntellisense: true\b/);
  });

  test("map every data collection's generated schema to its folder", () => {
    const wired = settings['yaml.schemas'] as Record<string, string[]>;
    for (const name of names.filter((n) => n !== 'posts')) {
      expect(wired[`./.astro/collections/${name}.schema.json`]).toEqual([
        `content/${name}/*.yaml`,
        `content/${name}/*.yml`,
      ]);
    }
  });

  test('recommend the Astro, MDX and YAML extensions', () => {
    expect(JSON.parse(read('.vscode/extensions.json')).recommendations).toEqual([
      'astro-build.astro-vscode',
      'unifiedjs.vscode-mdx',
      'redhat.vscode-yaml',
    ]);
  });
});

describe('the generated JSON Schemas', () => {
  test.each(names)('accept every %s file of the launch content', (name) => {
    const validate = validator(name);
    for (const path of listCollectionFiles(fixtures.real, name)) {
      expect(validate(frontmatter(fixtures.real, name, path)), `${path}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
  });

  test('flag in the editor what the check reports: misspelt keys, negative views, bad dates, empty topics', () => {
    const validate = validator('posts');
    const post = frontmatter(fixtures.real, 'posts', 'posts/machine-learning-in-finance.mdx') as Record<
      string,
      unknown
    >;
    const wrong = (change: Record<string, unknown>) => {
      validate({ ...post, ...change });
      return validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`);
    };
    expect(wrong({ auther: 'x' })).toEqual([' additionalProperties']);
    expect(wrong({ views: -1 })).toEqual(['/views minimum']);
    expect(wrong({ views: '8,870' })).toEqual(['/views type']);
    expect(wrong({ date: '2025-02-30' })).toEqual(['/date pattern']);
    expect(wrong({ topics: [] })).toEqual(['/topics minItems']);
    expect(wrong({ author: 'David Chen' })).toEqual(['/author pattern']);
  });

  test('reject an http enrolment address in a course', () => {
    const validate = validator('courses');
    const course = frontmatter(fixtures.invalid, 'courses', 'courses/unsafe-course.yaml');
    expect(validate(course)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/enrolUrl');
  });
});
