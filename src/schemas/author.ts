// content/authors/<id>.yaml: a person who writes posts; the id is the file name.
import { z } from 'astro/zod';
import { httpsUrl, strictFields, text } from './fields.ts';

export const authorSchema = strictFields({
  /** Full name, shown in bylines. */
  name: text('name', { max: 80 }),
  /** Job title or one-line role, shown next to the name. */
  role: text('role', { max: 100 }),
  /** A short biography (a few sentences) for the author's page and the end of articles. */
  bio: text('bio', { min: 20, max: 600 }).optional(),
  /** A portrait in public/, e.g. "/authors/david-chen.jpg" (square, at least 160 px). */
  avatar: z
    .string()
    .max(200, { error: 'avatar path is too long (keep it under 200 characters)' })
    .regex(/^\/[\w\-./]+\.(?:avif|jpe?g|png|webp)$/, {
      error: 'avatar must be a path in public/ such as "/authors/jane-doe.jpg"',
    })
    .optional(),
  /** Profiles elsewhere, e.g. LinkedIn. */
  links: z
    .array(strictFields({ label: text('label', { max: 40 }), url: httpsUrl('url') }))
    .max(6, { error: 'links: list at most 6 profiles' })
    .default([]),
});

export type AuthorData = z.output<typeof authorSchema>;
