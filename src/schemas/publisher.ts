// content/publishers/<id>.yaml: an organisation that publishes courses and signs the disclaimer.
import { z } from 'astro/zod';
import { strictFields, text } from './fields.ts';

export const publisherSchema = strictFields({
  /** Full name, as it appears in the disclaimer and in structured data. */
  name: text('name', { max: 80 }),
  /** Overrides the site-wide disclaimer (src/site.config.ts) for this publisher only. */
  disclaimer: z
    .string()
    .trim()
    .min(40, { error: 'disclaimer is too short to be a disclaimer' })
    .max(1200, { error: 'disclaimer is too long (keep it under 1,200 characters, a short paragraph)' })
    .optional(),
});

export type PublisherData = z.output<typeof publisherSchema>;
