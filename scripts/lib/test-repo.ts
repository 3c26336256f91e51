/**
 * Sveltia CMS's `test-repo` backend keeps its files in the browser's origin private file system,
 * under sveltia-cms-test/. The editor's browser tests and screenshots put a content folder there
 * and read back what the editor saved, through the page (OPFS has no other door).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';

/** The folder the test backend works in, at the top of the private file system. */
const TOP = 'sveltia-cms-test';

/** Every file under `dir`, keyed by its path under `prefix` ("content/posts/a.mdx"), as base64. */
export function filesOf(dir: string, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[`${prefix}/${relative(dir, path).split(sep).join('/')}`] = readFileSync(path).toString('base64');
  }
  return files;
}

/** Replaces the test repository of the page's origin with `files` (path → base64). */
export async function seedTestRepo(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ({ top, files }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(top, { recursive: true }).catch(() => undefined);
      const base = await root.getDirectoryHandle(top, { create: true });
      for (const [path, data] of Object.entries(files)) {
        const parts = path.split('/');
        let dir = base;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { top: TOP, files },
  );
}

/** The text of one file of the test repository ("content/posts/a.mdx"), or undefined. */
export async function readTestRepoFile(page: Page, path: string): Promise<string | undefined> {
  return page.evaluate(
    async ({ top, path }) => {
      try {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(top);
        const parts = path.split('/');
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
      } catch {
        return undefined;
      }
    },
    { top: TOP, path },
  );
}

/** The paths of every file in the test repository, sorted. */
export async function listTestRepo(page: Page): Promise<string[]> {
  return page.evaluate(async (top) => {
    const paths: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (
        dir as unknown as { entries: () => AsyncIterable<[string, FileSystemHandle]> }
      ).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else paths.push(`${prefix}${name}`);
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(top), '');
    return paths.sort();
  }, TOP);
}
