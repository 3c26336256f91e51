/**
 * Benchmark of the editor check (src/check/) alone: generates N realistic posts
 * (scripts/lib/generate-posts.ts, the generator of `npm run bench`) into a temporary content root,
 * times `checkContent` and deletes the root again. The check should grow linearly with N.
 *
 *   node scripts/bench-content-check.ts            # 1000 and 5000 posts
 *   node scripts/bench-content-check.ts 200 20000  # other sizes
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../src/check/index.ts';
import { generatePosts } from './lib/generate-posts.ts';

function bench(n: number): void {
  const root = mkdtempSync(join(tmpdir(), 'bench-content-check-'));
  try {
    const posts = generatePosts(root, n);
    const bytes = posts.reduce((sum, post) => sum + post.bytes, 0);
    const started = performance.now();
    const { problems, counts } = checkContent(root, undefined, { today: '2026-11-01' });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${counts.posts} posts (${Math.round(bytes / n / 100) / 10} KB each): ${seconds.toFixed(2)} s, ` +
        `${Math.round(counts.posts / seconds)} posts/s, ${problems.length} problems`,
    );
    if (problems.length > 0) console.log(problems.slice(0, 5));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((size) => size > 0);
for (const n of sizes.length > 0 ? sizes : [1000, 5000]) bench(n);
