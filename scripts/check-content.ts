/**
 * `npm run check:content`: every problem in every content file, with file, line, column and fix.
 * Exits 1 when there is any problem. Reads CONTENT_ROOT like the build does.
 */
import { relative } from 'node:path';
import { checkContent, formatProblems } from '../src/check/index.ts';
import { contentRoot } from '../src/build-env.ts';

const root = contentRoot();
const started = performance.now();
const { problems, counts } = checkContent(root, (path) => relative(process.cwd(), `${root}/${path}`));
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const summary = `${counts.posts} posts, ${counts.authors} authors, ${counts.courses} courses, ${counts.publishers} publishers in ${seconds} s`;

if (problems.length > 0) {
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(formatProblems(problems));
  console.error(
    `\n✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${summary})`,
  );
  process.exit(1);
}
console.log(`✓ content is valid (${summary})`);
