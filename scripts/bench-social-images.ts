/**
 * `node scripts/bench-social-images.ts [N] [concurrency]`: how long the social images take.
 *
 * Renders N (default 100) distinct cards cold into an empty temporary cache, then asks for the
 * same N again (warm: all from the cache), and prints milliseconds per image and the peak resident
 * memory. The first render, which registers the fonts with Takumi, is timed on its
 * own. With a concurrency above 1 (default 1, as Astro renders pages one at a time), several cards
 * are in flight at once.
 * The temporary cache is removed at the end; KEEP=1 keeps it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSocialImage } from '../src/social-cards/cache.ts';
import type { SocialImageInput } from '../src/social-cards/input.ts';
import { renderSocialImage } from '../src/social-cards/render.ts';

const count = Number(process.argv[2] ?? 100);
const concurrency = Number(process.argv[3] ?? 1);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error('usage: node scripts/bench-social-images.ts [N ≥ 1] [concurrency ≥ 1]');
  process.exit(2);
}

const subjects = [
  'Gradient Boosting',
  'Linear Algebra',
  'Bayesian Inference',
  'Credit Risk Models',
  'Neural Networks',
  'Time Series',
];
const angles = [
  'A Practical Guide for Business Leaders',
  'What Every Analyst Should Know',
  'Real-World Applications and Case Studies in Finance, Healthcare and Retail Banking',
  'From First Principles to Production Systems: Lessons Learned by Teams That Ship Models Every Week',
];
const courses = [
  'Professional Certificate in Mathematical Models for Machine Learning',
  'Professional Certificate in Mathematics for Data Science and Machine Learning',
  'Professional Certificate in Machine Learning in Finance',
];
const authors = ['David Chen', 'Andrew Jackson', 'Michael Rodriguez'];

/** N distinct inputs, with titles from about 30 to 140 characters. */
function input(i: number): SocialImageInput {
  const title = `${subjects[i % subjects.length]}, Part ${i + 1}: ${angles[i % angles.length]}`.slice(0, 140);
  return {
    title,
    author: authors[i % authors.length]!,
    course: courses[i % courses.length]!,
    siteName: 'Machine Learning Blog',
    organisation: 'LSBR Executive Education',
    date: `${(i % 28) + 1} July 2025`,
  };
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

async function run(cacheDir: string): Promise<{ ms: number; cached: number }> {
  let next = 0;
  let cached = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const result = await getSocialImage(input(next++), cacheDir);
        if (result.cached) cached++;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }),
  );
  return { ms: performance.now() - start, cached };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-social-images-'));
try {
  const startRss = process.memoryUsage().rss;
  const t0 = performance.now();
  await renderSocialImage({ ...input(count), title: 'Warm-up: WebAssembly and fonts' });
  const firstMs = performance.now() - t0;

  const cold = await run(cacheDir);
  const coldRss = peakRss;
  const warm = await run(cacheDir);
  clearInterval(sampler);

  console.log(`social images: N=${count}, concurrency=${concurrency}, Node ${process.version}, cache ${cacheDir}`);
  console.log(`first render (WebAssembly + fonts): ${firstMs.toFixed(0)} ms`);
  console.log(
    `cold: ${(cold.ms / count).toFixed(1)} ms/image (${(cold.ms / 1000).toFixed(2)} s total, ${cold.cached} cached)`,
  );
  console.log(
    `warm: ${(warm.ms / count).toFixed(2)} ms/image (${warm.ms.toFixed(0)} ms total, ${warm.cached}/${count} cached)`,
  );
  console.log(`rss: ${mb(startRss)} at start, peak ${mb(coldRss)} during cold, peak ${mb(peakRss)} overall`);
  if (cold.cached !== 0 || warm.cached !== count) {
    console.error('unexpected cache hits: cold should have none, warm all');
    process.exitCode = 1;
  }
} finally {
  clearInterval(sampler);
  if (!process.env['KEEP']) rmSync(cacheDir, { recursive: true, force: true });
}
