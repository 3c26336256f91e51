// Social images: one 1200×630 PNG per article, rendered once and reused from the cache; in a build,
// mostly by a worker on a second core (src/social-cards/worker.ts) while the pages render.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildDir, buildSite, fixtures } from '../helpers/build.ts';
import { htmlPages } from '../helpers/html.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The cache's files and their modification times. */
function cached(cache: string): Record<string, number> {
  return Object.fromEntries(readdirSync(cache).map((f) => [f, statSync(join(cache, f)).mtimeMs]));
}

test('every article has a 1200×630 card, and a second build renders none again', () => {
  const cache = mkdtempSync(join(tmpdir(), 'social-cache-'));
  const first = buildSite('social-1', fixtures.site, { SOCIAL_IMAGE_CACHE: cache }, { silent: false });
  expect(first.status, first.output).toBe(0);
  const articles = htmlPages('social-1')
    .filter((p) => /^\/posts\/[^/]+\/$/.test(p))
    .map((p) => p.split('/')[2]);
  const cards = readdirSync(join(buildDir('social-1'), 'og')).sort();
  expect(cards).toEqual([...articles.map((slug) => `${slug}.png`), 'default.png'].sort());
  for (const card of cards) expect(pngSize(join(buildDir('social-1'), 'og', card))).toEqual([1200, 630]);

  // The worker drew cards, and exactly the pages' cards: one file per card, nothing else.
  const [, written, drawn, after, earlier] =
    /social images: (\d+) written; (\d+) drawn on a second core, (\d+) after the pages, (\d+) from earlier builds/.exec(
      first.output,
    ) ?? [];
  expect(Number(drawn), first.output).toBeGreaterThan(0);
  expect(Number(written)).toBe(cards.length);
  expect(Number(drawn) + Number(after) + Number(earlier)).toBe(cards.length);
  const before = cached(cache);
  expect(Object.keys(before)).toHaveLength(cards.length);

  const second = buildSite('social-2', fixtures.site, { SOCIAL_IMAGE_CACHE: cache });
  expect(second.status, second.output).toBe(0);
  expect(cached(cache)).toEqual(before);
  expect(readFileSync(join(buildDir('social-2'), 'og', 'rich-post.png'))).toEqual(
    readFileSync(join(buildDir('social-1'), 'og', 'rich-post.png')),
  );
});

test('with SOCIAL_IMAGE_PRERENDER=0 the build draws the same cards after the pages', () => {
  const cache = mkdtempSync(join(tmpdir(), 'social-cache-'));
  const build = buildSite(
    'social-3',
    fixtures.site,
    { SOCIAL_IMAGE_CACHE: cache, SOCIAL_IMAGE_PRERENDER: '0' },
    { silent: false },
  );
  expect(build.status, build.output).toBe(0);
  expect(build.output).toMatch(/social images: \d+ written; 0 drawn on a second core, [1-9]\d* after the pages/);
  const cards = readdirSync(join(buildDir('social-3'), 'og')).sort();
  expect(Object.keys(cached(cache))).toHaveLength(cards.length);
  // Byte for byte what the worker drew in the test above.
  for (const card of cards) {
    expect(
      readFileSync(join(buildDir('social-3'), 'og', card)).equals(readFileSync(join(buildDir('social-1'), 'og', card))),
      card,
    ).toBe(true);
  }
});
