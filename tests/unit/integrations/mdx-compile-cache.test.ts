import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cachedTransform, fingerprint } from '../../../src/integrations/mdx-compile-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mdx-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the MDX plugin's transform: the "compiled" code names what it was given. */
function compiler() {
  return vi.fn(async (code: string, id: string) => ({
    code: `compiled(${id}): ${code}`,
    map: null,
    meta: { astro: { propagation: 'none' }, vite: { lang: 'ts' } },
  }));
}

describe('cachedTransform', () => {
  test('compiles a file once, then answers from the cache with the same result', async () => {
    const compile = compiler();
    const first = cachedTransform(compile, join(dir, 'cache'), 'print');
    const compiled = await first.wrapped.call(undefined, '# A', '/posts/a.mdx');
    // A later build: a new wrapper over the same folder.
    const second = cachedTransform(compile, join(dir, 'cache'), 'print');
    expect(await second.wrapped.call(undefined, '# A', '/posts/a.mdx')).toEqual(compiled);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(first.counts).toEqual({ cached: 0, compiled: 1 });
    expect(second.counts).toEqual({ cached: 1, compiled: 0 });
  });

  test('compiles again when the text, the path or the fingerprint changes', async () => {
    const compile = compiler();
    const cache = cachedTransform(compile, dir, 'print');
    await cache.wrapped.call(undefined, '# A', '/posts/a.mdx');
    await cache.wrapped.call(undefined, '# A, edited', '/posts/a.mdx');
    await cache.wrapped.call(undefined, '# A', '/posts/b.mdx');
    await cachedTransform(compile, dir, 'another config').wrapped.call(undefined, '# A', '/posts/a.mdx');
    expect(compile).toHaveBeenCalledTimes(4);
  });

  test('does not keep a failed compile: the error comes back on the next build', async () => {
    const failing = vi.fn(async () => {
      throw new Error('Invalid TeX in posts/a.mdx:3');
    });
    for (let build = 0; build < 2; build++) {
      await expect(
        cachedTransform(failing, dir, 'print').wrapped.call(undefined, '$\\frac{a}$', '/posts/a.mdx'),
      ).rejects.toThrow('Invalid TeX');
    }
    expect(failing).toHaveBeenCalledTimes(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('compiles again over an entry that is empty, truncated, of the wrong shape or altered', async () => {
    const compile = compiler();
    const fresh = await cachedTransform(compile, dir, 'print').wrapped.call(undefined, '# A', '/posts/a.mdx');
    const [entry] = readdirSync(dir);
    const whole = readFileSync(join(dir, entry!), 'utf8');
    const altered = whole.replace('# A', '# X');
    expect(altered).not.toBe(whole);
    for (const bad of [
      '',
      '{"code": "trunc',
      '[]',
      'null',
      '{"code": 1}',
      whole.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"0"'),
      altered,
    ]) {
      writeFileSync(join(dir, entry!), bad);
      const again = cachedTransform(compile, dir, 'print');
      expect(await again.wrapped.call(undefined, '# A', '/posts/a.mdx'), bad).toEqual(fresh);
      expect(again.counts, bad).toEqual({ cached: 0, compiled: 1 });
      expect(readFileSync(join(dir, entry!), 'utf8')).toBe(whole);
    }
  });

  test('prune removes the entries a build did not use, and nothing after a build without MDX', async () => {
    const compile = compiler();
    const old = cachedTransform(compile, dir, 'print');
    await old.wrapped.call(undefined, '# A', '/posts/a.mdx');
    await old.wrapped.call(undefined, '# B', '/posts/b.mdx');
    cachedTransform(compile, dir, 'print').prune(); // used nothing: keeps everything
    expect(readdirSync(dir)).toHaveLength(2);
    const next = cachedTransform(compile, dir, 'print');
    await next.wrapped.call(undefined, '# B', '/posts/b.mdx'); // a.mdx was deleted
    next.prune();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(compile).toHaveBeenCalledTimes(2);
  });
});

describe('fingerprint', () => {
  test('changes with the contents of a listed file, a file in a listed folder, or a value', () => {
    mkdirSync(join(dir, 'markdown'));
    writeFileSync(join(dir, 'config.mjs'), 'a');
    writeFileSync(join(dir, 'markdown', 'math.ts'), 'b');
    const files = [join(dir, 'config.mjs'), join(dir, 'markdown')];
    const before = fingerprint({ files, values: ['https://example.org', ''] });
    expect(fingerprint({ files, values: ['https://example.org', ''] })).toBe(before);
    expect(fingerprint({ files, values: ['https://example.org', '/blog'] })).not.toBe(before);
    writeFileSync(join(dir, 'markdown', 'math.ts'), 'b2');
    const afterPlugin = fingerprint({ files, values: ['https://example.org', ''] });
    expect(afterPlugin).not.toBe(before);
    writeFileSync(join(dir, 'markdown', 'new-plugin.ts'), 'c');
    expect(fingerprint({ files, values: ['https://example.org', ''] })).not.toBe(afterPlugin);
  });
});
