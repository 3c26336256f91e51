/**
 * What `npm run bench` prints and writes: the table of figures per size, the targets as
 * PASS or MISS (figures to read, not assertions), and the machine and commit they came from.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { PostFormat } from './generate-posts.ts';
import { gnuTime, type BuildRun } from './bench-measure.ts';

export interface SizeResult {
  posts: number;
  format: PostFormat;
  generatedBytes: { total: number; average: number };
  check: { ms: number; problems: number };
  cold: BuildRun & {
    msPerPost: number;
    pages: number;
    pagesPerSecond: number;
    articles: number;
    distBytes: number;
    articleGzipMedian: number;
    searchIndexBytes: number;
    socialImages: number;
  };
  baseline?: BuildRun & { pages: number; ratio: number; memoryRatio: number | null };
  /** `npm run build` again with nothing changed: the snapshot of the cold build stands in. */
  unchanged?: BuildRun & { fromSnapshot: boolean };
  /** The same with SITE_SNAPSHOT=0: Astro runs and copies every keyed page from its cache. */
  unchangedAstro?: BuildRun;
  /** `npm run build` after appending a paragraph to one post, with the caches of the builds before. */
  edit?: BuildRun & { editedPost: string; editVisible: boolean; ratio: number };
}

interface Target {
  label: string;
  status: 'PASS' | 'MISS' | 'n/a';
  figure: string;
}

export const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
export const mb = (bytes: number | null | undefined) =>
  bytes == null ? '–' : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (ratio: number | null | undefined) => (ratio == null ? '–' : `${ratio.toFixed(2)}×`);
const cpu = (run: BuildRun | undefined) => (run?.cpuSeconds == null ? '–' : `${run.cpuSeconds.toFixed(1)} s`);

export function table(results: SizeResult[]): string {
  const rows: Array<[string, (r: SizeResult) => string]> = [
    ['generated posts, average size', (r) => kb(r.generatedBytes.average)],
    ['content check', (r) => seconds(r.check.ms)],
    ['COLD BUILD (complete site, no cache)', (r) => seconds(r.cold.ms)],
    ['  per post', (r) => `${r.cold.msPerPost.toFixed(1)} ms`],
    ['  CPU (user + system)', (r) => cpu(r.cold)],
    ['  HTML pages', (r) => String(r.cold.pages)],
    ['  pages per second', (r) => r.cold.pagesPerSecond.toFixed(1)],
    ['  peak RSS, process tree', (r) => mb(r.cold.peakRss)],
    ['  peak RSS, largest process', (r) => mb(r.cold.maxProcessRss)],
    ['  dist/ size', (r) => mb(r.cold.distBytes)],
    ['  article page, gzip median', (r) => kb(r.cold.articleGzipMedian)],
    ['  search index (pagefind/)', (r) => mb(r.cold.searchIndexBytes)],
    ['  social images', (r) => String(r.cold.socialImages)],
    ['  load average before', (r) => r.cold.loadBefore.toFixed(2)],
    ['BASELINE BUILD (bare Astro + MDX)', (r) => (r.baseline ? seconds(r.baseline.ms) : 'skipped')],
    ['  HTML pages', (r) => (r.baseline ? String(r.baseline.pages) : '–')],
    ['  peak RSS, process tree', (r) => mb(r.baseline?.peakRss)],
    ['  ours / baseline, time', (r) => times(r.baseline?.ratio)],
    ['  ours / baseline, peak RSS', (r) => times(r.baseline?.memoryRatio)],
    ['WARM, NOTHING CHANGED (npm run build)', (r) => (r.unchanged ? seconds(r.unchanged.ms) : 'skipped')],
    ['  from the snapshot', (r) => (r.unchanged ? (r.unchanged.fromSnapshot ? 'yes' : 'NO') : '–')],
    ['  through Astro (SITE_SNAPSHOT=0)', (r) => (r.unchangedAstro ? seconds(r.unchangedAstro.ms) : 'skipped')],
    ['  peak RSS, through Astro', (r) => mb(r.unchangedAstro?.peakRss)],
    ['WARM, ONE POST EDITED (npm run build)', (r) => (r.edit ? seconds(r.edit.ms) : 'skipped')],
    ['  CPU (user + system)', (r) => cpu(r.edit)],
    ['  edit / cold', (r) => times(r.edit?.ratio)],
    ['  peak RSS, process tree', (r) => mb(r.edit?.peakRss)],
    ['  edit visible in the page', (r) => (r.edit ? (r.edit.editVisible ? 'yes' : 'NO') : '–')],
  ];
  const header = ['', ...results.map((r) => `N = ${r.posts}`)];
  const cells = [header, ...rows.map(([label, cell]) => [label, ...results.map(cell)])];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '))
    .join('\n');
}

const LIMIT = 1.5 * 2 ** 30; // 1536 MB, in the MB (2^20 bytes) the table uses

function ratioTarget(r: SizeResult | undefined, n: number): Target {
  const label = `${n.toLocaleString('en')} posts: complete cold build ≤ 1.5× the baseline`;
  if (!r) return { label, status: 'n/a', figure: `not measured (add ${n} to --sizes)` };
  if (!r.baseline) return { label, status: 'n/a', figure: 'baseline skipped' };
  return {
    label,
    status: r.baseline.ratio <= 1.5 ? 'PASS' : 'MISS',
    figure: `${times(r.baseline.ratio)} (${seconds(r.cold.ms)} vs ${seconds(r.baseline.ms)})`,
  };
}

function warmTargets(r: SizeResult): Target[] {
  const list: Target[] = [];
  if (r.unchanged)
    list.push({
      label: `${r.posts} posts: nothing changed ≤ 5 s`,
      status: r.unchanged.ms <= 5_000 ? 'PASS' : 'MISS',
      figure: seconds(r.unchanged.ms),
    });
  if (r.edit)
    list.push({
      label: `${r.posts} posts: one post edited ≤ 10 s`,
      status: r.edit.ms <= 10_000 ? 'PASS' : 'MISS',
      figure: seconds(r.edit.ms),
    });
  return list;
}

/** The targets, evaluated where this run has the figures. */
export function targets(results: SizeResult[]): Target[] {
  const at = (n: number) => results.find((r) => r.posts === n);
  const r1000 = at(1000);
  const r5000 = at(5000);
  const list: Target[] = [ratioTarget(r1000, 1000), ratioTarget(r5000, 5000)];
  list.push(
    r1000?.cold.peakRss == null
      ? {
          label: '1,000 posts: peak memory < 1.5 GB (1536 MB)',
          status: 'n/a',
          figure: r1000 ? 'no /proc to sample' : 'not measured (add 1000 to --sizes)',
        }
      : {
          label: '1,000 posts: peak memory < 1.5 GB (1536 MB)',
          status: r1000.cold.peakRss < LIMIT ? 'PASS' : 'MISS',
          figure: mb(r1000.cold.peakRss),
        },
  );
  list.push(
    !r1000 || !r5000
      ? {
          label: 'time per post at 5,000 ≤ 1.2× that at 1,000 (flat)',
          status: 'n/a',
          figure: 'needs both 1000 and 5000 in --sizes',
        }
      : {
          label: 'time per post at 5,000 ≤ 1.2× that at 1,000 (flat)',
          status: r5000.cold.msPerPost <= 1.2 * r1000.cold.msPerPost ? 'PASS' : 'MISS',
          figure: `${times(r5000.cold.msPerPost / r1000.cold.msPerPost)} (${r5000.cold.msPerPost.toFixed(1)} vs ${r1000.cold.msPerPost.toFixed(1)} ms)`,
        },
  );
  for (const r of results) list.push(...warmTargets(r));
  return list;
}

/** The commit checked out, read from .git without running git. */
export function gitInfo(projectRoot: string): { commit: string | null; branch: string | null } {
  try {
    let gitDir = join(projectRoot, '.git');
    if (statSync(gitDir).isFile())
      gitDir = resolve(
        projectRoot,
        readFileSync(gitDir, 'utf8')
          .replace(/^gitdir:\s*/, '')
          .trim(),
      );
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return { commit: head, branch: null };
    const ref = head.slice(5);
    const branch = ref.replace(/^refs\/heads\//, '');
    const loose = join(gitDir, ref);
    if (existsSync(loose)) return { commit: readFileSync(loose, 'utf8').trim(), branch };
    const packed = existsSync(join(gitDir, 'packed-refs')) ? readFileSync(join(gitDir, 'packed-refs'), 'utf8') : '';
    const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
    return { commit: line ? line.split(' ')[0]! : null, branch };
  } catch {
    return { commit: null, branch: null };
  }
}

export function machineInfo(projectRoot: string) {
  const cpuList = cpus();
  const astro = JSON.parse(readFileSync(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as {
    version: string;
  };
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? null,
    totalMemoryBytes: totalmem(),
    platform: `${process.platform} ${release()}`,
    node: process.version,
    astro: astro.version,
    memorySampling: existsSync('/proc/self/status')
      ? 'sum of VmRSS over the build process tree, every 100 ms'
      : 'unavailable (no /proc)',
    cpuTiming: gnuTime ? 'GNU time (user + system of the build and its children)' : 'unavailable',
    loadAverageAtStart: loadavg(),
  };
}
