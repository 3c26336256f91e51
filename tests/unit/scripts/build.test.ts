// npm run build passes Astro's output through without the page list that concurrent rendering jumbles.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { searchIndexAfterAstro, withoutPageList } from '../../../scripts/build.ts';

describe('withoutPageList', () => {
  test.each([
    [
      '21:14:23   ├─ /404.html21:14:23   ├─ /authors/a/index.html21:14:23   ├─ /authors/b/index.html (+76ms) ',
      undefined,
    ],
    ['21:14:23   ├─ /authors/index.html (+78ms) ', undefined],
    [' (+9ms) ', undefined],
    ['21:14:23   └─ /index.html (+10ms)', undefined],
    // In a terminal (FORCE_COLOR=1) every piece of an entry is wrapped in colour codes.
    [
      '\x1b[2m02:08:31\x1b[22m   \x1b[34m├─\x1b[39m \x1b[2m/posts/a/index.html\x1b[22m \x1b[2m(+15ms)\x1b[22m ',
      undefined,
    ],
    [' \x1b[2m(+7ms)\x1b[22m ', undefined],
  ])('drops the page list: %j', (line, kept) => {
    expect(withoutPageList(line)).toBe(kept);
  });

  test.each([
    '21:15:39 [build] 28 page(s) built in 4.33s',
    '21:15:39 ✓ Completed in 507ms.',
    ' generating static routes ',
    '21:15:39   ▶ /_astro/figure.svg (reused cache entry) (+1ms) (1/1)',
    'Content check failed with 3 problem(s):',
    '\x1b[2m02:08:32\x1b[22m \x1b[34m[build]\x1b[39m \x1b[32m✓ Completed in 3.27s.\x1b[39m',
    '',
  ])('keeps everything else: %j', (line) => {
    expect(withoutPageList(line)).toBe(line);
  });
});

describe('searchIndexAfterAstro', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  /** A built site of one article page, in a folder of its own. */
  function site(): string {
    const parent = mkdtempSync(join(tmpdir(), 'search-index-'));
    dirs.push(parent);
    const dir = join(parent, 'dist');
    mkdirSync(join(dir, 'posts/a'), { recursive: true });
    writeFileSync(
      join(dir, 'posts/a/index.html'),
      '<!doctype html><html lang="en"><head><title>A</title></head><body><main data-pagefind-body><h1>Gradient descent</h1><p>Small steps downhill.</p></main></body></html>',
    );
    return dir;
  }

  test('indexes the article pages into pagefind/ and says how many', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const dir = site();
    expect(await searchIndexAfterAstro(dir)).toBe(0);
    expect(readdirSync(join(dir, 'pagefind'))).toContain('pagefind.js');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/\[search-index\] indexed 1 articles$/));
  }, 30_000);

  test('fails the build and removes the site when the index cannot be written', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = site();
    writeFileSync(join(dir, 'pagefind'), 'a file where the index folder goes');
    expect(await searchIndexAfterAstro(dir)).toBe(1);
    expect(existsSync(dir)).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('[search-index] the search index could not be written'));
  }, 30_000);
});
