/**
 * Builds the site from a content root into tmp/builds/<name>, with the same Node and Astro as
 * `npm run build` (and its environment, src/build-env.ts), and reads the result. Used by the site tests' global setup and by tests that
 * expect a build to fail.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { shellEnv, withBuildEnv } from '../../src/build-env.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** Where the build named `name` is written. */
export function buildDir(name: string): string {
  return join(projectRoot, 'tmp/builds', name);
}

/** What a finished child printed, stdout then stderr, as plain text: Astro colours its output when CI or a terminal sets FORCE_COLOR. */
export function printed(result: { stdout: string; stderr: string }): string {
  return stripVTControlCharacters(`${result.stdout}${result.stderr}`);
}

/** Runs `astro build`; returns its exit code and combined output. */
export function buildSite(name: string, contentRoot: string, env: Record<string, string> = {}, { silent = true } = {}) {
  const outDir = buildDir(name);
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', ...(silent ? ['--silent'] : [])], {
    cwd: projectRoot,
    env: withBuildEnv({
      ...shellEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_ROOT: contentRoot,
      OUT_DIR: outDir,
      ...env,
    }),
    encoding: 'utf8',
    timeout: 240_000,
  });
  const output = printed(result);
  mkdirSync(join(projectRoot, 'tmp/builds'), { recursive: true });
  writeFileSync(`${outDir}.log`, output);
  return { outDir, status: result.status, output };
}

/** What the build named `name` printed, kept beside it (tmp/builds/<name>.log). */
export function buildLog(name: string): string {
  return readFileSync(`${buildDir(name)}.log`, 'utf8');
}

/** Every file of a build with the sha256 of its bytes, keyed by its path in the build. */
export function fingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(
    files.sort().map((file) => [file.slice(dir.length), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** A built file's text, e.g. readBuilt('fixture', 'posts/a/index.html'). */
export function readBuilt(name: string, path: string): string {
  return readFileSync(join(buildDir(name), path), 'utf8');
}

/** The base path of the 'subpath' build (the fixture site as a GitHub Pages project site). */
export const SUBPATH = '/lsbr-blog';

/** The fixture content sets under tests/fixtures/. */
export const fixtures = {
  real: join(projectRoot, 'content'),
  site: join(projectRoot, 'tests/fixtures/site'),
  invalid: join(projectRoot, 'tests/fixtures/invalid'),
};
