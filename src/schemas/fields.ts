/**
 * Field builders shared by the content schemas. Every message says what is wrong and how to fix
 * it, because editors read them (in `npm run check:content` and in the build), not developers.
 */
import { z } from 'astro/zod';
import { didYouMean } from './suggest.ts';

/** Ids and slugs: lower-case words joined by hyphens, as used in file names and URLs. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Like `z.strictObject`, but an unknown key is reported with the nearest known key. */
export function strictFields<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys.map((key) => `unknown field "${key}" (${didYouMean(key, known)})`).join('; ');
    },
  });
}

/** A required single-line text with editor-facing length limits. */
export function text(field: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: `${field} is missing (add a line such as ${field}: "…")` })
    .trim()
    .min(min, {
      error: (issue) =>
        issue.input === ''
          ? `${field} is empty (write the ${field} between the quotes)`
          : `${field} is too short (write at least ${min} characters)`,
    })
    .max(max, { error: `${field} is too long for a card (keep it under ${max} characters)` })
    .refine((value) => !/[\r\n]/.test(value), {
      error: `${field} spans several lines (write it on one line)`,
    });
}

/** An id of another content file, e.g. `author: david-chen` for content/authors/david-chen.yaml. */
export function idOf(field: string, folder: string) {
  return (
    z
      .string({ error: `${field} is missing (add the id of a file in content/${folder}/)` })
      .max(80, { error: `${field} is too long to be the id of a file in content/${folder}/` })
      .regex(ID_PATTERN, {
        error: `${field} must be the id of a file in content/${folder}/, in lower-case words joined by hyphens`,
      })
      // The collection it points to: the editor (src/admin/) offers that collection's files to pick from.
      .meta({ references: folder })
  );
}

/**
 * A calendar date written as a quoted ISO string. YAML turns an unquoted 2025-02-30 into
 * 2 March before any schema sees it, so a parsed Date is refused outright, with the fix.
 */
export function isoDate(field: string) {
  return z.iso.date({
    error: (issue) => {
      if (issue.input === undefined) return `${field} is missing (add ${field}: "YYYY-MM-DD")`;
      if (issue.input instanceof Date) {
        return `${field} must be in quotes (write ${field}: "YYYY-MM-DD"; unquoted, YAML turns an impossible day such as 2025-02-30 into another date)`;
      }
      return `${field} must be a real calendar day written "YYYY-MM-DD" (got ${JSON.stringify(issue.input)})`;
    },
  });
}

/** An absolute https:// URL. `z.url()` alone also accepts `javascript:` and `data:`. */
export function httpsUrl(field: string) {
  return z
    .url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      error: (issue) =>
        issue.input === undefined
          ? `${field} is missing (add an https:// address)`
          : `${field} must be an https:// address (got ${JSON.stringify(issue.input)})`,
      // JSON Schema has no protocol rule for format "uri"; the pattern lets editors flag http:// too.
    })
    .max(2000, { error: `${field} is too long for an address (keep it under 2,000 characters)` })
    .meta({ pattern: '^https://' });
}
