/**
 * `npm run build [-- <astro build flags>]`: `astro build` with the environment of
 * src/build-env.ts, which has to be set before the process starts. Exits as astro does.
 *
 * When nothing the build reads has changed since the last finished build, dist/ is made from
 * that build's snapshot instead (src/build-cache/site-snapshot.ts), checked file by file, without
 * starting Astro. SITE_SNAPSHOT=0, or any flag but --silent, always runs Astro; a finished build
 * always records a new snapshot.
 *
 * The search index is written after Astro's process has exited, so that Pagefind's memory does
 * not add to Astro's (src/integrations/search-index.ts); a failure there fails the build.
 *
 * Astro lists each page as it starts rendering it and adds the time when it is done; with four
 * pages rendering at once (build.concurrency in astro.config.mjs) names and times land on the
 * wrong lines ("├─ /a├─ /b (+12ms)", then a bare "(+9ms)"). That list is left out of the output;
 * everything else Astro says, and its count of pages built, is passed through.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { buildPaths, envSwitch, withBuildEnv } from '../src/build-env.ts';
import {
  clearSchedule,
  inputsHash,
  restoreSnapshot,
  saveSnapshot,
  snapshotProblem,
} from '../src/build-cache/site-snapshot.ts';
import { INDEX_AFTER_ASTRO, indexArticles } from '../src/integrations/search-index.ts';
import { todayIn } from '../src/lib/dates.ts';
import { siteConfig } from '../src/site.config.ts';

/** One entry of the page list: an optional time stamp, "├─ ", the page, maybe its time. */
const PAGE_ENTRY = /(?:\d\d:\d\d:\d\d\s+)?[├└]─ .*?(?=(?:\d\d:\d\d:\d\d\s+)?[├└]─ |$)/g;
/** A time that lost its page: "(+9ms)" on a line of its own. */
const LONE_TIME = /^\s*(?:\d\d:\d\d:\d\d\s+)?\(\+\d+(?:\.\d+)?m?s\)\s*$/;

/**
 * Astro's output line without the per-page entries; undefined when nothing else is left. In a
 * terminal Astro colours its output, so the entries are found in the line without its colour codes;
 * a line with no entry is passed through with its colours.
 */
export function withoutPageList(line: string): string | undefined {
  const plain = stripVTControlCharacters(line);
  const kept = plain.replace(PAGE_ENTRY, '');
  if (kept === plain) return LONE_TIME.test(plain) ? undefined : line;
  return kept.trim() === '' ? undefined : kept;
}

/**
 * The search index over the pages Astro wrote, once its process has exited
 * (src/integrations/search-index.ts); resolves with the build's exit code. A site without its
 * index is not published half-built: outDir is removed, as the content guard does for Astro.
 */
export async function searchIndexAfterAstro(outDir: string): Promise<number> {
  const time = () => new Date().toTimeString().slice(0, 8);
  try {
    const count = await indexArticles(outDir);
    console.log(`${time()} [search-index] indexed ${count} articles`);
    return 0;
  } catch (error) {
    console.error(`${time()} [search-index] the search index could not be written: ${(error as Error).message}`);
    rmSync(outDir, { recursive: true, force: true });
    return 1;
  }
}

/** Flags that change only what Astro prints, so a snapshot can still stand in for the build. */
const QUIET_FLAGS = new Set(['--silent']);

/** Runs astro build, filtering its page list; resolves with its exit code. */
function astroBuild(args: readonly string[], extraEnv: Record<string, string>): Promise<number> {
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', ...args], {
    cwd: process.cwd(),
    env: withBuildEnv({ ...process.env, ...colour, ...extraEnv }),
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
      const kept = withoutPageList(line);
      if (kept !== undefined) to.write(`${kept}\n`);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((done) => {
    child.on('error', (error) => {
      console.error(`could not start astro build: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const args = process.argv.slice(2);
  const { cacheDir, outDir, contentRoot } = buildPaths();
  const onlyQuietFlags = args.every((arg) => QUIET_FLAGS.has(arg));
  const useSnapshot = envSwitch('SITE_SNAPSHOT') && onlyQuietFlags;
  const inputs = inputsHash(root, contentRoot, process.env);
  const started = performance.now();
  const problem = useSnapshot
    ? snapshotProblem(cacheDir, inputs, todayIn(siteConfig.timeZone, new Date()))
    : 'turned off';
  if (problem === undefined) {
    const files = restoreSnapshot(cacheDir, outDir);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `[build] nothing has changed since the last build: ${files} file(s) restored to ${outDir} from its checked snapshot in ${seconds}s`,
    );
    process.exit(0);
  }
  clearSchedule(cacheDir);
  // With Astro's own flags (an --outDir, say) Astro's process indexes, where it knows the folder.
  let code = await astroBuild(args, onlyQuietFlags ? { [INDEX_AFTER_ASTRO]: '1' } : {});
  if (code === 0 && onlyQuietFlags) code = await searchIndexAfterAstro(outDir);
  if (code === 0) saveSnapshot(cacheDir, outDir, inputs);
  process.exit(code);
}
