// Wiring only: one loader and one schema per collection. The schemas live in src/schemas/, the
// paths in src/lib/content-files.ts, and the cross-file checks in src/check/.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionFolders, fileId, type CollectionName } from './lib/content-files.ts';
import { contentRoot } from './build-env.ts';
import { authorSchema } from './schemas/author.ts';
import { courseSchema } from './schemas/course.ts';
import { postSchema } from './schemas/post.ts';
import { publisherSchema } from './schemas/publisher.ts';

const root = contentRoot();

/** A glob loader over content/<folder>/ whose ids are file names (never a frontmatter `slug`). */
function loader(name: CollectionName) {
  const { folder, pattern } = collectionFolders[name];
  return glob({ pattern, base: `${root}/${folder}`, generateId: ({ entry }) => fileId(entry) });
}

export const collections = {
  posts: defineCollection({ loader: loader('posts'), schema: postSchema }),
  authors: defineCollection({ loader: loader('authors'), schema: authorSchema }),
  courses: defineCollection({ loader: loader('courses'), schema: courseSchema }),
  publishers: defineCollection({ loader: loader('publishers'), schema: publisherSchema }),
};
