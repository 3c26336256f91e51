// The editor's configuration is generated from the content schemas and committed; it must match
// what the schemas give today, so a field added to a schema cannot be missing from the editor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import {
  adminConfigJson,
  collectionSchemas,
  generateAdminConfig,
  INSERT_FIELD,
  schemaFields,
  type CmsField,
} from '../../../src/admin/config.ts';
import { mdxComponentNames } from '../../../src/components/mdx/registry.ts';
import { text } from '../../../src/schemas/fields.ts';
import { projectRoot } from '../../helpers/build.ts';

const config = generateAdminConfig();
const collection = (name: string) =>
  config.collections.find((c) => c['name'] === name) as { fields: CmsField[]; [key: string]: unknown };
const fieldOf = (name: string, key: string) => collection(name).fields.find((f) => f.name === key)!;

test('config.generated.json is what the schemas give (run `npm run generate:admin-config` after changing one)', () => {
  expect(readFileSync(join(projectRoot, 'src/admin/config.generated.json'), 'utf8')).toBe(adminConfigJson());
});

describe('the collections', () => {
  test.each(Object.keys(collectionSchemas))('%s has every field of its schema, in the schema’s order', (name) => {
    const keys = Object.keys(
      (collectionSchemas[name as keyof typeof collectionSchemas] as unknown as z.ZodObject).shape,
    );
    const fields = collection(name)
      .fields.map((f) => f.name)
      .filter((f) => f !== 'body' && f !== INSERT_FIELD);
    expect(fields).toEqual(keys);
  });

  test('a field added to a schema appears, labelled and limited by the schema', () => {
    const extended = collectionSchemas.authors.extend({
      pronouns: text('pronouns', { max: 20 })
        .meta({ title: 'Pronouns', description: 'As the author gives them.' })
        .optional(),
    });
    expect(schemaFields('authors', extended).at(-1)).toEqual({
      name: 'pronouns',
      label: 'Pronouns',
      hint: 'As the author gives them.',
      required: false,
      widget: 'checked',
      base: 'string',
      check: 'authors.pronouns',
      maxlength: 20,
    });
  });

  test('posts are .mdx files in content/posts and its sub-folders; .md posts have a collection of their own', () => {
    expect(collection('posts')).toMatchObject({
      folder: 'content/posts',
      extension: 'mdx',
      create: true,
      nested: { subfolders: false },
    });
    expect(collection('posts-md')).toMatchObject({ folder: 'content/posts', extension: 'md', create: false });
  });

  test.each([
    ['a-post', true],
    ['math/a-post', true],
    ['_notes', false],
    ['math/_notes', false],
  ])('the posts filter shows %s: %s (files starting with "_" are not posts)', (slug, shown) => {
    expect(new RegExp(String((collection('posts')['filter'] as { pattern: string }).pattern)).test(slug)).toBe(shown);
  });
});

describe('the fields, as editors expect them', () => {
  test.each([
    ['posts', 'author', 'authors'],
    ['posts', 'course', 'courses'],
    ['courses', 'publisher', 'publishers'],
  ])('%s.%s is chosen from the files of %s', (name, key, target) => {
    expect(fieldOf(name, key)).toMatchObject({
      widget: 'relation',
      collection: target,
      value_field: '{{slug}}',
      display_fields: ['{{name}}'],
    });
  });

  test('topics is a list of 1 to 8 that suggests the topics in use, each checked by the schema', () => {
    expect(fieldOf('posts', 'topics')).toMatchObject({
      widget: 'list',
      min: 1,
      max: 8,
      field: { widget: 'checked', suggest: 'topics', check: 'posts.topics.*', maxlength: 40 },
    });
  });

  test('the date is a date picker writing YYYY-MM-DD, starting on today in the site’s time zone', () => {
    expect(fieldOf('posts', 'date')).toMatchObject({
      widget: 'checked',
      base: 'datetime',
      type: 'date',
      format: 'YYYY-MM-DD',
      initial: 'today',
      time_zone: 'Europe/London',
      required: true,
    });
    expect(fieldOf('posts', 'updated')).toMatchObject({ base: 'datetime', required: false });
    expect(fieldOf('posts', 'updated')).not.toHaveProperty('initial');
  });

  test('views is shown but not edited; draft is a toggle a new post starts with on', () => {
    expect(fieldOf('posts', 'views')).toMatchObject({
      widget: 'number',
      readonly: true,
      value_type: 'int',
      default: 0,
    });
    expect(fieldOf('posts', 'draft')).toMatchObject({
      widget: 'checked',
      base: 'boolean',
      default: false,
      initial: true,
    });
  });

  test('lengths come from the schema, and long texts get a box of several lines', () => {
    expect(fieldOf('posts', 'title')).toMatchObject({ base: 'string', maxlength: 140 });
    expect(fieldOf('posts', 'title')).not.toHaveProperty('minlength');
    expect(fieldOf('posts', 'description')).toMatchObject({ base: 'string', minlength: 20, maxlength: 200 });
    expect(fieldOf('authors', 'bio')).toMatchObject({ base: 'text', minlength: 20, maxlength: 600, required: false });
    expect(fieldOf('courses', 'enrolUrl')).toMatchObject({ base: 'string', type: 'url' });
  });

  test('a portrait is an image saved in public/authors/ and addressed from the site root', () => {
    expect(fieldOf('authors', 'avatar')).toMatchObject({
      widget: 'image',
      media_folder: '/public/authors',
      public_folder: '/authors',
      required: false,
    });
  });

  test('every field has a label and a hint from the schema', () => {
    for (const { name, fields } of config.collections as Array<{ name: string; fields: CmsField[] }>) {
      for (const field of fields) {
        expect(field['label'], `${name}.${field.name}`).toBeTruthy();
        expect(field['hint'], `${name}.${field.name}`).toBeTruthy();
      }
    }
  });
});

describe('the article body', () => {
  test('is edited as Markdown text, so formulas and components are saved as written', () => {
    expect(fieldOf('posts', 'body')).toMatchObject({
      widget: 'markdown',
      modes: ['raw'],
      editor_components: mdxComponentNames,
    });
  });

  test('comes after the buttons that insert the components (MDX posts only)', () => {
    const names = collection('posts').fields.map((f) => f.name);
    expect(names.slice(-2)).toEqual([INSERT_FIELD, 'body']);
    expect(collection('posts-md').fields.map((f) => f.name)).not.toContain(INSERT_FIELD);
  });

  test('images go beside the posts, where Figure and astro:assets read them', () => {
    expect(collection('posts')).toMatchObject({ media_folder: 'images', public_folder: './images' });
  });

  test('stock photo services are off (other origins)', () => {
    expect(config.media_libraries.stock_assets).toBe(false);
  });
});
