// The layering docs/architecture.md describes, held as a test: the schemas stand alone, src/
// never reaches into scripts/ or tests/, and no modules import each other in a circle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function sourceFiles(): string[] {
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => /\.(ts|astro)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(src, file));
}

/** The modules a file imports, as paths relative to the project, for imports of project files. */
function importsOf(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) text = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .flatMap((specifier) => {
      if (specifier.startsWith('~/')) return [join(src, specifier.slice(2))];
      if (specifier.startsWith('.')) return [resolve(dirname(file), specifier)];
      return [];
    })
    .map((path) => relative(root, /\.(ts|astro|mjs|js|css|json|svg|png|woff2?)$/.test(path) ? path : `${path}.ts`));
}

const graph = new Map(sourceFiles().map((file) => [relative(root, file), importsOf(file)]));

describe('layering', () => {
  test('the import graph was read (a parser that finds nothing would pass every rule)', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(graph.get('src/lib/collections.ts')).toContain('src/lib/posts.ts');
  });

  test('src/schemas imports only its own modules and packages', () => {
    for (const [file, imports] of graph) {
      if (!file.startsWith('src/schemas/')) continue;
      for (const target of imports) expect(target, file).toMatch(/^src\/schemas\//);
    }
  });

  test('nothing in src/ imports from scripts/ or tests/', () => {
    for (const [file, imports] of graph)
      for (const target of imports) expect(target, file).not.toMatch(/^(scripts|tests)\//);
  });

  test('no module imports itself through others', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
