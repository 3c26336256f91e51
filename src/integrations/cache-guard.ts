/**
 * Checks Astro's own caches before a build reads them, and vouches for them once it is done
 * (../build-cache/ledger.ts). Astro trusts what it finds in its cacheDir: an image cache entry is
 * copied into dist/ unread (an empty or truncated file became an article's figure), a content
 * store of the wrong shape crashes every build, and one parsed by an older schema is kept because
 * only the text of content.config.ts is compared, not the schemas it imports. So:
 *
 * - `astro:config:done`, before the content sync: every file of the areas below that the last
 *   finished build did not leave with exactly these bytes, and every file of an area made from
 *   other inputs, is removed; Astro makes it again.
 * - `astro:build:done`, after every other integration but the content guard: the ledger records
 *   what this build left.
 *
 * The areas: the content store (data-store.json, made from the schemas), the image cache
 * (assets/, each entry removed on its own, with its .json sidecar), and the incremental build's
 * pages (incremental-build.json and dist/, removed together: the manifest and its copies only
 * make sense as one). Only `astro build` runs it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  checkArea,
  filesIn,
  readLedger,
  recordArea,
  removeFiles,
  writeLedger,
  type LedgerArea,
} from '../build-cache/ledger.ts';

const LEDGER = 'cache-ledger.json';

interface Area {
  name: string;
  /** What `inputs` hashes, for the log. */
  inputsLabel?: string;
  paths: readonly string[];
  /** Whether one bad file condemns the whole area (true) or only itself and its sidecar. */
  whole: boolean;
  /** What else the area is made from. */
  inputs?: () => string;
}

/** A hash of the files (a folder stands for every file under it), relative to `root`. */
export function filesHash(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((path) => filesIn(root, path)))
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

export interface CacheGuardOptions {
  /** The project root, to find what the content store is made from. */
  root: string;
  /** Files and folders, relative to `root`, that decide how entries are parsed into the store. */
  contentStoreInputs: readonly string[];
}

export function cacheGuard({ root, contentStoreInputs }: CacheGuardOptions): AstroIntegration {
  const areas: Area[] = [
    {
      name: 'content store',
      paths: ['data-store.json'],
      whole: true,
      inputs: () => filesHash(root, contentStoreInputs),
      inputsLabel: contentStoreInputs.join(', '),
    },
    { name: 'image cache', paths: ['assets'], whole: false },
    { name: 'incremental build', paths: ['incremental-build.json', 'dist'], whole: true },
  ];
  let building = false;
  let cacheDir: string | undefined;
  const inputs = new Map<string, string | undefined>();

  return {
    name: 'cache-guard',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        if (!building) return;
        cacheDir = fileURLToPath(config.cacheDir);
        const ledger = readLedger(join(cacheDir, LEDGER));
        for (const area of areas) {
          const current = area.inputs?.();
          inputs.set(area.name, current);
          const { unverified, staleInputs } = checkArea(cacheDir, area.paths, ledger.areas[area.name], current);
          if (unverified.length === 0) continue;
          const removed = area.whole
            ? area.paths.flatMap((path) => filesIn(cacheDir!, path))
            : [
                ...new Set(
                  unverified.flatMap((file) => [file, file.endsWith('.json') ? file.slice(0, -5) : `${file}.json`]),
                ),
              ];
          removeFiles(cacheDir, removed);
          const listed = `${unverified.slice(0, 3).join(', ')}${unverified.length > 3 ? ', …' : ''}`;
          const message = staleInputs
            ? `${area.name}: removed from the cache, as it was made from other versions of ${area.inputsLabel ?? 'its inputs'}; this build makes it again`
            : area.whole
              ? `${area.name}: removed from the cache, as ${unverified.length} of its file(s) are not what the last finished build left (${listed}); this build makes it again`
              : `${area.name}: removed ${unverified.length} entr${unverified.length === 1 ? 'y' : 'ies'} that the last finished build did not leave so (${listed}); this build makes ${unverified.length === 1 ? 'it' : 'them'} again`;
          // Other inputs (a schema or a dependency changed) are the normal course of work; files
          // that differ from the ledger are a fault worth a warning.
          if (staleInputs) logger.info(message);
          else logger.warn(message);
        }
      },
      'astro:build:done': () => {
        if (!cacheDir) return;
        const recorded: Record<string, LedgerArea> = {};
        for (const area of areas) recorded[area.name] = recordArea(cacheDir, area.paths, inputs.get(area.name));
        writeLedger(join(cacheDir, LEDGER), { areas: recorded });
      },
    },
  };
}
