// Social images: one 1200×630 PNG per article, rendered once and reused from the cache.
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

test('every article has a 1200×630 card, and a second build renders none again', () => {
  const cache = mkdtempSync(join(tmpdir(), 'social-cache-'));
  const first = buildSite('social-1', fixtures.site, { SOCIAL_IMAGE_CACHE: cache });
  expect(first.status, first.output).toBe(0);
  const articles = htmlPages('social-1').filter((p) => /^\/posts\/[^/]+\/$/.test(p)).map((p) => p.split('/')[2]);
  const cards = readdirSync(join(buildDir('social-1'), 'og')).sort();
  expect(cards).toEqual([...articles.map((slug) => `${slug}.png`), 'default.png'].sort());
  for (const card of cards) expect(pngSize(join(buildDir('social-1'), 'og', card))).toEqual([1200, 630]);

  const cached = () => Object.fromEntries(readdirSync(cache).map((f) => [f, statSync(join(cache, f)).mtimeMs]));
  const before = cached();
  expect(Object.keys(before)).toHaveLength(cards.length);
  const second = buildSite('social-2', fixtures.site, { SOCIAL_IMAGE_CACHE: cache });
  expect(second.status, second.output).toBe(0);
  expect(cached()).toEqual(before);
  expect(readFileSync(join(buildDir('social-2'), 'og', 'rich-post.png'))).toEqual(readFileSync(join(buildDir('social-1'), 'og', 'rich-post.png')));
});
