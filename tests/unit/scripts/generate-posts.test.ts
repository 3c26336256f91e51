// The benchmark's content generator (scripts/lib/generate-posts.ts): deterministic, valid for the
// content check, about 6 KB a post, and every link it writes resolves.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { generatePosts, type GenerateOptions } from '../../../scripts/lib/generate-posts.ts';
import { checkContent, formatProblems } from '../../../src/check/index.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

const roots: string[] = [];
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

/** Generates into a fresh temporary content root; returns the root and the posts. */
function generate(n: number, options: GenerateOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'generate-posts-'));
  roots.push(dir);
  const root = join(dir, 'content');
  return { root, posts: generatePosts(root, n, options) };
}

/** Every file under the root with its text, by relative path (images as byte counts). */
function snapshot(root: string): Record<string, string> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.includes('.')).sort();
  return Object.fromEntries(
    files.map((f) => [
      f,
      f.endsWith('.png') ? String(readFileSync(join(root, f)).length) : readFileSync(join(root, f), 'utf8'),
    ]),
  );
}

/** The body of a post with fenced code blocks removed. */
function prose(text: string): string {
  return text.slice(text.indexOf('\n---\n', 4) + 5).replaceAll(/```[\s\S]*?```/g, '');
}

describe('generatePosts', () => {
  test('writes the same files for the same seed, and different ones for another seed', () => {
    const a = generate(12, { seed: 42, format: 'mixed' });
    const b = generate(12, { seed: 42, format: 'mixed' });
    const c = generate(12, { seed: 43, format: 'mixed' });
    expect(snapshot(b.root)).toEqual(snapshot(a.root));
    expect(snapshot(c.root)).not.toEqual(snapshot(a.root));
  });

  test.each(['mdx', 'md'] as const)('30 %s posts pass the content check with zero problems', (format) => {
    const { root, posts } = generate(30, { seed: 1, format });
    const result = checkContent(root);
    expect(formatProblems(result.problems)).toBe('');
    expect(result.counts).toEqual({ posts: 30, authors: 3, courses: 3, publishers: 2 });
    expect(posts.every((post) => post.path.endsWith(`.${format}`))).toBe(true);
  });

  test.each(['mdx', 'md', 'mixed'] as const)('%s posts average 5–7 KB', (format) => {
    const { posts } = generate(30, { seed: 3, format });
    const average = posts.reduce((sum, post) => sum + post.bytes, 0) / posts.length;
    expect(average).toBeGreaterThanOrEqual(5 * 1024);
    expect(average).toBeLessThanOrEqual(7 * 1024);
  });

  test('mixed writes both kinds; Markdown posts use no components', () => {
    const { root, posts } = generate(30, { seed: 5, format: 'mixed' });
    expect(new Set(posts.map((post) => post.format))).toEqual(new Set(['md', 'mdx']));
    for (const post of posts) {
      const body = prose(readFileSync(join(root, post.path), 'utf8'));
      if (post.format === 'md') {
        expect(body).not.toMatch(/<[A-Z]/);
        expect(body).toMatch(/!\[[^\]]+\]\(\.\/images\/two-tone\.png\)/);
      } else {
        expect(body).toMatch(/<Figure\n/);
        expect(body).toMatch(/<(Callout|KeyTakeaways)[ >]/);
      }
    }
  });

  test('every post has sections, math, code, a table, and links that resolve', () => {
    const { root, posts } = generate(40, { seed: 9, format: 'mdx' });
    const slugs = new Set(posts.map((post) => post.slug));
    posts.forEach((post, i) => {
      const text = readFileSync(join(root, post.path), 'utf8');
      const body = prose(text);
      const headings = [...body.matchAll(/^(#{1,6}) (.+)$/gm)];
      expect(headings.every(([, hashes]) => hashes === '##' || hashes === '###')).toBe(true);
      expect(headings[0]?.[1]).toBe('##');
      expect(headings.filter(([, hashes]) => hashes === '##').length).toBeGreaterThanOrEqual(4);
      expect(text).toMatch(/```python\n/);
      expect(text).toMatch(/\n\$\$\n.+\n\$\$\n/);
      expect(body).toMatch(/ \$[^$\s][^$]*\$/);
      expect(body).toMatch(/^\| Model \|/m);

      const slugger = new GithubSlugger();
      const ids = new Set(headings.map(([, , heading]) => slugger.slug(heading!)));
      const anchors = [...body.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(anchors.length).toBeGreaterThan(0);
      for (const anchor of anchors) expect(ids).toContain(anchor);

      const linked = [...body.matchAll(/\]\(\/posts\/([^/]+)\/\)/g)].map((m) => m[1]!);
      if (i === 0) expect(linked).toEqual([]);
      else expect(linked.length).toBeGreaterThanOrEqual(1);
      expect(linked.length).toBeLessThanOrEqual(2);
      const earlier = new Set(posts.slice(0, i).map((p) => p.slug));
      for (const slug of linked) {
        expect(slugs).toContain(slug);
        expect(earlier).toContain(slug);
      }
    });
  });

  test('dates lie in the five years before 2026-11-01, in post order', () => {
    const { root, posts } = generate(60, { seed: 11, format: 'md' });
    const dates = posts.map(
      (post) => (parse(splitFrontmatter(readFileSync(join(root, post.path), 'utf8'))!.yaml) as { date: string }).date,
    );
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! >= '2021-11-01').toBe(true);
    expect(dates.at(-1)! <= '2026-10-31').toBe(true);
  });
});
