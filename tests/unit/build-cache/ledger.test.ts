import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  checkArea,
  filesIn,
  readLedger,
  recordArea,
  removeFiles,
  writeLedger,
} from '../../../src/build-cache/ledger.ts';
import { filesHash } from '../../../src/integrations/cache-guard.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ledger-'));
  mkdirSync(join(root, 'assets', 'deep'), { recursive: true });
  writeFileSync(join(root, 'assets', 'a.webp'), 'image a');
  writeFileSync(join(root, 'assets', 'deep', 'b.png'), 'image b');
  writeFileSync(join(root, 'data-store.json'), '[1]');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('filesIn', () => {
  test('lists the files under a folder with / separators, a file as itself, nothing for what is absent', () => {
    expect(filesIn(root, 'assets')).toEqual(['assets/a.webp', 'assets/deep/b.png']);
    expect(filesIn(root, 'data-store.json')).toEqual(['data-store.json']);
    expect(filesIn(root, 'dist')).toEqual([]);
  });
});

describe('checkArea', () => {
  test('vouches for files left as they were recorded', () => {
    const recorded = recordArea(root, ['assets']);
    expect(checkArea(root, ['assets'], recorded)).toEqual({ unverified: [], staleInputs: false });
  });

  test('does not vouch for a file changed, emptied or added since, nor for any file without a ledger', () => {
    const recorded = recordArea(root, ['assets']);
    writeFileSync(join(root, 'assets', 'a.webp'), 'image a, truncat');
    writeFileSync(join(root, 'assets', 'deep', 'b.png'), '');
    writeFileSync(join(root, 'assets', 'c.avif'), 'written by a build that never finished');
    expect(checkArea(root, ['assets'], recorded).unverified).toEqual([
      'assets/a.webp',
      'assets/c.avif',
      'assets/deep/b.png',
    ]);
    expect(checkArea(root, ['data-store.json'], undefined).unverified).toEqual(['data-store.json']);
  });

  test('does not vouch for an area made from other inputs, even with the same bytes', () => {
    const recorded = recordArea(root, ['data-store.json'], 'schemas v1');
    expect(checkArea(root, ['data-store.json'], recorded, 'schemas v1').unverified).toEqual([]);
    expect(checkArea(root, ['data-store.json'], recorded, 'schemas v2')).toEqual({
      unverified: ['data-store.json'],
      staleInputs: true,
    });
  });

  test('an empty area is never stale', () => {
    expect(checkArea(root, ['dist'], undefined, 'anything')).toEqual({ unverified: [], staleInputs: false });
  });
});

describe('readLedger and writeLedger', () => {
  test('round-trip, and a missing, broken or foreign ledger vouches for nothing', () => {
    const file = join(root, 'ledger.json');
    const areas = { images: recordArea(root, ['assets']) };
    writeLedger(file, { areas });
    expect(readLedger(file).areas).toEqual(areas);
    for (const bad of ['', '{"version": 1, "areas": {"images": {"fil', '{"version": 99, "areas": {}}', 'null', '[]']) {
      writeFileSync(file, bad);
      expect(readLedger(file).areas, bad).toEqual({});
    }
    rmSync(file);
    expect(readLedger(file).areas).toEqual({});
  });

  test('keeps only well-formed areas', () => {
    const file = join(root, 'ledger.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, areas: { good: { files: { a: 'x' } }, bad: 'oops', worse: { files: 3 } } }),
    );
    expect(Object.keys(readLedger(file).areas)).toEqual(['good']);
  });
});

describe('removeFiles and filesHash', () => {
  test('removes what it is given and ignores what is already gone', () => {
    removeFiles(root, ['assets/a.webp', 'assets/none.png']);
    expect(filesIn(root, 'assets')).toEqual(['assets/deep/b.png']);
  });

  test("the hash changes with a file's bytes, a new file or a renamed one", () => {
    const before = filesHash(root, ['assets']);
    expect(filesHash(root, ['assets'])).toBe(before);
    writeFileSync(join(root, 'assets', 'a.webp'), 'image A');
    const edited = filesHash(root, ['assets']);
    expect(edited).not.toBe(before);
    writeFileSync(join(root, 'assets', 'z.webp'), readFileSync(join(root, 'assets', 'a.webp')));
    expect(filesHash(root, ['assets'])).not.toBe(edited);
  });
});
