// content/authors/<id>.yaml: a person who writes posts; the id is the file name.
import { z } from 'astro/zod';
import { httpsUrl, strictFields, text } from './fields.ts';

export const authorSchema = strictFields({
  /** Full name, shown in bylines. */
  name: text('name', { max: 80 }).meta({ title: 'Name', description: 'Full name, as shown in bylines.' }),
  /** Job title or one-line role, shown next to the name. */
  role: text('role', { max: 100 }).meta({
    title: 'Role',
    description: 'Job title or a one-line role, shown next to the name.',
  }),
  /** A short biography (a few sentences) for the author's page and the end of articles. */
  bio: text('bio', { min: 20, max: 600 })
    .meta({
      title: 'Biography',
      description: 'Optional: a few sentences for the author’s page and the end of articles.',
    })
    .optional(),
  /** A portrait in public/, e.g. "/authors/david-chen.jpg" (square, at least 160 px). */
  avatar: z
    .string()
    .max(200, { error: 'avatar path is too long (keep it under 200 characters)' })
    .regex(/^\/[\w\-./]+\.(?:avif|jpe?g|png|webp)$/, {
      error: 'avatar must be a path in public/ such as "/authors/jane-doe.jpg"',
    })
    .meta({
      title: 'Portrait',
      description: 'Optional: a square photo, at least 160 pixels wide (JPEG, PNG, WebP or AVIF).',
      contentMediaType: 'image/*',
    })
    .optional(),
  /** Profiles elsewhere, e.g. LinkedIn. */
  links: z
    .array(
      strictFields({
        label: text('label', { max: 40 }).meta({ title: 'Label', description: 'The site’s name, e.g. LinkedIn.' }),
        url: httpsUrl('url').meta({ title: 'Address', description: 'The full address, starting with https://' }),
      }),
    )
    .max(6, { error: 'links: list at most 6 profiles' })
    .default([])
    .meta({ title: 'Profiles', description: 'Optional: up to 6 profiles elsewhere, e.g. LinkedIn.' }),
});

export type AuthorData = z.output<typeof authorSchema>;
