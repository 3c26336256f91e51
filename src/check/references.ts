/**
 * What ties files together: every file name must make a URL and be unique within its
 * collection, and every id a file refers to (a post's author and course, a course's publisher)
 * must be the name of a file.
 */
import { collectionFolders, type CollectionName } from '../lib/content-files.ts';
import { slugify } from '../schemas/slug.ts';
import { didYouMean } from '../schemas/suggest.ts';
import { ID_PATTERN } from '../schemas/fields.ts';
import type { ParsedFile } from './frontmatter.ts';
import type { Problem } from './problems.ts';

/** The fields that name a file of another collection: [from, field, to]. */
const REFERENCES: ReadonlyArray<[CollectionName, string, CollectionName]> = [
  ['posts', 'author', 'authors'],
  ['posts', 'course', 'courses'],
  ['courses', 'publisher', 'publishers'],
];

/** Every id of a collection, once each, sorted. */
export function idsOf(files: readonly ParsedFile[]): string[] {
  return [...new Set(files.map((f) => f.id))].sort();
}

/** File names that cannot be URLs, and ids two files of one collection share. */
export function fileNameProblems(
  files: Readonly<Record<CollectionName, readonly ParsedFile[]>>,
  display: (path: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const collection of Object.keys(files) as CollectionName[]) {
    const byId = new Map<string, ParsedFile[]>();
    for (const file of files[collection]) {
      if (!ID_PATTERN.test(file.id)) {
        problems.push({
          file: display(file.path),
          line: 1,
          column: 1,
          field: 'file name',
          message: `"${file.id}" cannot be used in a URL (rename the file to lower-case words joined by hyphens, e.g. "${slugify(file.id)}")`,
        });
      }
      byId.set(file.id, [...(byId.get(file.id) ?? []), file]);
    }
    for (const [id, same] of byId) {
      if (same.length < 2) continue;
      for (const file of same) {
        const others = same.filter((f) => f !== file).map((f) => display(f.path));
        problems.push({
          file: display(file.path),
          line: 1,
          column: 1,
          field: 'file name',
          message: `two ${collection} have the id "${id}" (also ${others.join(', ')}); rename one of them`,
        });
      }
    }
  }
  return problems;
}

/** Ids that name no file: a post's author or course, a course's publisher. */
export function danglingIds(
  files: Readonly<Record<CollectionName, readonly ParsedFile[]>>,
  display: (path: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [from, field, to] of REFERENCES) {
    const valid = idsOf(files[to]);
    for (const file of files[from]) {
      const value = file.data?.[field];
      if (typeof value !== 'string' || valid.includes(value)) continue;
      problems.push({
        file: display(file.path),
        ...file.locate([field]),
        field,
        message: `"${value}" is not a file in content/${collectionFolders[to].folder}/ (${didYouMean(value, valid)})`,
      });
    }
  }
  return problems;
}
