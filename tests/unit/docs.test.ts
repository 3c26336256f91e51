// The editors' guide keeps up with the code: every component and prop, and every kind of problem
// the check can report, is documented in docs/editing.md.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { mdxComponents } from '../../src/components/mdx/registry.ts';
import { checkContent } from '../../src/check/index.ts';
import { fixtures } from '../helpers/build.ts';

const guide = readFileSync('docs/editing.md', 'utf8');
/** The table of check messages: its first column. */
const documentedFields = guide
  .slice(guide.indexOf('## What each check message means'))
  .split('\n')
  .filter((line) => line.startsWith('| '))
  .flatMap((line) => [...(line.split(' | ')[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]));

test.each(Object.entries(mdxComponents))('documents <%s> and each of its props', (name, spec) => {
  const section = guide.slice(guide.indexOf(`### ${name}\n`));
  expect(section.length).toBeLessThan(guide.length);
  const next = section.search(/\n##+ /);
  const body = next === -1 ? section : section.slice(0, next);
  expect(body).toContain(`<${name}`);
  for (const prop of Object.keys(spec.props)) expect(body).toContain(`| \`${prop}\` |`);
});

test('explains every kind of problem the invalid corpus produces', () => {
  const fields = new Set(checkContent(fixtures.invalid).problems.map((p) => p.field));
  const schemaFields = ['title', 'date', 'views', 'topics', 'enrolUrl'];
  const undocumented = [...fields].filter(
    (field) => !documentedFields.includes(field) && !schemaFields.includes(field) && field !== 'auther',
  );
  expect(undocumented).toEqual([]);
});

test('is linked from the README', () => {
  expect(readFileSync('README.md', 'utf8')).toContain('(docs/editing.md)');
});
