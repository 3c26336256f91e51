import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, formatProblems } from '../../../src/check/index.ts';
import { fixtures } from '../../helpers/build.ts';

describe('checkContent', () => {
  test('passes the launch content and the fixture site', () => {
    expect(formatProblems(checkContent(fixtures.real).problems)).toBe('');
    expect(formatProblems(checkContent(fixtures.site).problems)).toBe('');
  });

  test('ignores files starting with an underscore and reads sub-folders', () => {
    expect(checkContent(fixtures.site).counts.posts).toBe(15 + 8); // 8 in posts/math/
  });

  test('reports every problem of every invalid file in one run, with line and column', () => {
    const report = formatProblems(checkContent(fixtures.invalid).problems).split('\n');
    expect(report).toEqual([
      'content/courses/unsafe-course.yaml:6:11  enrolUrl  enrolUrl must be an https:// address (got "javascript:alert(1)")',
      'content/courses/unsafe-course.yaml:7:12  publisher  "acme-institute" is not a file in content/publishers/ (valid values: "acme")',
      'content/posts/bad-math.md:11:78  math  invalid TeX "\\frac{a}": Unexpected end of input in a macro argument, expected \'}\' at end of input: \\frac{a} (a { has no closing }; for a literal brace write \\{)',
      'content/posts/bad-numbers.mdx:4:7  date  date must be a real calendar day written "YYYY-MM-DD" (got "2025-13-01")',
      'content/posts/bad-numbers.mdx:7:8  views  views cannot be negative (write 0 for a new post)',
      'content/posts/body-markdown.md:11:1  heading  "### Starts too deep" is the first heading but level 3 (write "## Starts too deep": sections start at "##")',
      'content/posts/body-markdown.md:13:52  image  image "./images/loss-curve.png" has no alt text (describe it for readers who cannot see it: alt="what the image shows")',
      'content/posts/body-markdown.md:15:1  component  <Callout> only works in .mdx posts (rename the file to .mdx, or write plain Markdown)',
      'content/posts/body-markdown.md:19:1  disclaimer  "This is for educational purposes only." repeats the disclaimer that the page adds under every article (from src/site.config.ts); delete it',
      'content/posts/body-problems.mdx:11:1  heading  "# A second title" is a level-1 heading, but the title is the page\'s only one (write "## A second title")',
      'content/posts/body-problems.mdx:17:1  heading  "#### Too deep" skips a level after a level-2 heading (write "### Too deep", or add the missing level above it)',
      'content/posts/body-problems.mdx:19:9  mdx  {loss} is run as JavaScript in MDX, and an unknown name breaks the build (for literal braces write \\{ and \\}, or put it in `code` or $math$)',
      'content/posts/body-problems.mdx:19:27  link  "#too-deeep" is not a heading in this post (did you mean "#too-deep"?)',
      'content/posts/body-problems.mdx:19:87  link  "/posts/draft-targt/" matches no post in content/posts/ (did you mean "/posts/draft-target/"?)',
      'content/posts/body-problems.mdx:20:1  link  "/posts/draft-target/" links to a draft, which is not published (remove the link until that post is live)',
      'content/posts/body-problems.mdx:20:34  link  "../scheduled-target/#only-section" links to a post scheduled for 2099-01-01, which is not published (remove the link until that post is live)',
      'content/posts/body-problems.mdx:21:1  link  "/posts/scheduled-target/#onl-section" links to a post scheduled for 2099-01-01, which is not published (remove the link until that post is live)',
      'content/posts/body-problems.mdx:21:1  link  "/posts/scheduled-target/#onl-section": "#onl-section" is not a heading in that post (did you mean "#only-section"?)',
      'content/posts/body-problems.mdx:25:1  image  image "./images/loss-curve.png" has no alt text (describe it for readers who cannot see it: ![what the image shows](./images/loss-curve.png))',
      'content/posts/body-problems.mdx:25:34  image  alt text "loss-curve.png" is only the file name (describe what the image shows: ![what the image shows](./images/loss-curve.png))',
      'content/posts/body-problems.mdx:25:81  image  image "./images/loss-curv.png" does not exist (did you mean "./images/loss-curve.png"?)',
      'content/posts/body-problems.mdx:27:1  image  image "./images/loss-curve.png" has no alt text (describe it for readers who cannot see it: alt="what the image shows")',
      'content/posts/body-problems.mdx:31:1  component  <Calout> is not a component posts can use (did you mean "Callout"?)',
      'content/posts/body-problems.mdx:33:10  component  <Callout type="danger"> is not allowed (valid values: "note", "tip", "warning")',
      'content/posts/body-problems.mdx:33:24  component  <Callout> has no prop "titel" (did you mean "title"?)',
      'content/posts/body-problems.mdx:37:1  component  <KeyTakeaways> is empty (write its content between <KeyTakeaways> and </KeyTakeaways>)',
      'content/posts/body-problems.mdx:39:1  component  <Figure> needs caption="…" (the caption shown under the image)',
      'content/posts/body-problems.mdx:39:9  component  <Figure src="./images/los-curve.png">: the file does not exist (did you mean "./images/loss-curve.png"?)',
      'content/posts/body-problems.mdx:39:38  component  <Figure alt=""> is empty (describe what the image shows, for readers who cannot see it)',
      'content/posts/body-problems.mdx:41:1  component  <Figure> takes no content between tags (write it as <Figure … />)',
      'content/posts/body-problems.mdx:43:6  link  "/courses/course-on/" matches no file in content/courses/ (did you mean "/courses/course-one/"?)',
      'content/posts/body-problems.mdx:43:44  link  "/authors/ada-lovelace" needs a slash at the end: "/authors/ada-lovelace/" (every address on the site ends in /)',
      'content/posts/body-problems.mdx:45:1  call to action  "Engineer better fixtures" repeats the call to action that the page adds after every article (from content/courses/course-one.yaml); delete it',
      'content/posts/body-problems.mdx:47:1  call to action  "Ready to take the next step? Enrol now in the Certificate i…" repeats the call to action that the page adds after every article (from the post\'s course); delete it',
      'content/posts/body-problems.mdx:49:1  disclaimer  "The views expressed in this article are those of the author…" repeats the disclaimer that the page adds under every article (from src/site.config.ts); delete it',
      'content/posts/fractional-views.mdx:8:8  views  views must be a whole number, e.g. views: 7260',
      'content/posts/fractional-views.mdx:9:9  topics  topics is empty (add at least one topic)',
      'content/posts/many-problems.mdx:2:8  title  title is empty (write the title between the quotes)',
      'content/posts/many-problems.mdx:4:7  date  date must be in quotes (write date: "YYYY-MM-DD"; unquoted, YAML turns an impossible day such as 2025-02-30 into another date)',
      'content/posts/many-problems.mdx:5:1  auther  unknown field "auther" (did you mean "author"?)',
      'content/posts/many-problems.mdx:6:9  author  "ada-lovelce" is not a file in content/authors/ (did you mean "ada-lovelace"?)',
      'content/posts/many-problems.mdx:7:9  course  "course-1" is not a file in content/courses/ (did you mean "course-one"?)',
      'content/posts/many-problems.mdx:8:8  views  views must be a whole number without quotes or commas, e.g. views: 7260',
      'content/posts/mdx-syntax.mdx:13:23  mdx  MDX cannot read this: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`) (for a literal < write \\< or &lt;; otherwise finish the tag)',
      'content/posts/no-frontmatter.mdx:1:1  frontmatter  no frontmatter (start the file with a line "---", the fields, then another "---")',
      'content/posts/same-slug.md:1:1  file name  two posts have the id "same-slug" (also content/posts/same-slug.mdx); rename one of them',
      'content/posts/same-slug.mdx:1:1  file name  two posts have the id "same-slug" (also content/posts/same-slug.md); rename one of them',
    ]);
  });

  test('takes today as an option: a scheduled post is linkable from its day on', () => {
    const scheduled = (today?: string) =>
      checkContent(fixtures.invalid, undefined, today ? { today } : {}).problems.filter((p) =>
        p.message.includes('scheduled for 2099-01-01'),
      );
    expect(scheduled()).toHaveLength(2);
    expect(scheduled('2099-01-01')).toEqual([]);
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

    test('refuses a TODO title or description once the post is no longer a draft', () => {
      const post = (draft: boolean) =>
        `---\ntitle: "TODO: a title"\ndescription: "TODO: replace with one or two sentences."\ndate: "2025-01-01"\nauthor: ada-lovelace\ncourse: course-one\ntopics: ["x"]\ndraft: ${draft}\n---\n\nText.\n`;
      const base = {
        'authors/ada-lovelace.yaml': 'name: Ada Lovelace\nrole: Analyst\n',
        'courses/course-one.yaml': readFileSync(join(fixtures.site, 'courses/course-one.yaml'), 'utf8'),
        'publishers/acme.yaml': 'name: Acme\n',
      };
      expect(checkContent(root({ ...base, 'posts/a.mdx': post(true) })).problems).toEqual([]);
      expect(formatProblems(checkContent(root({ ...base, 'posts/a.mdx': post(false) })).problems).split('\n')).toEqual([
        'content/posts/a.mdx:2:8  title  title still has a TODO placeholder (write the real title, or keep draft: true until it is ready)',
        'content/posts/a.mdx:3:14  description  description still has a TODO placeholder (write the real description, or keep draft: true until it is ready)',
      ]);
    });

    test('checks content/site.yaml when there is one, each problem at its value', () => {
      expect(checkContent(root({})).problems).toEqual([]);
      expect(checkContent(root({ 'site.yaml': '# imported\nviewsAsOf: "2026-11-22"\n' })).problems).toEqual([]);
      expect(
        formatProblems(
          checkContent(root({ 'site.yaml': '# imported\nviewsAsOf: 2026-11-22\nviewAsOf: "x"\n' })).problems,
        ).split('\n'),
      ).toEqual([
        'content/site.yaml:2:12  viewsAsOf  viewsAsOf must be in quotes (write viewsAsOf: "YYYY-MM-DD"; unquoted, YAML turns an impossible day such as 2025-02-30 into another date)',
        'content/site.yaml:3:1  viewAsOf  unknown field "viewAsOf" (did you mean "viewsAsOf"?)',
      ]);
      expect(formatProblems(checkContent(root({ 'site.yaml': 'viewsAsOf: a: b\n' })).problems)).toBe(
        'content/site.yaml:1:12  yaml  Nested mappings are not allowed in compact mappings (check quotes, colons and indentation here)',
      );
    });

    test('asks for a URL-safe file name', () => {
      const dir = root({ 'posts/My Post.mdx': '---\ntitle: x\n---\n' });
      expect(checkContent(dir).problems.find((p) => p.field === 'file name')?.message).toMatch(
        /rename the file .* "my-post"/,
      );
    });
  });
});
