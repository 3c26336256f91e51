import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { filesIn } from '../../../src/build-cache/ledger.ts';
import {
  clearSchedule,
  inputsHash,
  restoreSnapshot,
  saveSnapshot,
  snapshotProblem,
  writeSchedule,
} from '../../../src/build-cache/site-snapshot.ts';

let dir: string;
let project: string;
let content: string;
let cache: string;
let dist: string;
const now = new Date('2026-06-01T12:00:00Z');
const today = '2026-06-01';

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  [project, content, cache, dist] = ['project', 'content', 'cache', 'dist'].map((name) => join(dir, name)) as [
    string,
    string,
    string,
    string,
  ];
  write(join(project, 'src/pages/index.astro'), '<h1>Hi</h1>');
  write(join(project, 'astro.config.mjs'), 'export default {}');
  write(join(content, 'posts/a.mdx'), '# A');
  write(join(dist, 'index.html'), '<h1>Hi</h1>');
  write(join(dist, 'posts/a/index.html'), '<h1>A</h1>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('inputsHash', () => {
  test('changes with a source file, a content file, a new file or a variable the build reads', () => {
    const env = { SITE_URL: 'https://a.example', HOME: '/root' };
    const before = inputsHash(project, content, env);
    expect(inputsHash(project, content, { ...env })).toBe(before);
    expect(inputsHash(project, content, { ...env, HOME: '/elsewhere', GITHUB_RUN_ID: '7' })).toBe(before);
    expect(inputsHash(project, content, { ...env, SITE_URL: 'https://b.example' })).not.toBe(before);
    expect(inputsHash(project, content, { ...env, BASE_PATH: '/blog' })).not.toBe(before);
    // The editor's page names the repository it saves to.
    expect(inputsHash(project, content, { ...env, CMS_REPOSITORY: 'org/blog' })).not.toBe(before);
    expect(inputsHash(project, content, { ...env, GITHUB_REPOSITORY: 'org/blog' })).not.toBe(before);
    write(join(content, 'posts/a.mdx'), '# A, edited');
    const edited = inputsHash(project, content, env);
    expect(edited).not.toBe(before);
    write(join(project, 'src/styles/new.css'), 'a{}');
    const styled = inputsHash(project, content, env);
    expect(styled).not.toBe(edited);
    write(join(project, 'package-lock.json'), '{}');
    expect(inputsHash(project, content, env)).not.toBe(styled);
  });
});

describe('snapshots', () => {
  const inputs = 'inputs-1';

  function saved(nextScheduled: string | null = null): void {
    writeSchedule(cache, nextScheduled);
    saveSnapshot(cache, dist, inputs, now);
  }

  test('a saved snapshot stands in for a build with the same inputs, and restores the same files', () => {
    saved();
    expect(snapshotProblem(cache, inputs, today, now)).toBeUndefined();
    rmSync(dist, { recursive: true });
    write(join(dist, 'stale.html'), 'left from elsewhere');
    expect(restoreSnapshot(cache, dist)).toBe(2);
    expect(filesIn(dist, '.')).toEqual(['index.html', 'posts/a/index.html']);
    expect(readFileSync(join(dist, 'posts/a/index.html'), 'utf8')).toBe('<h1>A</h1>');
  });

  test('does not stand in when an input changed, the year turned or a scheduled post is due', () => {
    saved('2026-06-10');
    expect(snapshotProblem(cache, 'inputs-2', today, now)).toBe('an input changed');
    expect(snapshotProblem(cache, inputs, today, new Date('2027-01-01T00:00:00Z'))).toBe('the year changed');
    expect(snapshotProblem(cache, inputs, '2026-06-09', now)).toBeUndefined();
    expect(snapshotProblem(cache, inputs, '2026-06-10', now)).toBe('a post scheduled for 2026-06-10 is due');
  });

  test('does not stand in when a file of it was changed, emptied, removed or added', () => {
    const snapshotFile = join(cache, 'site', 'posts/a/index.html');
    for (const spoil of [
      () => writeFileSync(snapshotFile, '<h1>B</h1>'),
      () => writeFileSync(snapshotFile, ''),
      () => rmSync(snapshotFile),
      () => write(join(cache, 'site', 'extra.html'), 'x'),
    ]) {
      saved();
      spoil();
      expect(snapshotProblem(cache, inputs, today, now)).toMatch(/not what the build wrote|other files than recorded/);
    }
  });

  test('no snapshot without a finished build: a broken or missing manifest, or no schedule from the content guard', () => {
    expect(snapshotProblem(cache, inputs, today, now)).toBe('no snapshot of a finished build');
    saved();
    writeFileSync(join(cache, 'site.json'), '{"version": 1, "inpu');
    expect(snapshotProblem(cache, inputs, today, now)).toBe('no snapshot of a finished build');
    saved();
    clearSchedule(cache);
    saveSnapshot(cache, dist, inputs, now);
    expect(snapshotProblem(cache, inputs, today, now)).toBe('no snapshot of a finished build');
  });

  test('a snapshot survives the next build emptying dist/ (hard links share no writes)', () => {
    saved();
    rmSync(dist, { recursive: true });
    write(join(dist, 'index.html'), '<h1>New</h1>');
    expect(readFileSync(join(cache, 'site', 'index.html'), 'utf8')).toBe('<h1>Hi</h1>');
    expect(snapshotProblem(cache, inputs, today, now)).toBeUndefined();
  });
});
