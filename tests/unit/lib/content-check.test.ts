import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, formatProblems, splitFrontmatter } from '../../../src/lib/content-check.ts';
import { fixtures } from '../../helpers/build.ts';

describe('checkContent', () => {
  test('passes the launch content and the fixture site', () => {
    expect(formatProblems(checkContent(fixtures.real).problems)).toBe('');
    expect(formatProblems(checkContent(fixtures.site).problems)).toBe('');
  });

  test('ignores files starting with an underscore and reads sub-folders', () => {
    expect(checkContent(fixtures.site).counts.posts).toBe(15);
  });

  test('reports every problem of every invalid file in one run, with line and column', () => {
    const report = formatProblems(checkContent(fixtures.invalid).problems).split('\n');
    expect(report).toEqual([
      'content/courses/unsafe-course.yaml:6:11  enrolUrl  enrolUrl must be an https:// address (got "javascript:alert(1)")',
      'content/courses/unsafe-course.yaml:7:12  publisher  "acme-institute" is not a file in content/publishers/ (valid values: "acme")',
      "content/posts/bad-math.md:11:1  math  invalid TeX \"\\frac{a}\": KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a} (fix the formula; write words inside \\text{\u2026})",
      'content/posts/bad-numbers.mdx:4:7  date  date must be a real calendar day written "YYYY-MM-DD" (got "2025-13-01")',
      'content/posts/bad-numbers.mdx:7:8  views  views cannot be negative (write 0 for a new post)',
      'content/posts/fractional-views.mdx:8:8  views  views must be a whole number, e.g. views: 7260',
      'content/posts/fractional-views.mdx:9:9  topics  topics is empty (add at least one topic)',
      'content/posts/many-problems.mdx:2:8  title  title is empty (write the title between the quotes)',
      'content/posts/many-problems.mdx:4:7  date  date must be in quotes (write date: "YYYY-MM-DD"; unquoted, YAML turns an impossible day such as 2025-02-30 into another date)',
      'content/posts/many-problems.mdx:5:1  auther  unknown field "auther" (did you mean "author"?)',
      'content/posts/many-problems.mdx:6:9  author  "ada-lovelce" is not a file in content/authors/ (did you mean "ada-lovelace"?)',
      'content/posts/many-problems.mdx:7:9  course  "course-1" is not a file in content/courses/ (did you mean "course-one"?)',
      'content/posts/many-problems.mdx:8:8  views  views must be a whole number without quotes or commas, e.g. views: 7260',
      'content/posts/no-frontmatter.mdx:1:1  frontmatter  no frontmatter (start the file with a line "---", the fields, then another "---")',
      'content/posts/same-slug.md:1:1  file name  two posts have the id "same-slug" (also content/posts/same-slug.mdx); rename one of them',
      'content/posts/same-slug.mdx:1:1  file name  two posts have the id "same-slug" (also content/posts/same-slug.md); rename one of them',
    ]);
  });

  describe('with content written for one test', () => {
    function root(files: Record<string, string>): string {
      const dir = mkdtempSync(join(tmpdir(), 'content-check-'));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    }

    test('reports a YAML syntax error once, where it is', () => {
      const dir = root({ 'posts/broken.mdx': '---\ntitle: "ok"\ndescription: "unterminated\n---\n' });
      const problems = checkContent(dir).problems.filter((p) => p.field === 'yaml');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'content/posts/broken.mdx', line: 3 });
    });

    test('reports posts with the same slug in different sub-folders', () => {
      const post = '---\ntitle: x\n---\n';
      const dir = root({ 'posts/2024/intro.mdx': post, 'posts/2025/intro.mdx': post });
      const duplicates = checkContent(dir).problems.filter((p) => p.field === 'file name');
      expect(duplicates.map((p) => p.file)).toEqual(['content/posts/2024/intro.mdx', 'content/posts/2025/intro.mdx']);
    });

    test('asks for a URL-safe file name', () => {
      const dir = root({ 'posts/My Post.mdx': '---\ntitle: x\n---\n' });
      expect(checkContent(dir).problems.find((p) => p.field === 'file name')?.message).toMatch(/rename the file .* "my-post"/);
    });
  });
});

describe('splitFrontmatter', () => {
  test.each([
    ['---\na: 1\n---\nbody', 'a: 1'],
    ['\uFEFF---\r\na: 1\r\n---\r\n', 'a: 1'],
    ['---\n---\n', ''],
  ])('finds the YAML in %j', (source, yaml) => {
    expect(splitFrontmatter(source)?.yaml).toBe(yaml);
  });

  test('finds none without a leading ---', () => {
    expect(splitFrontmatter('# Title\n---\na: 1\n---')).toBeUndefined();
  });
});
