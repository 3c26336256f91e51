// content/publishers/<id>.yaml: an organisation that publishes courses and signs the disclaimer.
import { z } from 'astro/zod';
import { strictFields, text } from './fields.ts';

export const publisherSchema = strictFields({
  /** Full name, as it appears in the disclaimer and in structured data. */
  name: text('name', { max: 80 }).meta({
    title: 'Name',
    description: 'The full name, as it appears in the disclaimer.',
  }),
  /** Overrides the site-wide disclaimer (src/site.config.ts) for this publisher only. */
  disclaimer: z
    .string()
    .trim()
    .min(40, { error: 'disclaimer is too short to be a disclaimer' })
    .max(1200, { error: 'disclaimer is too long (keep it under 1,200 characters, a short paragraph)' })
    .meta({
      title: 'Disclaimer',
      description: 'Optional: replaces the site-wide disclaimer for this publisher’s courses.',
    })
    .optional(),
});

export type PublisherData = z.output<typeof publisherSchema>;
