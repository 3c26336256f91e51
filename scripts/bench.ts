/**
 * `npm run bench [-- --sizes 100,1000,5000] [--format mdx|md|mixed] [--seed 1]
 * [--out bench/results/<timestamp>.json] [--skip-baseline] [--skip-warm]`: how the complete build
 * scales with the number of posts, cold and warm.
 *
 * For each size N it generates N posts (scripts/lib/generate-posts.ts) into a temporary content
 * root, times the content check, then builds, each in a child process whose whole process tree is
 * sampled for memory every 100 ms (scripts/lib/bench-measure.ts):
 * - cold: `npm run build` of the complete site (content check, pages, social cards, Pagefind)
 *   with every cache empty;
 * - baseline: bench/baseline/, a bare Astro + MDX site with one page template, on the same posts;
 * - warm, nothing changed: `npm run build` again (the snapshot of the cold build stands in), and
 *   once more with SITE_SNAPSHOT=0 (Astro runs, and copies every keyed page from its cache);
 * - warm, one post edited: a paragraph appended to one post, then `npm run build`.
 * It prints a table and the targets (scripts/lib/bench-report.ts: PASS/MISS, figures to
 * read, not assertions), and writes everything, with the machine it ran on, to a JSON file. A
 * failed build prints the end of its output and exits 1. Temporary folders (and the caches the
 * build keys to the temporary content root) are removed at the end, on failure and on Ctrl-C too.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, formatProblems } from '../src/check/index.ts';
import { buildPaths, withBuildEnv } from '../src/build-env.ts';
import { BuildError, current, filesWithSizes, measureDist, runBuild } from './lib/bench-measure.ts';
import { gitInfo, machineInfo, mb, table, targets, type SizeResult } from './lib/bench-report.ts';
import { generatePosts, type GeneratedPost, type PostFormat } from './lib/generate-posts.ts';
import { corpusFormulas, costPerFormula, mathRenderers } from './lib/math-corpus.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const baselineRoot = join(projectRoot, 'bench/baseline');
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
/** The site builds as `npm run build` does; the baseline as bare Astro. */
const siteBuild = [process.execPath, join(projectRoot, 'scripts/build.ts'), '--silent'];
const baselineBuild = [process.execPath, astroBin, 'build', '--silent'];

const usage = `Usage: npm run bench -- [options]

Generates N synthetic posts per size and measures the complete build (cold), a bare Astro + MDX
baseline on the same posts, and rebuilds with the caches (warm): with nothing changed, and after
editing one post.

Options:
  --sizes 100,1000,5000   post counts to measure (default 100,1000,5000)
  --format mdx|md|mixed   file kind of the generated posts (default mdx)
  --seed <n>              seed of the generated content (default 1)
  --out <file>            where to write the JSON (default bench/results/<timestamp>.json)
  --skip-baseline         do not build the baseline
  --skip-warm             do not measure the warm rebuilds
  -h, --help              show this help`;

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
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
  fail(`--sizes must be whole numbers ≥ 1, e.g. 100,1000 (got "${args.sizes}")`);
if (!['mdx', 'md', 'mixed'].includes(args.format)) fail(`--format must be mdx, md or mixed (got "${args.format}")`);
const format = args.format as PostFormat;
const seed = Number(args.seed);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number (got "${args.seed}")`);
const startedAt = new Date();
const outFile = resolve(
  args.out ?? join(projectRoot, 'bench/results', `${startedAt.toISOString().slice(0, 19).replaceAll(':', '-')}Z.json`),
);

// --- cleaning up, also on failure and Ctrl-C ------------------------------------------------

const cleanups: Array<() => void> = [];

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
    if (current.child?.pid) {
      try {
        process.kill(current.child.pid, 'SIGKILL');
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
    throw new BuildError(
      `the generated content has ${problems.length} problem(s), a bug in scripts/lib/generate-posts.ts:\n${formatProblems(problems.slice(0, 30))}`,
    );
  }

  const outDir = join(scratch, 'dist');
  // The site builds as `npm run build` does (src/build-env.ts); the baseline as bare Astro.
  const siteEnv = withBuildEnv({
    CONTENT_ROOT: root,
    OUT_DIR: outDir,
    SOCIAL_IMAGE_CACHE: join(scratch, 'social-images'),
  });
  log(`N=${posts}: cold build of the complete site`);
  const { run: coldRun } = await runBuild('cold', siteBuild, projectRoot, siteEnv, scratch);
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
    const { run } = await runBuild(
      'baseline',
      baselineBuild,
      baselineRoot,
      { CONTENT_ROOT: root, OUT_DIR: baselineOut, CACHE_DIR: join(scratch, 'baseline-cache') },
      scratch,
    );
    result.baseline = {
      ...run,
      pages: filesWithSizes(baselineOut).filter((f) => f.path.endsWith('.html')).length,
      ratio: coldRun.ms / run.ms,
      memoryRatio: coldRun.peakRss && run.peakRss ? coldRun.peakRss / run.peakRss : null,
    };
  }

  if (!args['skip-warm']) {
    log(`N=${posts}: warm rebuild with nothing changed`);
    const unchanged = await runBuild('unchanged', siteBuild, projectRoot, siteEnv, scratch);
    result.unchanged = { ...unchanged.run, fromSnapshot: unchanged.output.includes('nothing has changed') };
    log(`N=${posts}: warm rebuild with nothing changed, through Astro (SITE_SNAPSHOT=0)`);
    const astro = await runBuild(
      'unchanged-astro',
      siteBuild,
      projectRoot,
      { ...siteEnv, SITE_SNAPSHOT: '0' },
      scratch,
    );
    result.unchangedAstro = astro.run;

    const edited = generated[Math.floor(posts / 2)]!;
    const marker = `Benchmark edit ${startedAt.getTime()}`;
    appendFileSync(join(root, edited.path), `\n${marker}: a paragraph added to measure a rebuild after one change.\n`);
    log(`N=${posts}: warm rebuild after editing ${edited.path}`);
    const { run } = await runBuild('edit', siteBuild, projectRoot, siteEnv, scratch);
    const page = join(outDir, 'posts', edited.slug, 'index.html');
    result.edit = {
      ...run,
      editedPost: edited.path,
      editVisible: existsSync(page) && readFileSync(page, 'utf8').includes(marker),
      ratio: run.ms / coldRun.ms,
    };
  }
  return result;
}

function log(message: string) {
  console.log(`[bench] ${message}`);
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
  return {
    formulas: formulas.length,
    before: costPerFormula(mathRenderers.before, formulas),
    now: costPerFormula(mathRenderers.now, formulas),
  };
}

if (exitCode === 0) {
  const machine = machineInfo(projectRoot);
  const evaluated = targets(results);
  const math = mathCost();
  console.log(`\n${table(results)}\n`);
  console.log(
    `Math, per formula (${math.formulas} formulas of the fixture corpus): KaTeX MathML before ${math.before.microseconds.toFixed(0)} µs, ${math.before.bytes.toFixed(0)} bytes; Temml now ${math.now.microseconds.toFixed(0)} µs, ${math.now.bytes.toFixed(0)} bytes\n`,
  );
  console.log('Targets from the issue (figures to read, not assertions):');
  const width = Math.max(...evaluated.map((t) => t.label.length));
  for (const t of evaluated) console.log(`  ${t.status.padEnd(4)}  ${t.label.padEnd(width)}  ${t.figure}`);
  console.log(
    `\n${machine.cpus} CPUs (${machine.cpuModel}), ${mb(machine.totalMemoryBytes)} memory, Node ${machine.node}, Astro ${machine.astro}`,
  );
  mkdirSync(dirname(outFile), { recursive: true });
  const report = {
    startedAt: startedAt.toISOString(),
    options: { sizes, format, seed, skipBaseline: args['skip-baseline'], skipWarm: args['skip-warm'] },
    machine,
    git: gitInfo(projectRoot),
    results,
    targets: evaluated,
    math,
  };
  // Milliseconds to 0.001 and ratios to 3 decimals are more than these figures can tell apart.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value;
  writeFileSync(outFile, `${JSON.stringify(report, rounded, 2)}\n`);
  console.log(`Results written to ${relative(process.cwd(), outFile)}`);
}
process.exit(exitCode);
