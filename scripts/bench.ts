/**
 * `npm run bench [-- --sizes 100,1000,5000] [--format mdx|md|mixed] [--seed 1]
 * [--out bench/results/<timestamp>.json] [--skip-baseline] [--skip-warm]`: how the complete build
 * scales with the number of posts.
 *
 * For each size N it generates N posts (scripts/lib/generate-posts.ts) into a temporary content
 * root, times the content check, then builds three times, each `astro build --silent` in a child
 * process whose whole process tree is sampled for memory every 100 ms:
 * - cold: the complete site (content check, pages, social images, Pagefind) with an empty Astro
 *   cache and an empty social-image cache;
 * - baseline: bench/baseline/, a bare Astro + MDX site with one page template, on the same posts;
 * - warm: one post edited, the complete site rebuilt with the caches of the cold build.
 * It prints a table and the targets (PASS/MISS: figures to read, not assertions), and
 * writes everything, with the machine it ran on, to a JSON file. A failed build prints the end of
 * its output and exits 1. Temporary folders (and the Astro cache the build keys to the temporary
 * content root) are removed at the end, on failure and on Ctrl-C too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { checkContent, formatProblems } from '../src/check/index.ts';
import { buildPaths, shellEnv, withBuildEnv } from '../src/build-env.ts';
import { generatePosts, type GeneratedPost, type PostFormat } from './lib/generate-posts.ts';
import { corpusFormulas, costPerFormula, mathRenderers } from './lib/math-corpus.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const baselineRoot = join(projectRoot, 'bench/baseline');
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
/** GNU time, when installed: exact CPU seconds of the build and its largest single process. */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const usage = `Usage: npm run bench -- [options]

Generates N synthetic posts per size and measures the complete build (cold), a bare Astro + MDX
baseline on the same posts, and a rebuild after editing one post (warm).

Options:
  --sizes 100,1000,5000   post counts to measure (default 100,1000,5000)
  --format mdx|md|mixed   file kind of the generated posts (default mdx)
  --seed <n>              seed of the generated content (default 1)
  --out <file>            where to write the JSON (default bench/results/<timestamp>.json)
  --skip-baseline         do not build the baseline
  --skip-warm             do not measure the warm rebuild
  -h, --help              show this help`;

/** What one `astro build` cost. `peakRss` is the sum over the process tree, in bytes. */
interface BuildRun {
  ms: number;
  peakRss: number | null;
  /** User + system CPU seconds of the build and its children (GNU time only). */
  cpuSeconds: number | null;
  /** Peak resident memory of the largest single process, in bytes (GNU time only). */
  maxProcessRss: number | null;
  loadBefore: number;
}

interface SizeResult {
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
  warm?: BuildRun & { editedPost: string; editVisible: boolean; ratio: number };
}

interface Target {
  label: string;
  status: 'PASS' | 'MISS' | 'n/a';
  figure: string;
}

// --- command line ---------------------------------------------------------------------------

function fail(message: string, code = 2): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(code);
}

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '100,1000,5000' },
        format: { type: 'string', default: 'mdx' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        'skip-baseline': { type: 'boolean', default: false },
        'skip-warm': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const sizes = args.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes must be whole numbers ≥ 1, e.g. 100,1000 (got "${args.sizes}")`);
if (!['mdx', 'md', 'mixed'].includes(args.format)) fail(`--format must be mdx, md or mixed (got "${args.format}")`);
const format = args.format as PostFormat;
const seed = Number(args.seed);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number (got "${args.seed}")`);
const startedAt = new Date();
const outFile = resolve(args.out ?? join(projectRoot, 'bench/results', `${startedAt.toISOString().slice(0, 19).replaceAll(':', '-')}Z.json`));

// --- cleaning up, also on failure and Ctrl-C ------------------------------------------------

const cleanups: Array<() => void> = [];
let running: ChildProcess | undefined;

function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch (error) {
      console.error(`could not clean up: ${(error as Error).message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running?.pid) {
      try {
        process.kill(running.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    cleanUp();
    process.exit(130);
  });
}

/** A fresh temporary folder, removed by cleanUp(). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// --- measuring a build ----------------------------------------------------------------------

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${tree[i]}/task`);
    } catch {
      continue; // exited since
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8').trim();
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

class BuildError extends Error {}

/** Runs `astro build --silent` in `cwd`, sampling the tree's memory every 100 ms. */
async function runBuild(label: string, cwd: string, env: NodeJS.ProcessEnv, scratch: string): Promise<BuildRun> {
  const timeFile = join(scratch, `time-${label}.txt`);
  const command = [process.execPath, astroBin, 'build', '--silent'];
  const argv = gnuTime ? [gnuTime, '-f', '%U %S %M', '-o', timeFile, ...command] : command;
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd,
    env: { ...shellEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
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
    const total = processTree(child.pid).reduce((sum, pid) => sum + rssOf(pid), 0);
    peakRss = Math.max(peakRss, total);
  };
  const sampler = procfs ? setInterval(sample, 100) : undefined;
  const code = await new Promise<number | null>((done, reject) => {
    child.on('error', reject);
    child.on('close', (status) => done(status));
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  running = undefined;
  if (code !== 0) {
    const tail = output.trimEnd().split('\n').slice(-60).join('\n') || '(it printed nothing: killed, or out of memory?)';
    throw new BuildError(`${label} build failed (exit code ${code}) in ${cwd}. Last lines of its output:\n\n${tail}`);
  }
  let cpuSeconds: number | null = null;
  let maxProcessRss: number | null = null;
  if (gnuTime && existsSync(timeFile)) {
    const [user, system, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    cpuSeconds = (user ?? 0) + (system ?? 0);
    maxProcessRss = (maxKb ?? 0) * 1024;
  }
  return { ms, peakRss: procfs ? peakRss : null, cpuSeconds, maxProcessRss, loadBefore };
}

// --- measuring the output -------------------------------------------------------------------

/** Every file under `dir` with its size, as paths relative to `dir`. */
function filesIn(dir: string): Array<{ path: string; bytes: number }> {
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

function measureDist(outDir: string) {
  const files = filesIn(outDir);
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

// --- one size -------------------------------------------------------------------------------

async function measureSize(posts: number): Promise<SizeResult> {
  const scratch = tempDir(`bench-${posts}-`);
  const root = join(scratch, 'content');
  // The build keys its Astro cache to the content root (src/build-env.ts): a fresh root
  // means an empty cache, which lives under node_modules/.astro/ and is removed at the end.
  const { cacheDir } = buildPaths({ CONTENT_ROOT: root }, projectRoot);
  rmSync(cacheDir, { recursive: true, force: true });
  cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));

  log(`N=${posts}: generating ${format} posts (seed ${seed})`);
  const generated: GeneratedPost[] = generatePosts(root, posts, { seed, format });
  const totalBytes = generated.reduce((sum, p) => sum + p.bytes, 0);

  const checkStarted = performance.now();
  const { problems } = checkContent(root, (path) => relative(process.cwd(), join(root, path)));
  const check = { ms: performance.now() - checkStarted, problems: problems.length };
  if (problems.length > 0) {
    throw new BuildError(`the generated content has ${problems.length} problem(s), a bug in scripts/lib/generate-posts.ts:\n${formatProblems(problems.slice(0, 30))}`);
  }

  const outDir = join(scratch, 'dist');
  // The site builds as `npm run build` does (src/build-env.ts); the baseline as bare Astro.
  const siteEnv = withBuildEnv({ CONTENT_ROOT: root, OUT_DIR: outDir, SOCIAL_IMAGE_CACHE: join(scratch, 'social-images') });
  log(`N=${posts}: cold build of the complete site`);
  const coldRun = await runBuild('cold', projectRoot, siteEnv, scratch);
  const dist = measureDist(outDir);
  if (dist.articles !== posts) log(`  warning: ${dist.articles} article pages for ${posts} posts`);
  const result: SizeResult = {
    posts,
    format,
    generatedBytes: { total: totalBytes, average: totalBytes / posts },
    check,
    cold: { ...coldRun, msPerPost: coldRun.ms / posts, pagesPerSecond: dist.pages / (coldRun.ms / 1000), ...dist },
  };

  if (!args['skip-baseline']) {
    log(`N=${posts}: baseline build (bench/baseline)`);
    const baselineOut = join(scratch, 'baseline-dist');
    const run = await runBuild('baseline', baselineRoot, { CONTENT_ROOT: root, OUT_DIR: baselineOut, CACHE_DIR: join(scratch, 'baseline-cache') }, scratch);
    result.baseline = {
      ...run,
      pages: filesIn(baselineOut).filter((f) => f.path.endsWith('.html')).length,
      ratio: coldRun.ms / run.ms,
      memoryRatio: coldRun.peakRss && run.peakRss ? coldRun.peakRss / run.peakRss : null,
    };
  }

  if (!args['skip-warm']) {
    const edited = generated[Math.floor(posts / 2)]!;
    const marker = `Benchmark edit ${startedAt.getTime()}`;
    appendFileSync(join(root, edited.path), `\n${marker}: a paragraph added to measure a rebuild after one change.\n`);
    log(`N=${posts}: warm rebuild after editing ${edited.path}`);
    const run = await runBuild('warm', projectRoot, siteEnv, scratch);
    const page = join(outDir, 'posts', edited.slug, 'index.html');
    result.warm = {
      ...run,
      editedPost: edited.path,
      editVisible: existsSync(page) && readFileSync(page, 'utf8').includes(marker),
      ratio: run.ms / coldRun.ms,
    };
  }
  return result;
}

// --- report ---------------------------------------------------------------------------------

function log(message: string) {
  console.log(`[bench] ${message}`);
}

const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const mb = (bytes: number | null | undefined) => (bytes == null ? '–' : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (ratio: number | null | undefined) => (ratio == null ? '–' : `${ratio.toFixed(2)}×`);

function table(results: SizeResult[]): string {
  const rows: Array<[string, (r: SizeResult) => string]> = [
    ['generated posts, average size', (r) => kb(r.generatedBytes.average)],
    ['content check', (r) => seconds(r.check.ms)],
    ['COLD BUILD (complete site)', (r) => seconds(r.cold.ms)],
    ['  per post', (r) => `${r.cold.msPerPost.toFixed(1)} ms`],
    ['  CPU (user + system)', (r) => (r.cold.cpuSeconds == null ? '–' : `${r.cold.cpuSeconds.toFixed(1)} s`)],
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
    ['WARM REBUILD (one post edited)', (r) => (r.warm ? seconds(r.warm.ms) : 'skipped')],
    ['  warm / cold', (r) => times(r.warm?.ratio)],
    ['  peak RSS, process tree', (r) => mb(r.warm?.peakRss)],
    ['  edit visible in the page', (r) => (r.warm ? (r.warm.editVisible ? 'yes' : 'NO') : '–')],
  ];
  const header = ['', ...results.map((r) => `N = ${r.posts}`)];
  const cells = [header, ...rows.map(([label, cell]) => [label, ...results.map(cell)])];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')).join('\n');
}

/** The targets, evaluated where this run has the figures. */
function targets(results: SizeResult[]): Target[] {
  const at = (n: number) => results.find((r) => r.posts === n);
  const limit = 1.5 * 2 ** 30; // 1536 MB, in the MB (2^20 bytes) the table uses
  const list: Target[] = [];
  const r1000 = at(1000);
  const r5000 = at(5000);
  const missing = (n: number) => `not measured (add ${n} to --sizes)`;
  list.push(
    !r1000
      ? { label: '1,000 posts: complete build ≤ 1.5× baseline time', status: 'n/a', figure: missing(1000) }
      : !r1000.baseline
        ? { label: '1,000 posts: complete build ≤ 1.5× baseline time', status: 'n/a', figure: 'baseline skipped' }
        : { label: '1,000 posts: complete build ≤ 1.5× baseline time', status: r1000.baseline.ratio <= 1.5 ? 'PASS' : 'MISS', figure: `${times(r1000.baseline.ratio)} (${seconds(r1000.cold.ms)} vs ${seconds(r1000.baseline.ms)})` },
  );
  list.push(
    !r1000 || r1000.cold.peakRss == null
      ? { label: '1,000 posts: peak memory < 1.5 GB (1536 MB)', status: 'n/a', figure: r1000 ? 'no /proc to sample' : missing(1000) }
      : { label: '1,000 posts: peak memory < 1.5 GB (1536 MB)', status: r1000.cold.peakRss < limit ? 'PASS' : 'MISS', figure: mb(r1000.cold.peakRss) },
  );
  // The build never raises V8's heap limit itself, so a 5,000-post build that finished used the
  // default heap, unless the caller raised it for the whole run.
  const heapFlag = /--max-old-space-size|--max-semi-space-size/.exec(process.env['NODE_OPTIONS'] ?? '');
  list.push(
    !r5000
      ? { label: '5,000 posts build with the default heap', status: 'n/a', figure: missing(5000) }
      : heapFlag
        ? { label: '5,000 posts build with the default heap', status: 'n/a', figure: `NODE_OPTIONS sets ${heapFlag[0]}` }
        : { label: '5,000 posts build with the default heap', status: 'PASS', figure: `built, ${r5000.cold.pages} pages, peak ${mb(r5000.cold.peakRss)}` },
  );
  list.push(
    !r1000 || !r5000
      ? { label: 'time per post at 5,000 ≤ 1.2× that at 1,000', status: 'n/a', figure: missing(r1000 ? 5000 : 1000) }
      : {
          label: 'time per post at 5,000 ≤ 1.2× that at 1,000',
          status: r5000.cold.msPerPost <= 1.2 * r1000.cold.msPerPost ? 'PASS' : 'MISS',
          figure: `${times(r5000.cold.msPerPost / r1000.cold.msPerPost)} (${r5000.cold.msPerPost.toFixed(1)} vs ${r1000.cold.msPerPost.toFixed(1)} ms)`,
        },
  );
  for (const r of results) {
    if (!r.warm) continue;
    list.push({ label: `${r.posts} posts: warm rebuild ≤ 0.5× cold`, status: r.warm.ratio <= 0.5 ? 'PASS' : 'MISS', figure: `${times(r.warm.ratio)} (${seconds(r.warm.ms)} vs ${seconds(r.cold.ms)})` });
  }
  return list;
}

/** The commit checked out, read from .git without running git. */
function gitInfo(): { commit: string | null; branch: string | null } {
  try {
    let gitDir = join(projectRoot, '.git');
    if (statSync(gitDir).isFile()) {
      gitDir = resolve(projectRoot, readFileSync(gitDir, 'utf8').replace(/^gitdir:\s*/, '').trim());
    }
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

function machineInfo() {
  const cpuList = cpus();
  const astro = JSON.parse(readFileSync(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as { version: string };
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? null,
    totalMemoryBytes: totalmem(),
    platform: `${process.platform} ${release()}`,
    node: process.version,
    astro: astro.version,
    memorySampling: existsSync('/proc/self/status') ? 'sum of VmRSS over the build process tree, every 100 ms' : 'unavailable (no /proc)',
    cpuTiming: gnuTime ? 'GNU time (user + system of the build and its children)' : 'unavailable',
    loadAverageAtStart: loadavg(),
  };
}

// --- main -----------------------------------------------------------------------------------

const results: SizeResult[] = [];
let exitCode = 0;
try {
  for (const posts of sizes) {
    results.push(await measureSize(posts));
    cleanUp(); // a size's posts, dist/ and caches go before the next, larger one is generated
  }
} catch (error) {
  console.error(`\n✗ ${error instanceof BuildError ? error.message : (error as Error).stack}`);
  exitCode = 1;
} finally {
  cleanUp();
}

/**
 * What typesetting one formula costs, on the fixture corpus of real formulas: KaTeX's MathML, as
 * the site had it, and the site's renderer now (src/markdown/math/).
 */
function mathCost() {
  const formulas = corpusFormulas().filter(({ tex }) => !/\\(label|eqref|ref)\b/.test(tex)); // KaTeX reads neither
  return { formulas: formulas.length, before: costPerFormula(mathRenderers.before, formulas), now: costPerFormula(mathRenderers.now, formulas) };
}

if (exitCode === 0) {
  const machine = machineInfo();
  const evaluated = targets(results);
  const math = mathCost();
  console.log(`\n${table(results)}\n`);
  console.log(`Math, per formula (${math.formulas} formulas of the fixture corpus): KaTeX MathML before ${math.before.microseconds.toFixed(0)} µs, ${math.before.bytes.toFixed(0)} bytes; Temml now ${math.now.microseconds.toFixed(0)} µs, ${math.now.bytes.toFixed(0)} bytes\n`);
  console.log('Targets from the issue (figures to read, not assertions):');
  const width = Math.max(...evaluated.map((t) => t.label.length));
  for (const t of evaluated) console.log(`  ${t.status.padEnd(4)}  ${t.label.padEnd(width)}  ${t.figure}`);
  console.log(`\n${machine.cpus} CPUs (${machine.cpuModel}), ${mb(machine.totalMemoryBytes)} memory, Node ${machine.node}, Astro ${machine.astro}`);
  mkdirSync(dirname(outFile), { recursive: true });
  const report = { startedAt: startedAt.toISOString(), options: { sizes, format, seed, skipBaseline: args['skip-baseline'], skipWarm: args['skip-warm'] }, machine, git: gitInfo(), results, targets: evaluated, math };
  // Milliseconds to 0.001 and ratios to 3 decimals are more than these figures can tell apart.
  const rounded = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value);
  writeFileSync(outFile, `${JSON.stringify(report, rounded, 2)}\n`);
  console.log(`Results written to ${relative(process.cwd(), outFile)}`);
}
process.exit(exitCode);
