/**
 * The schemas' own messages for the editor's form: a value is checked by the same zod schema as
 * `npm run check:content` checks the file, and the form shows that schema's message, e.g. "title
 * is too long for a card (keep it under 140 characters)". Rules between fields (updated on or
 * after date) come out the same way, because the whole entry is checked.
 *
 * Imports only the schemas (no Node modules), so it runs in the editor's browser bundle.
 */
import './jitless.ts';
import { z } from 'astro/zod';
import { authorSchema } from '../schemas/author.ts';
import { courseSchema } from '../schemas/course.ts';
import { postSchema } from '../schemas/post.ts';
import { publisherSchema } from '../schemas/publisher.ts';

const schemas: Record<string, z.ZodType> = {
  posts: postSchema,
  'posts-md': postSchema,
  authors: authorSchema,
  courses: courseSchema,
  publishers: publisherSchema,
};

/** What an editor leaves empty: the form's own "required" check speaks for a required field. */
const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The schema one step down `segment` ("title", or "*" for a list's items), past optional and default. */
function child(schema: z.ZodType, segment: string): z.ZodType | undefined {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  if (segment === '*') return current instanceof z.ZodArray ? (current.element as z.ZodType) : undefined;
  return current instanceof z.ZodObject ? (current.shape[segment] as z.ZodType | undefined) : undefined;
}

/**
 * The schema's message for `value` at `check` ("posts.title", "posts.topics.*",
 * "authors.links.*.url"), or undefined when the schema accepts it. `entry` is the rest of the
 * entry, for rules between fields; empty values are left to the form's "required" check.
 */
export function checkValue(check: string, value: unknown, entry: Record<string, unknown> = {}): string | undefined {
  const [collection = '', ...path] = check.split('.');
  const schema = schemas[collection];
  if (!schema || path.length === 0 || isEmpty(value)) return undefined;
  if (path.length === 1) {
    // A field of the entry: check the whole entry, with empty optional fields left out as the
    // file format leaves them out, and report what the schema says about this field.
    const data = Object.fromEntries(Object.entries({ ...entry, [path[0]!]: value }).filter(([, v]) => !isEmpty(v)));
    const result = schema.safeParse(data);
    return result.success
      ? undefined
      : result.error.issues.find((issue) => issue.path.length >= 1 && issue.path[0] === path[0])?.message;
  }
  // An item of a list (a topic, a benefit, a profile's address): its own schema.
  const itemSchema = path.reduce<z.ZodType | undefined>(
    (current, segment) => current && child(current, segment),
    schema,
  );
  const result = itemSchema?.safeParse(value);
  return result && !result.success ? result.error.issues[0]?.message : undefined;
}
