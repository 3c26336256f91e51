/**
 * A ledger of cache files: the sha256 of each file a successful build left in a cache, written
 * atomically when the build is done. The next build checks the cache against it before anything
 * reads the cache: a file whose bytes differ (truncated by a killed build, garbage from a bad
 * restore) or that no finished build vouched for (written by a build that never finished) is
 * removed, so the build makes it again. A cache is an optimisation: what fails the check costs
 * time, never correctness.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sync as writeFileAtomicSync } from 'write-file-atomic';

/** Bump when the ledger's shape changes: an old ledger then vouches for nothing. */
const VERSION = 1;

/** The files of one cache area and what else it was made from, as the last finished build left them. */
export interface LedgerArea {
  /** A hash of what the area's contents were made from, beyond the files themselves (e.g. the schemas). */
  inputs?: string;
  /** sha256 (hex) by path relative to the cache folder, with "/" separators. */
  files: Record<string, string>;
}

export interface Ledger {
  version: number;
  areas: Record<string, LedgerArea>;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file under `path` (itself if it is a file), relative to `root` with "/" separators; [] if absent. */
export function filesIn(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The area as it is on disk now: the hashes of the files under `paths`. */
export function recordArea(root: string, paths: readonly string[], inputs?: string): LedgerArea {
  const files: Record<string, string> = {};
  for (const file of paths.flatMap((path) => filesIn(root, path))) files[file] = sha256(join(root, file));
  return inputs === undefined ? { files } : { inputs, files };
}

/** The ledger at `file`, or an empty one when it is missing, unreadable, of another version or malformed. */
export function readLedger(file: string): Ledger {
  try {
    const ledger = JSON.parse(readFileSync(file, 'utf8')) as Partial<Ledger>;
    if (ledger.version === VERSION && ledger.areas && typeof ledger.areas === 'object') {
      const areas = Object.entries(ledger.areas).filter(
        ([, area]) => area && typeof area === 'object' && area.files && typeof area.files === 'object',
      );
      return { version: VERSION, areas: Object.fromEntries(areas) };
    }
  } catch {
    // No ledger (a first build) or a broken one: it vouches for nothing.
  }
  return { version: VERSION, areas: {} };
}

export function writeLedger(file: string, ledger: Omit<Ledger, 'version'>): void {
  writeFileAtomicSync(file, `${JSON.stringify({ version: VERSION, areas: ledger.areas })}\n`);
}

/** What checking an area found: files on disk the ledger does not vouch for. */
export interface AreaCheck {
  /** Files whose bytes differ from the ledger's, or that it does not list. */
  unverified: string[];
  /** Whether the area was made from other inputs than `inputs` (every file counts as unverified). */
  staleInputs: boolean;
}

/** Compares the files under `paths` with what `recorded` vouches for. */
export function checkArea(
  root: string,
  paths: readonly string[],
  recorded: LedgerArea | undefined,
  inputs?: string,
): AreaCheck {
  const onDisk = paths.flatMap((path) => filesIn(root, path));
  const staleInputs = onDisk.length > 0 && (recorded?.inputs ?? undefined) !== inputs;
  if (staleInputs) return { unverified: onDisk, staleInputs };
  const unverified = onDisk.filter((file) => recorded?.files[file] !== sha256(join(root, file)));
  return { unverified, staleInputs };
}

/** Removes `files` (relative to `root`). */
export function removeFiles(root: string, files: readonly string[]): void {
  for (const file of files) rmSync(join(root, file), { force: true });
}
