// The baseline's only collection: every post under $CONTENT_ROOT/posts, with a schema that asks for
// a title and lets every other field through unchecked.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env['CONTENT_ROOT'] ?? '../../content';

export const collections = {
  posts: defineCollection({
    loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: `${root}/posts` }),
    schema: z.looseObject({ title: z.string() }),
  }),
};
