/**
 * `npm run build [-- <astro build flags>]`: `astro build` with the environment of
 * src/build-env.ts, which has to be set before the process starts. Exits as astro does.
 *
 * Astro lists each page as it starts rendering it and adds the time when it is done; with four
 * pages rendering at once (build.concurrency in astro.config.mjs) names and times land on the
 * wrong lines ("├─ /a├─ /b (+12ms)", then a bare "(+9ms)"). That list is left out of the output;
 * everything else Astro says, and its count of pages built, is passed through.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { withBuildEnv } from '../src/build-env.ts';

/** One entry of the page list: an optional time stamp, "├─ ", the page, maybe its time. */
const PAGE_ENTRY = /(?:\d\d:\d\d:\d\d\s+)?[├└]─ .*?(?=(?:\d\d:\d\d:\d\d\s+)?[├└]─ |$)/g;
/** A time that lost its page: "(+9ms)" on a line of its own. */
const LONE_TIME = /^\s*(?:\d\d:\d\d:\d\d\s+)?\(\+\d+(?:\.\d+)?m?s\)\s*$/;

/** Astro's output line without the per-page entries; undefined when nothing else is left. */
export function withoutPageList(line: string): string | undefined {
  const kept = line.replace(PAGE_ENTRY, '');
  if (kept === line) return LONE_TIME.test(line) ? undefined : line;
  return kept.trim() === '' ? undefined : kept;
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
    cwd: process.cwd(),
    env: withBuildEnv({ ...process.env, ...colour }),
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
      const kept = withoutPageList(line);
      if (kept !== undefined) to.write(`${kept}\n`);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`could not start astro build: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
