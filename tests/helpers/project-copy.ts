/**
 * A copy of the project (sources, config, lockfile, the build script and the launch content)
 * under tmp/projects/<name>, for tests that edit sources or caches between builds without
 * touching the real tree or the other tests' builds. Packages resolve from the real
 * node_modules two folders up; Astro's and the social cards' caches live in the copy's own
 * node_modules/, so they start empty and belong to it alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { shellEnv, withBuildEnv } from '../../src/build-env.ts';
import { printed, projectRoot } from './build.ts';

const COPIED = [
  'src',
  'public',
  'content',
  'scripts/build.ts',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** What one build printed and did: the pages Astro rendered and those it copied from its cache. */
export interface ProjectBuild {
  status: number | null;
  output: string;
  rendered: string[];
  restored: string[];
}

/** Pages in Astro's page list: "├─ /posts/a/index.html (restored)" or "├─ /posts/a/index.html (+12ms)". */
export function pageList(output: string): { rendered: string[]; restored: string[] } {
  const all = new Set<string>();
  const restored = new Set<string>();
  for (const [, path, mark] of output.matchAll(/[├└]─ (\/[^\s├└]*?)(?=\d\d:\d\d:\d\d|\s|$)( \(restored\))?/g)) {
    all.add(path!);
    if (mark) restored.add(path!);
  }
  return { rendered: [...all].filter((path) => !restored.has(path)).sort(), restored: [...restored].sort() };
}

export function copyProject(name: string) {
  const dir = join(projectRoot, 'tmp/projects', name);
  rmSync(dir, { recursive: true, force: true });
  for (const path of COPIED) cpSync(join(projectRoot, path), join(dir, path), { recursive: true });
  const env = (extra: Record<string, string>) =>
    withBuildEnv({ ...shellEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...extra });

  const run = (outDir: string, extra: Record<string, string>): ProjectBuild => {
    // npm run build, unfiltered: Astro's page list says which pages were copied from its cache.
    const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build'], {
      cwd: dir,
      env: env({ OUT_DIR: join(dir, outDir), ...extra }),
      encoding: 'utf8',
      timeout: 240_000,
    });
    const output = printed(result);
    return { status: result.status, output, ...pageList(output) };
  };

  return {
    dir,
    /** The path of `file` in the copy. */
    path: (file: string) => join(dir, file),
    /** Rewrites a file of the copy. */
    edit(file: string, change: (text: string) => string) {
      const path = join(dir, file);
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`editing ${file} changed nothing`);
      writeFileSync(path, after);
    },
    /** `astro build` into <copy>/<outDir> with the copy's caches. */
    build: (outDir = 'dist', extra: Record<string, string> = {}) => run(outDir, extra),
    /** The same build with no cache at all: the copy's caches are set aside and put back after. */
    cleanBuild(outDir = 'dist-clean'): ProjectBuild {
      const caches = join(dir, 'node_modules');
      const aside = join(dir, 'node_modules.aside');
      rmSync(aside, { recursive: true, force: true });
      mkdirSync(caches, { recursive: true });
      renameSync(caches, aside);
      try {
        return run(outDir, {});
      } finally {
        rmSync(caches, { recursive: true, force: true });
        renameSync(aside, caches);
      }
    },
    /** `npm run build` (scripts/build.ts: the snapshot, then Astro), started in its own process group. */
    startScriptBuild(outDir = 'dist', extra: Record<string, string> = {}) {
      return spawn(process.execPath, [join(dir, 'scripts/build.ts')], {
        cwd: dir,
        env: env({ OUT_DIR: join(dir, outDir), ...extra }),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
  };
}

/** Runs a started build to its end; resolves with its exit code and output. */
export function finished(
  child: ReturnType<ReturnType<typeof copyProject>['startScriptBuild']>,
): Promise<{ status: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) =>
    child.on('close', (status) => resolve({ status, output: stripVTControlCharacters(output) })),
  );
}
