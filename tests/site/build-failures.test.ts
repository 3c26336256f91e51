// A build of bad content fails with every problem listed, and leaves no dist/ behind.
import { mkdirSync, mkdtempSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { buildDir, buildSite, fixtures } from '../helpers/build.ts';

/** A stale site in the output folder, as a previous good build would leave it. */
function staleSite(name: string): void {
  mkdirSync(buildDir(name), { recursive: true });
  writeFileSync(join(buildDir(name), 'index.html'), '<p>stale</p>');
}

describe('a build of invalid content', () => {
  test('fails, naming every problem with file and line, and removes the output folder', () => {
    staleSite('invalid');
    const { status, output, outDir } = buildSite('invalid', fixtures.invalid);
    expect(status).not.toBe(0);
    // The build reports exactly what `npm run check:content` does (its report is asserted line by
    // line in tests/unit/check/content.test.ts).
    expect(output).toContain(`Content check failed with ${checkContent(fixtures.invalid).problems.length} problem(s)`);
    expect(output).toContain(
      'tests/fixtures/invalid/posts/many-problems.mdx:6:9  author  "ada-lovelce" is not a file in content/authors/ (did you mean "ada-lovelace"?)',
    );
    expect(output).toContain(
      'tests/fixtures/invalid/posts/same-slug.mdx:1:1  file name  two posts have the id "same-slug"',
    );
    expect(output).toContain('tests/fixtures/invalid/courses/unsafe-course.yaml:6:11  enrolUrl');
    expect(output).toMatch(
      /tests\/fixtures\/invalid\/posts\/body-problems\.mdx:\d+:\d+ {2}component {2}<Calout> is not a component/,
    );
    expect(existsSync(outDir)).toBe(false);
  });

  test('that passes the check but fails to compile also leaves no output folder', () => {
    // The check leaves imports to the author (MDX is trusted code); a missing module fails in Vite.
    const root = mkdtempSync(join(tmpdir(), 'broken-mdx-'));
    cpSync(fixtures.site, root, { recursive: true });
    writeFileSync(
      join(root, 'posts/fixture-post-01.mdx'),
      `${'---\ntitle: "Broken"\ndescription: "A post whose body is not valid MDX at all."\ndate: "2025-01-01"\nauthor: ada-lovelace\ncourse: course-one\ntopics: ["x"]\n---\n'}\nimport Missing from './missing-component.astro';\n\n<Missing />\n`,
    );
    expect(checkContent(root).problems).toEqual([]);
    staleSite('broken-mdx');
    const { status, outDir } = buildSite('broken-mdx', root);
    expect(status).not.toBe(0);
    expect(existsSync(outDir)).toBe(false);
  });
});
