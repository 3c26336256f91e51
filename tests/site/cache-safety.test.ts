// Caches that cannot poison the site: whatever state a build's caches are left in (garbage,
// empty files, a build killed half-way), the next `npm run build` succeeds and writes exactly
// what a build without any cache writes, and every image it writes decodes.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { filesIn } from '../../src/build-cache/ledger.ts';
import { fingerprint } from '../helpers/build.ts';
import { copyProject, finished } from '../helpers/project-copy.ts';

const project = copyProject('cache-safety');
const BUILD = 300_000;

/** Every file of every cache the copy's builds keep (Astro's cacheDir, the social cards). */
function cacheFiles(): string[] {
  return filesIn(project.dir, 'node_modules');
}

async function scriptBuild(): Promise<string> {
  const { status, output } = await finished(project.startScriptBuild());
  expect(status, output).toBe(0);
  return output;
}

async function expectCleanOutput(): Promise<void> {
  const clean = project.cleanBuild();
  expect(clean.status, clean.output).toBe(0);
  expect(fingerprint(project.path('dist'))).toEqual(fingerprint(project.path('dist-clean')));
  const images = filesIn(project.path('dist'), '.').filter((file) => /\.(png|jpe?g|webp|avif|gif|svg)$/.test(file));
  expect(images.length).toBeGreaterThan(4);
  for (const image of images) {
    const { info } = await sharp(project.path(join('dist', image)), { failOn: 'truncated' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.width, image).toBeGreaterThan(0);
  }
}

/** What the first `npm run build` of the copy printed. */
let firstOutput = '';

beforeAll(async () => {
  firstOutput = await scriptBuild();
  // A second build, so that the incremental cache and the snapshot exist too.
  project.edit('content/posts/machine-learning-in-finance.mdx', (text) => `${text}\nA first edit.\n`);
  await scriptBuild();
}, BUILD);

test('npm run build writes the search index once Astro has exited, so that their memory never adds up', () => {
  const indexed = [...firstOutput.matchAll(/\[search-index\] indexed (\d+) articles/g)];
  expect(indexed).toHaveLength(1);
  expect(Number(indexed[0]![1])).toBeGreaterThan(0);
  expect(firstOutput.indexOf('[build] Complete!')).toBeGreaterThan(-1);
  expect(indexed[0]!.index).toBeGreaterThan(firstOutput.indexOf('[build] Complete!'));
});

describe('a build after its caches were spoiled', () => {
  test(
    'with garbage in every entry (the ledgers kept) writes what a clean build writes',
    async () => {
      const spoiled = cacheFiles().filter((file) => !/(cache-ledger|site)\.json$/.test(file));
      expect(spoiled.some((file) => file.includes('/.astro/assets/'))).toBe(true);
      expect(spoiled.some((file) => file.includes('/.astro/dist/'))).toBe(true);
      expect(spoiled.some((file) => file.includes('/.astro/site/'))).toBe(true);
      expect(spoiled.some((file) => file.includes('/.astro/mdx-compiled/'))).toBe(true);
      expect(spoiled.some((file) => file.includes('/.cache/social-images/'))).toBe(true);
      for (const file of spoiled) writeFileSync(project.path(file), randomBytes(64));
      const output = await scriptBuild();
      expect(output).toMatch(/cache-guard.*image cache: removed/);
      await expectCleanOutput();
    },
    BUILD,
  );

  test(
    'with every file emptied, ledgers and manifests too, writes what a clean build writes',
    async () => {
      for (const file of cacheFiles()) writeFileSync(project.path(file), '');
      await scriptBuild();
      await expectCleanOutput();
    },
    BUILD,
  );

  test(
    'killed half-way, is followed by a build that writes what a clean build writes',
    async () => {
      project.edit('content/posts/machine-learning-in-finance.mdx', (text) => `${text}\nA second edit.\n`);
      const child = project.startScriptBuild();
      const done = finished(child);
      // Killed while Astro writes pages and their copies in the incremental cache.
      await new Promise<void>((resolve) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString('utf8').includes('generating static routes')) resolve();
        });
      });
      process.kill(-child.pid!, 'SIGKILL');
      expect((await done).status).not.toBe(0);
      await scriptBuild();
      await expectCleanOutput();
    },
    BUILD,
  );
});
