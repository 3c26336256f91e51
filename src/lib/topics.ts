// The topics existing posts use, read straight from the files (no Astro): the editor's topic
// suggestions and `npm run new` offer them, so new posts join the site's spelling.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listCollectionFiles } from './content-files.ts';
import { splitFrontmatter } from './frontmatter.ts';

/**
 * Every topic used by existing posts, most used first, for suggestions. With `publishedBy` (a day,
 * "YYYY-MM-DD"), only the topics of posts published by then: what a published site may reveal.
 */
export function existingTopics(root: string, publishedBy?: string): string[] {
  const counts = new Map<string, number>();
  for (const path of listCollectionFiles(root, 'posts')) {
    const front = splitFrontmatter(readFileSync(join(root, path), 'utf8'));
    let data: Record<string, unknown> | null;
    try {
      data = parse(front?.yaml ?? '') as Record<string, unknown> | null;
    } catch {
      continue;
    }
    if (
      publishedBy !== undefined &&
      (data?.['draft'] === true || !(typeof data?.['date'] === 'string' && data['date'] <= publishedBy))
    )
      continue;
    const topics = data?.['topics'];
    if (!Array.isArray(topics)) continue;
    for (const topic of topics) {
      if (typeof topic === 'string' && topic.trim()) counts.set(topic.trim(), (counts.get(topic.trim()) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([topic]) => topic);
}
