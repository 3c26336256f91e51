/**
 * The whole site as the last finished build left it, for a build where nothing changed.
 *
 * After `npm run build` succeeds, scripts/build.ts links (or copies) dist/ into
 * `<cacheDir>/site/` and records, in `<cacheDir>/site.json`, a hash of every input of the build
 * and the sha256 of every file. The next `npm run build` hashes the inputs again; if they are the
 * same, the snapshot is still in date and every one of its files has the bytes recorded, dist/ is
 * made from it without starting Astro. Anything else (an input changed, a file of the snapshot
 * differs, the manifest is missing or broken) is an ordinary build.
 *
 * The inputs: the content root, src/, public/, the Astro config, the package files and the
 * installed tree npm records (node_modules/.package-lock.json), tsconfig.json, the build script,
 * the environment variables the build reads, and Node's version. Time is an input too: the footer
 * prints the year, and a post dated in the future appears on its day, so a snapshot is in date
 * only within its year and before the day of the first post it held back
 * (`<cacheDir>/schedule.json`, written by the content guard).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sync as writeFileAtomicSync } from 'write-file-atomic';
import { filesIn } from './ledger.ts';

const VERSION = 1;
const SNAPSHOT = 'site';
const MANIFEST = 'site.json';
const SCHEDULE = 'schedule.json';

/** Files and folders of the project, relative to its root, that a build reads. */
export const PROJECT_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'scripts/build.ts',
] as const;

/** Environment variables that change what a build writes (src/build-env.ts, src/site.config.ts, src/admin/settings.ts). */
const ENV_INPUT = /^(SITE_URL|BASE_PATH|CONTENT_ROOT|NODE_ENV|TZ|PUBLIC_.*|ASTRO_.*|CMS_.*|GITHUB_REPOSITORY)$/;

interface Manifest {
  version: number;
  inputs: string;
  /** The UTC year the footer printed. */
  year: number;
  /** The first day (in the site's time zone) a post this build held back appears, if any. */
  nextScheduled: string | null;
  files: Record<string, string>;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A hash of everything a build reads: the project's input files, the content, the environment and Node. */
export function inputsHash(projectRoot: string, contentRoot: string, env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256').update(`${VERSION}\0${process.version}\0`);
  for (const [root, paths] of [
    [projectRoot, PROJECT_INPUTS],
    [contentRoot, ['.']],
  ] as const) {
    hash.update(`${paths === PROJECT_INPUTS ? 'project' : 'content'}\0`);
    for (const file of paths.flatMap((path) => filesIn(root, path)))
      hash
        .update(`${file}\0`)
        .update(readFileSync(join(root, file)))
        .update('\0');
  }
  for (const key of Object.keys(env)
    .filter((name) => ENV_INPUT.test(name))
    .sort())
    hash.update(`${key}=${env[key]}\0`);
  return hash.digest('hex');
}

/** Written by the content guard: the first day a held-back post appears, so a snapshot knows when it expires. */
export function writeSchedule(cacheDir: string, nextScheduled: string | null): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileAtomicSync(join(cacheDir, SCHEDULE), JSON.stringify({ nextScheduled }));
}

function readSchedule(cacheDir: string): string | null | undefined {
  try {
    const { nextScheduled } = JSON.parse(readFileSync(join(cacheDir, SCHEDULE), 'utf8')) as { nextScheduled?: unknown };
    return typeof nextScheduled === 'string' || nextScheduled === null ? nextScheduled : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the schedule of the last build, before a new one writes its own. */
export function clearSchedule(cacheDir: string): void {
  rmSync(join(cacheDir, SCHEDULE), { force: true });
}

function readManifest(cacheDir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (manifest.version !== VERSION || typeof manifest.inputs !== 'string' || typeof manifest.year !== 'number')
      return undefined;
    if (!manifest.files || typeof manifest.files !== 'object') return undefined;
    return manifest as Manifest;
  } catch {
    return undefined;
  }
}

/** A hard link where the file system allows one (no bytes copied), a copy otherwise. */
function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Why the snapshot cannot stand in for a build, or undefined when it can. */
export function snapshotProblem(
  cacheDir: string,
  inputs: string,
  today: string,
  now: Date = new Date(),
): string | undefined {
  const manifest = readManifest(cacheDir);
  if (!manifest) return 'no snapshot of a finished build';
  if (manifest.inputs !== inputs) return 'an input changed';
  if (manifest.year !== now.getUTCFullYear()) return 'the year changed';
  if (manifest.nextScheduled !== null && today >= manifest.nextScheduled)
    return `a post scheduled for ${manifest.nextScheduled} is due`;
  const root = join(cacheDir, SNAPSHOT);
  const onDisk = filesIn(root, '.');
  const recorded = Object.keys(manifest.files);
  if (onDisk.length !== recorded.length) return 'the snapshot has other files than recorded';
  const bad = onDisk.find((file) => manifest.files[file] !== sha256(join(root, file)));
  return bad ? `the snapshot's ${bad} is not what the build wrote` : undefined;
}

/** Replaces `outDir` with the snapshot; returns the number of files. Call only after {@link snapshotProblem} found none. */
export function restoreSnapshot(cacheDir: string, outDir: string): number {
  const root = join(cacheDir, SNAPSHOT);
  rmSync(outDir, { recursive: true, force: true });
  const files = filesIn(root, '.');
  for (const file of files) linkOrCopy(join(root, file), join(outDir, file));
  return files.length;
}

/**
 * Records `outDir`, just built from `inputs`, as the snapshot. The manifest is removed first and
 * written last, so a snapshot interrupted half-way is never taken for a whole one.
 */
export function saveSnapshot(cacheDir: string, outDir: string, inputs: string, now: Date = new Date()): void {
  const nextScheduled = readSchedule(cacheDir);
  rmSync(join(cacheDir, MANIFEST), { force: true });
  const root = join(cacheDir, SNAPSHOT);
  rmSync(root, { recursive: true, force: true });
  // Without the content guard's schedule there is no telling when the site changes by itself.
  if (nextScheduled === undefined || !existsSync(outDir)) return;
  const files: Record<string, string> = {};
  for (const file of filesIn(outDir, '.')) {
    linkOrCopy(join(outDir, file), join(root, file));
    files[file] = sha256(join(root, file));
  }
  const manifest: Manifest = { version: VERSION, inputs, year: now.getUTCFullYear(), nextScheduled, files };
  writeFileAtomicSync(join(cacheDir, MANIFEST), JSON.stringify(manifest));
}
