/**
 * Measuring one build for `npm run bench`: wall time, CPU time (GNU time, when installed) and the
 * peak resident memory of the build's whole process tree, sampled from /proc every 100 ms; and
 * what the build wrote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { shellEnv } from '../../src/build-env.ts';

/** GNU time, when installed: exact CPU seconds of the build and its largest single process. */
export const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** What one build cost. `peakRss` is the sum over the process tree, in bytes. */
export interface BuildRun {
  ms: number;
  peakRss: number | null;
  /** User + system CPU seconds of the build and its children (GNU time only). */
  cpuSeconds: number | null;
  /** Peak resident memory of the largest single process, in bytes (GNU time only). */
  maxProcessRss: number | null;
  loadBefore: number;
}

export class BuildError extends Error {}

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const tree = [pid];
  // for…of sees the children pushed below, so the walk goes down the whole tree.
  for (const id of tree) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${id}/task`);
    } catch {
      continue; // exited since
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(/\s+/).map(Number));
      } catch {
        // exited since
      }
    }
  }
  return tree;
}

/** Resident memory of one process in bytes (0 when it has exited). */
function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The child being measured, so that Ctrl-C can stop it. */
export const current: { child: ChildProcess | undefined } = { child: undefined };

/** Runs `command` in `cwd`, sampling its process tree's memory every 100 ms. */
export async function runBuild(
  label: string,
  command: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  scratch: string,
): Promise<{ run: BuildRun; output: string }> {
  const timeFile = join(scratch, `time-${label}.txt`);
  const argv = gnuTime ? [gnuTime, '-f', '%U %S %M', '-o', timeFile, ...command] : [...command];
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd,
    env: { ...shellEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  current.child = child;
  // Only the end of the output is kept: it is printed if the build fails.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-64_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const procfs = existsSync('/proc/self/status');
  let peakRss = 0;
  const sample = () => {
    if (!child.pid) return;
    peakRss = Math.max(
      peakRss,
      processTree(child.pid).reduce((sum, pid) => sum + rssOf(pid), 0),
    );
  };
  const sampler = procfs ? setInterval(sample, 100) : undefined;
  const code = await new Promise<number | null>((done, reject) => {
    child.on('error', reject);
    child.on('close', (status) => done(status));
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  current.child = undefined;
  if (code !== 0) {
    const tail =
      output.trimEnd().split('\n').slice(-60).join('\n') || '(it printed nothing: killed, or out of memory?)';
    throw new BuildError(`${label} build failed (exit code ${code}) in ${cwd}. Last lines of its output:\n\n${tail}`);
  }
  let cpuSeconds: number | null = null;
  let maxProcessRss: number | null = null;
  if (gnuTime && existsSync(timeFile)) {
    const [user, system, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    cpuSeconds = (user ?? 0) + (system ?? 0);
    maxProcessRss = (maxKb ?? 0) * 1024;
  }
  return { run: { ms, peakRss: procfs ? peakRss : null, cpuSeconds, maxProcessRss, loadBefore }, output };
}

/** Every file under `dir` with its size, as paths relative to `dir`. */
export function filesWithSizes(dir: string): Array<{ path: string; bytes: number }> {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).flatMap((path) => {
    const stat = statSync(join(dir, path));
    return stat.isFile() ? [{ path: path.split('\\').join('/'), bytes: stat.size }] : [];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What a build of the site wrote: pages, sizes, the search index and the social cards. */
export function measureDist(outDir: string) {
  const files = filesWithSizes(outDir);
  const articles = files.filter((f) => /^posts\/[^/]+\/index\.html$/.test(f.path));
  return {
    pages: files.filter((f) => f.path.endsWith('.html')).length,
    articles: articles.length,
    distBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    articleGzipMedian: median(articles.map((f) => gzipSync(readFileSync(join(outDir, f.path))).length)),
    searchIndexBytes: files.filter((f) => f.path.startsWith('pagefind/')).reduce((sum, f) => sum + f.bytes, 0),
    socialImages: files.filter((f) => /^og\/[^/]+\.png$/.test(f.path)).length,
  };
}
