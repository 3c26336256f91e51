/**
 * The editor's collections and fields, generated from the zod schemas (src/schemas/): each
 * schema's JSON Schema (`z.toJSONSchema`) gives the fields, their order, limits and defaults; the
 * fields' `.meta()` gives labels, hints, relations (`references`), read-only fields and images.
 * A field added to a schema therefore appears in the editor after `npm run generate:admin-config`,
 * and tests/unit/admin/config.test.ts fails while the committed config.generated.json is stale.
 *
 * Text, date and toggle fields use the `checked` field type of src/admin/fields.ts, which shows
 * the schema's own message for a value the schema refuses; relations, lists and images use
 * Sveltia's. Pure: no Sveltia, no DOM, no file system.
 */
import { z } from 'astro/zod';
import { mdxComponentNames } from '../components/mdx/registry.ts';
import { collectionFolders, type CollectionName } from '../lib/content-files.ts';
import { authorSchema } from '../schemas/author.ts';
import { courseSchema } from '../schemas/course.ts';
import { postSchema } from '../schemas/post.ts';
import { publisherSchema } from '../schemas/publisher.ts';
import { siteConfig } from '../site.config.ts';

/** The schema of each collection, as the content check uses them. */
export const collectionSchemas = {
  posts: postSchema,
  authors: authorSchema,
  courses: courseSchema,
  publishers: publisherSchema,
} satisfies Record<CollectionName, z.ZodType>;

/** Where the repository keeps content (CONTENT_ROOT only moves it for tests and benchmarks). */
const CONTENT = 'content';

/** The name of the field that offers the MDX components (src/admin/fields.ts); never written to a file. */
export const INSERT_FIELD = 'components';

/** A JSON Schema property, as z.toJSONSchema writes it, with the metadata the schemas add. */
interface Property {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  title?: string;
  description?: string;
  readOnly?: boolean;
  references?: string;
  contentMediaType?: string;
  /** What a new entry starts with, when that is not the schema's default; "today" for a date is the day in the site's time zone. */
  initial?: unknown;
  items?: Property;
  properties?: Record<string, Property>;
  required?: string[];
}

/** A field of Sveltia's configuration (the subset this generator writes). */
export type CmsField = Record<string, unknown> & { name: string; widget: string };

/** "ctaHeading" → "Cta heading", for a field a schema gives no title. */
const humanise = (name: string) =>
  name
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/(?<= )[A-Z]/g, (c) => c.toLowerCase());

/** A text field longer than a card's description is edited in a box of several lines. */
const LONG_TEXT = 200;

/** A list field: of objects (authors' links) or of plain values (topics). */
function listField(
  name: string,
  property: Property,
  common: Record<string, unknown> & { name: string },
  check: string,
): CmsField {
  if (property.type === 'array' && property.items?.type === 'object') {
    const item = property.items;
    const fields = Object.entries(item.properties ?? {}).map(([key, sub]) =>
      field(key, sub, (item.required ?? []).includes(key), `${check}.*.${key}`),
    );
    return {
      ...common,
      widget: 'list',
      label_singular: item.title ?? humanise(name.replace(/s$/, '')),
      fields,
      ...(property.minItems ? { min: property.minItems } : {}),
      ...(property.maxItems ? { max: property.maxItems } : {}),
    };
  }
  const item: CmsField = {
    ...field(singular(name, property.items), property.items ?? {}, true, `${check}.*`),
    label: property.items?.title ?? humanise(singular(name, property.items)),
  };
  // Topics are suggested from those in use, so that "NLP" is not also written "nlp".
  if (name === 'topics') item['suggest'] = 'topics';
  return {
    ...common,
    widget: 'list',
    label_singular: item.label,
    field: item,
    ...(property.minItems ? { min: property.minItems } : {}),
    ...(property.maxItems ? { max: property.maxItems } : {}),
  };
}

/**
 * One Sveltia field for a schema property. `check` names the value for src/admin/fields.ts:
 * "posts.title", "posts.topics.*", "authors.links.*.url".
 */
function field(name: string, property: Property, required: boolean, check: string): CmsField {
  const label = property.title ?? humanise(name);
  const common = { name, label, required, ...(property.description ? { hint: property.description } : {}) };
  if (property.references) {
    const target = property.references;
    return {
      ...common,
      widget: 'relation',
      collection: target,
      value_field: '{{slug}}',
      search_fields: ['name'],
      display_fields: ['{{name}}'],
      dropdown_threshold: 6,
    };
  }
  if (property.contentMediaType?.startsWith('image/')) {
    // Avatars live in public/authors/ and are addressed from the site's root.
    return {
      ...common,
      widget: 'image',
      media_folder: '/public/authors',
      public_folder: '/authors',
      choose_url: false,
      accept: 'image/avif,image/jpeg,image/png,image/webp',
    };
  }
  if (property.type === 'array') return listField(name, property, common, check);
  if (property.type === 'integer' || property.type === 'number') {
    return {
      ...common,
      widget: 'number',
      value_type: property.type === 'integer' ? 'int' : 'float',
      ...(property.readOnly ? { readonly: true } : {}),
      ...(property.default !== undefined ? { default: property.default } : {}),
    };
  }
  if (property.type === 'boolean') {
    return {
      ...common,
      widget: 'checked',
      base: 'boolean',
      check,
      ...(property.default !== undefined ? { default: property.default } : {}),
      ...(property.initial !== undefined ? { initial: property.initial } : {}),
    };
  }
  if (property.format === 'date') {
    // The date picker writes "YYYY-MM-DD"; the file format quotes it, as the schema requires.
    return {
      ...common,
      widget: 'checked',
      base: 'datetime',
      check,
      type: 'date',
      format: 'YYYY-MM-DD',
      ...(property.initial === 'today' ? { initial: 'today', time_zone: siteConfig.timeZone } : {}),
    };
  }
  if (property.format === 'uri') return { ...common, widget: 'checked', base: 'string', check, type: 'url' };
  const long = (property.maxLength ?? 0) > LONG_TEXT;
  return {
    ...common,
    widget: 'checked',
    base: long ? 'text' : 'string',
    check,
    // Sveltia counts the characters against these as the editor types.
    ...(property.minLength && property.minLength > 1 ? { minlength: property.minLength } : {}),
    ...(property.maxLength ? { maxlength: property.maxLength } : {}),
  };
}

/** The name of one item of a list: its schema's title, or the list's name without its "s". */
function singular(name: string, item: Property | undefined): string {
  return (item?.title ?? name.replace(/s$/, '')).toLowerCase();
}

/** The fields of a collection's schema, in the schema's order (what a file without them may leave out is not required). */
export function schemaFields(collection: string, schema: z.ZodType): CmsField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Property;
  return Object.entries(json.properties ?? {}).map(([name, property]) =>
    field(name, property, (json.required ?? []).includes(name), `${collection}.${name}`),
  );
}

/** The body of a post: Markdown edited as text, so formulas and components stay exactly as written. */
function bodyField(components: boolean): CmsField {
  return {
    name: 'body',
    label: 'Article',
    widget: 'markdown',
    // Rich text rewrites what it does not understand (TeX's \, turns into a comma): text only.
    modes: ['raw'],
    required: true,
    hint: components
      ? 'Markdown, with math between dollar signs. Put a box or a figure in with the buttons above; the preview shows it as readers will.'
      : 'Markdown, with math between dollar signs. Components are not available in .md files.',
    ...(components ? { editor_components: [...mdxComponentNames] } : {}),
  };
}

/** The posts collection for one file extension (.mdx, the default, or plain Markdown .md). */
function postsCollection(extension: 'mdx' | 'md'): Record<string, unknown> {
  const mdx = extension === 'mdx';
  return {
    name: mdx ? 'posts' : 'posts-md',
    label: mdx ? 'Posts' : 'Posts in plain Markdown',
    label_singular: 'Post',
    description: mdx
      ? 'Articles. The file name is the address: posts/gradient-descent.mdx is published at /posts/gradient-descent/.'
      : 'Older .md articles: plain Markdown, without components. New posts are created under Posts.',
    folder: `${CONTENT}/${collectionFolders.posts.folder}`,
    extension,
    format: `${mdx ? 'posts' : 'posts-md'}-frontmatter`,
    // Posts may sit in sub-folders (posts/2024/…); the folder is not part of the address.
    nested: { depth: 4, subfolders: false },
    // Files whose name starts with "_" are notes, not posts (src/lib/content-files.ts).
    filter: { field: 'slug', pattern: '^(?:.*/)?[^_/][^/]*$' },
    create: mdx,
    identifier_field: 'title',
    slug: '{{title}}',
    summary: '{{title}}',
    sortable_fields: { fields: ['date', 'title', 'views'], default: { field: 'date', direction: 'descending' } },
    // Images beside the posts, where <Figure src="./images/…"> and astro:assets look for them.
    media_folder: 'images',
    public_folder: './images',
    fields: [
      ...schemaFields(mdx ? 'posts' : 'posts-md', postSchema),
      ...(mdx
        ? [
            {
              name: INSERT_FIELD,
              label: 'Components',
              widget: 'mdx-components',
              required: false,
              hint: 'Inserts a component at the cursor in the article below.',
            },
          ]
        : []),
      bodyField(mdx),
    ],
  };
}

/** An authors, courses or publishers collection: one YAML file per item, named by its id. */
function dataCollection(name: Exclude<CollectionName, 'posts'>): Record<string, unknown> {
  const labels = {
    authors: ['Authors', 'Author'],
    courses: ['Courses', 'Course'],
    publishers: ['Publishers', 'Publisher'],
  } as const;
  return {
    name,
    label: labels[name][0],
    label_singular: labels[name][1],
    folder: `${CONTENT}/${collectionFolders[name].folder}`,
    extension: 'yaml',
    format: `${name}-yaml`,
    filter: { field: 'slug', pattern: '^[^_]' },
    create: true,
    identifier_field: 'name',
    slug: '{{name}}',
    summary: '{{name}}',
    editor: { preview: false },
    fields: schemaFields(name, collectionSchemas[name]),
  };
}

/** Everything of the editor's configuration that does not depend on where it runs (backend, URLs). */
export function generateAdminConfig() {
  return {
    app_title: `${siteConfig.name}: editor`,
    // Uploads from the Assets page go where posts' images live (posts set their own, relative path).
    media_folder: `${CONTENT}/posts/images`,
    public_folder: `/${CONTENT}/posts/images`,
    // Stock photo services are other origins, and their pictures carry licences to check.
    media_libraries: { default: { config: { max_file_size: 5_000_000 } }, stock_assets: false },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', lowercase: true, trim: true },
    collections: [
      postsCollection('mdx'),
      postsCollection('md'),
      dataCollection('authors'),
      dataCollection('courses'),
      dataCollection('publishers'),
    ],
  };
}

/** The committed file's text: the configuration as JSON, as `npm run generate:admin-config` writes it. */
export function adminConfigJson(): string {
  return `${JSON.stringify(generateAdminConfig(), null, 2)}\n`;
}
