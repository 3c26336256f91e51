import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkBodies, type PostSource, type SiteFacts } from '../../../src/check/body/index.ts';
import { findMathErrors } from '../../../src/markdown/math/index.ts';

// A folder with one image, so that posts written below can point at real and missing files.
const root = mkdtempSync(join(tmpdir(), 'body-check-'));
mkdirSync(join(root, 'images'));
copyFileSync(resolve('tests/fixtures/site/posts/images/two-tone.png'), join(root, 'images/loss-curve.png'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const facts: SiteFacts = {
  siteUrl: 'https://blog.example',
  disclaimer:
    'The views expressed here are those of the author and not of {publisher}. ' +
    'This article is provided for educational purposes only. ' +
    'Anything you do with it is at your own risk, and {publisher} accepts no liability for any loss.',
  courses: [
    {
      id: 'course-one',
      name: 'Certificate in Fixture Engineering',
      ctaHeading: 'Engineer better fixtures',
      pitch: 'A course that exists so tests can check the call to action.',
    },
  ],
  publishers: [
    { id: 'acme', name: 'Acme Institute' },
    {
      id: 'beta',
      name: 'Beta College',
      disclaimer: 'Beta College publishes these articles as general teaching material for its students.',
    },
  ],
  authors: ['ada-lovelace'],
};

const FRONTMATTER = '---\ntitle: "x"\n---\n\n'; // the body starts on line 5

/** A post of `body` (line 5 onwards), checked with other posts; the report as `line:column field message`. */
function check(
  body: string,
  {
    name = 'post.mdx',
    others = [] as PostSource[],
    today = '2025-06-01',
    publish = undefined as PostSource['publish'],
  } = {},
): string[] {
  const post: PostSource = { file: name, path: join(root, name), source: FRONTMATTER + body, publish };
  return checkBodies([post, ...others], facts, today)
    .filter((p) => p.file === name)
    .map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`);
}

function other(slug: string, body: string, publish?: PostSource['publish']): PostSource {
  return { file: `${slug}.mdx`, path: join(root, `${slug}.mdx`), source: FRONTMATTER + body, publish };
}

describe('checkBodies', () => {
  describe('headings', () => {
    test('reports a level-1 heading and skipped levels', () => {
      expect(check('# Second title\n\n## Fine\n\n#### Too deep\n')).toEqual([
        `5:1 heading "# Second title" is a level-1 heading, but the title is the page's only one (write "## Second title")`,
        '9:1 heading "#### Too deep" skips a level after a level-2 heading (write "### Too deep", or add the missing level above it)',
      ]);
    });

    test('reports a first heading below level 2', () => {
      expect(check('### Starts deep with $\\alpha$\n')).toEqual([
        '5:1 heading "### Starts deep with $\\alpha$" is the first heading but level 3 (write "## Starts deep with $\\alpha$": sections start at "##")',
      ]);
    });

    test('accepts going down one level at a time and back up any number', () => {
      expect(check('## A\n\n### B\n\n#### C\n\n## D\n\n### E\n')).toEqual([]);
    });
  });

  describe('images', () => {
    test('reports missing alt text, alt text that is the file name, and missing files', () => {
      expect(
        check(
          '![](./images/loss-curve.png)\n\n![loss-curve](./images/loss-curve.png)\n\n![A curve](./images/loss-curv.png)\n\n![A curve](./figures/a.png)\n',
        ),
      ).toEqual([
        '5:1 image image "./images/loss-curve.png" has no alt text (describe it for readers who cannot see it: ![what the image shows](./images/loss-curve.png))',
        '7:1 image alt text "loss-curve" is only the file name (describe what the image shows: ![what the image shows](./images/loss-curve.png))',
        '9:1 image image "./images/loss-curv.png" does not exist (did you mean "./images/loss-curve.png"?)',
        '11:1 image image "./figures/a.png" does not exist (there is no folder "./figures/" next to the post)',
      ]);
    });

    test('checks <img> in MDX and in Markdown, and reference-style images', () => {
      expect(check('<img src="./images/Loss-Curve.png" alt="A curve" />\n')).toEqual([
        '5:1 image image "./images/Loss-Curve.png" does not exist (did you mean "./images/loss-curve.png"?)',
      ]);
      expect(check('Text <img src="./images/loss-curve.png"> here.\n', { name: 'post.md' })).toEqual([
        '5:6 image image "./images/loss-curve.png" has no alt text (describe it for readers who cannot see it: alt="what the image shows")',
      ]);
      expect(check('![][curve]\n\n[curve]: ./images/loss-curve.png\n')).toEqual([
        '5:1 image image "./images/loss-curve.png" has no alt text (describe it for readers who cannot see it: ![what the image shows](./images/loss-curve.png))',
      ]);
    });

    test('accepts described local images, remote images and files from public/', () => {
      expect(
        check(
          '![A loss curve falling to zero](./images/loss-curve.png "Loss")\n\n![A photo](https://example.com/a.png)\n\n![The site logo](/logo.svg)\n',
        ),
      ).toEqual([]);
    });
  });

  describe('links', () => {
    const posts = [
      other('first-post', '## First section\n\n## Using `np.zeros`\n\n## Using `np.zeros`\n\n## The $\\alpha$ value\n'),
      other('draft-post', '## Only\n', { date: '2025-01-01', draft: true }),
      other('later-post', '## Only\n', { date: '2025-09-01', draft: false }),
    ];

    test('reports links to posts, courses and authors that do not exist', () => {
      expect(
        check('[a](/posts/frist-post/) [b](/courses/course-on/) [c](/authors/ada/) [d](/posts/nothing-like-it/)\n', {
          others: posts,
        }),
      ).toEqual([
        '5:1 link "/posts/frist-post/" matches no post in content/posts/ (did you mean "/posts/first-post/"?)',
        '5:25 link "/courses/course-on/" matches no file in content/courses/ (did you mean "/courses/course-one/"?)',
        '5:50 link "/authors/ada/" matches no file in content/authors/ (did you mean "/authors/ada-lovelace/"?)',
        '5:69 link "/posts/nothing-like-it/" matches no post in content/posts/ (no post has a similar file name)',
      ]);
    });

    test('reads links with the site origin and relative links as internal', () => {
      expect(check('[a](https://blog.example/posts/frist-post/) and [b](../frist-post/)\n', { others: posts })).toEqual(
        [
          '5:1 link "https://blog.example/posts/frist-post/" matches no post in content/posts/ (did you mean "/posts/first-post/"?)',
          '5:49 link "../frist-post/" matches no post in content/posts/ (did you mean "/posts/first-post/"?)',
        ],
      );
    });

    test('asks for the trailing slash every address has', () => {
      expect(check('[a](/posts/first-post)\n', { others: posts })).toEqual([
        '5:1 link "/posts/first-post" needs a slash at the end: "/posts/first-post/" (every address on the site ends in /)',
      ]);
    });

    test('reports links to drafts and to posts scheduled after today', () => {
      expect(check('[a](/posts/draft-post/)\n\n[b](/posts/later-post/)\n', { others: posts })).toEqual([
        '5:1 link "/posts/draft-post/" links to a draft, which is not published (remove the link until that post is live)',
        '7:1 link "/posts/later-post/" links to a post scheduled for 2025-09-01, which is not published (remove the link until that post is live)',
      ]);
    });

    test('lets a post link to one that is live by the day it is published itself', () => {
      expect(
        check('[b](/posts/later-post/)\n', { others: posts, publish: { date: '2025-10-01', draft: false } }),
      ).toEqual([]);
      expect(
        check('[a](/posts/draft-post/)\n', { others: posts, publish: { date: '2025-01-01', draft: true } }),
      ).toEqual([]);
      expect(check('[b](/posts/later-post/)\n', { others: posts, today: '2025-09-01' })).toEqual([]);
    });

    test('checks anchors against heading ids as the build makes them', () => {
      const body =
        '## Setup\n\n[ok](#setup) [bad](#set-up) [ok](/posts/first-post/#using-npzeros-1) [ok](/posts/first-post/#the-αalpha-value) [bad](/posts/first-post/#first)\n';
      expect(check(body, { others: posts })).toEqual([
        '7:14 link "#set-up" is not a heading in this post (did you mean "#setup"?)',
        '7:112 link "/posts/first-post/#first": "#first" is not a heading in that post (did you mean "#first-section"?)',
      ]);
    });

    test('counts a comment in a heading as the build does', () => {
      expect(check('## Note {/* hidden */} here\n\n[ok](#note--hidden--here) [bad](#note-here)\n')).toEqual([
        '7:27 link "#note-here" is not a heading in this post (its headings are "#note--hidden--here")',
      ]);
    });

    test('does not guess at the headings of a post that does not parse', () => {
      expect(check('[a](/posts/broken/#any)\n', { others: [other('broken', 'Accuracy <90%\n')] })).toEqual([]);
    });

    test('ignores external links, mailto: and code', () => {
      expect(
        check(
          '[a](https://example.com/posts/x/) [b](mailto:a@example.com) `[c](/posts/x/)`\n\n```md\n[d](/posts/x/)\n```\n',
          { others: posts },
        ),
      ).toEqual([]);
    });
  });

  describe('text the page adds itself', () => {
    test('reports a pasted call to action', () => {
      expect(
        check(
          '## Engineer Better Fixtures!\n\nReady to transform your career? Join us.\n\n**Enrol Now**\n\nWe’re glad. Enrol now in the Certificate in Fixture Engineering.\n',
        ),
      ).toEqual([
        '5:1 call to action "Engineer Better Fixtures!" repeats the call to action that the page adds after every article (from content/courses/course-one.yaml); delete it',
        '7:1 call to action "Ready to transform your career? Join us." repeats the call to action that the page adds after every article (from the post\'s course); delete it',
        '9:1 call to action "Enrol Now" repeats the call to action that the page adds after every article (from the post\'s course); delete it',
        '11:1 call to action "We’re glad. Enrol now in the Certificate in Fixture Enginee…" repeats the call to action that the page adds after every article (from the post\'s course); delete it',
      ]);
    });

    test('reports a pasted disclaimer, with any publisher name', () => {
      expect(
        check(
          'The views expressed here are those of the author and not of Some Other Body.\n\n*Disclaimer:* see below.\n\nBeta College publishes these articles as general teaching material for its students.\n\nIt is at your own risk and with no liability.\n',
        ),
      ).toEqual([
        '5:1 disclaimer "The views expressed here are those of the author and not of…" repeats the disclaimer that the page adds under every article (from src/site.config.ts); delete it',
        '7:1 disclaimer "Disclaimer: see below." repeats the disclaimer that the page adds under every article (from src/site.config.ts); delete it',
        '9:1 disclaimer "Beta College publishes these articles as general teaching m…" repeats the disclaimer that the page adds under every article (from content/publishers/beta.yaml); delete it',
        '11:1 disclaimer "It is at your own risk and with no liability." repeats the disclaimer that the page adds under every article (from src/site.config.ts); delete it',
      ]);
    });

    test('reads a sentence across a line break', () => {
      expect(check('The views expressed here are those of the author\nand not of Acme Institute.\n')).toEqual([
        '5:1 disclaimer "The views expressed here are those of the author and not of…" repeats the disclaimer that the page adds under every article (from src/site.config.ts); delete it',
      ]);
    });

    test('leaves prose that only shares a word or two alone', () => {
      expect(
        check(
          'The next step is to enrol the model in production. Deploying an untested model is at your own risk.\n\n## Ready to take stock\n',
        ),
      ).toEqual([]);
    });
  });

  describe('MDX', () => {
    test('reports expressions, which MDX runs as JavaScript', () => {
      expect(check('The set {x} is empty.\n\n{1 + 1}\n')).toEqual([
        '5:9 mdx {x} is run as JavaScript in MDX, and an unknown name breaks the build (for literal braces write \\{ and \\}, or put it in `code` or $math$)',
        '7:1 mdx {1 + 1} is run as JavaScript in MDX, and an unknown name breaks the build (for literal braces write \\{ and \\}, or put it in `code` or $math$)',
      ]);
    });

    test('braces inside math and code are fine, and so are comments, escapes and import lines', () => {
      const body =
        'import Chart from "./chart.astro";\n\nSet $\\{x \\mid x > 0\\}$, code `{x}`, escaped \\{x\\} {/* a comment */}\n\n$$\n\\{ a \\}\n$$\n\n```js\nconst a = {};\n```\n\n<Chart />\n';
      expect(check(body)).toEqual([]);
    });

    test('braces are plain text in a .md post', () => {
      expect(check('The set {x} is empty.\n', { name: 'post.md' })).toEqual([]);
    });

    test('reports a parse failure once, where the parser stopped', () => {
      expect(check('## Fine\n\nAccuracy <90% is not enough, {and this\n')).toEqual([
        '7:10 mdx MDX cannot read this: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`) (for a literal < write \\< or &lt;; otherwise finish the tag)',
      ]);
      expect(check('Text {unclosed\n')[0]).toMatch(
        /^5:6 mdx MDX cannot read this: Unexpected end of file in expression.*\(for a literal \{ or \} write/,
      );
    });
  });

  describe('components', () => {
    test('valid component usage passes', () => {
      const body = [
        '<Callout type="tip" title="Try it">',
        '  Change the **learning rate**.',
        '</Callout>',
        '',
        '<KeyTakeaways>',
        '- One point.',
        '</KeyTakeaways>',
        '',
        '<Figure src="./images/loss-curve.png" alt="The loss falls steeply, then flattens" caption="Gradient descent." credit={"Ada"} />',
        '',
      ].join('\n');
      expect(check(body)).toEqual([]);
    });

    test('reports unknown components, props and values', () => {
      const body =
        '<Calout>Hi</Calout>\n\n<Callout type="danger" titel="x" title={name} tip>\n  Text\n</Callout>\n\n<Callout {...props}>Text</Callout>\n';
      expect(check(body)).toEqual([
        '5:1 component <Calout> is not a component posts can use (did you mean "Callout"?)',
        '7:10 component <Callout type="danger"> is not allowed (valid values: "note", "tip", "warning")',
        '7:24 component <Callout> has no prop "titel" (did you mean "title"?)',
        '7:34 component <Callout title={…}> is JavaScript; write plain text in quotes: title="…"',
        '7:47 component <Callout> has no prop "tip" (did you mean "type"?)',
        '11:10 component <Callout {…}> cannot be checked: write each prop as name="value" (type, title)',
      ]);
    });

    test('reports missing required props and wrong children', () => {
      const body =
        '<KeyTakeaways>{/* later */}</KeyTakeaways>\n\n<Callout type="note" />\n\n<Figure src="./images/loss-curve.png" alt="A curve">Caption here</Figure>\n';
      expect(check(body)).toEqual([
        '5:1 component <KeyTakeaways> is empty (write its content between <KeyTakeaways> and </KeyTakeaways>)',
        '7:1 component <Callout> is empty (write its content between <Callout> and </Callout>)',
        '9:1 component <Figure> needs caption="…" (the caption shown under the image)',
        '9:1 component <Figure> takes no content between tags (write it as <Figure … />)',
      ]);
    });

    test('checks the image of a Figure like a Markdown image', () => {
      const body =
        '<Figure src="./images/los-curve.png" alt="" caption="c" />\n\n<Figure src="https://example.com/a.png" alt="loss-curve.png" caption="c" />\n';
      expect(check(body)).toEqual([
        '5:9 component <Figure src="./images/los-curve.png">: the file does not exist (did you mean "./images/loss-curve.png"?)',
        '5:38 component <Figure alt=""> is empty (describe what the image shows, for readers who cannot see it)',
        '7:9 component <Figure src="https://example.com/a.png"> must be an image file next to the post, e.g. "./images/chart.png"',
        '7:41 component <Figure alt="loss-curve.png"> is only the file name (describe what the image shows)',
      ]);
    });

    test('points at each attribute of a tag written over several lines, and at the tag when it cannot tell', () => {
      expect(check('<Figure\n  src="./images/los-curve.png"\n  alt="loss-curve.png"\n  caption="c"\n/>\n')).toEqual([
        '6:3 component <Figure src="./images/los-curve.png">: the file does not exist (did you mean "./images/loss-curve.png"?)',
        '7:3 component <Figure alt="loss-curve.png"> is only the file name (describe what the image shows)',
      ]);
      expect(check('<Callout title="a > b {x}" titel="y">\n  Text\n</Callout>\n')).toEqual([
        '5:28 component <Callout> has no prop "titel" (did you mean "title"?)',
      ]);
      // In a blockquote the tag's lines start with "> ": the problem is put at the tag.
      expect(check('> <Callout\n>   titel="x">\n>   Text\n> </Callout>\n')).toEqual([
        '5:3 component <Callout> has no prop "titel" (did you mean "title"?)',
      ]);
    });

    test('reports import lines that are not JavaScript, where the parser stopped', () => {
      expect(check('import { Chart from "./chart.ts";\n\nText.\n')).toEqual([
        '5:16 mdx MDX cannot read this: Could not parse esm with oxc: Expected `,` or `}` but found `from` (check the import and export lines: each must be complete JavaScript)',
      ]);
      expect(check('export function Plot() {}\nexport const Line = Plot;\n\n<Plot />\n\n<Line />\n')).toEqual([]);
    });

    test('leaves imported components to their author, and reports components in .md', () => {
      expect(check('import { Chart as Plot } from "./chart.ts";\n\n<Plot anything="goes" />\n')).toEqual([]);
      expect(check('import * as Charts from "./charts.ts";\n\n<Charts.Line data={[1, 2]} />\n')).toEqual([]);
      expect(check('<Callout type="tip">\nText\n</Callout>\n', { name: 'post.md' })).toEqual([
        '5:1 component <Callout> only works in .mdx posts (rename the file to .mdx, or write plain Markdown)',
      ]);
    });
  });

  describe('placeholders left by npm run new', () => {
    const body = 'TODO: open with the question.\n\n```python\n# TODO in code is fine\n```\n';
    test('are reported in a post that is about to be published', () => {
      expect(check(body, { publish: { date: '2025-01-01', draft: false } })).toEqual([
        '5:1 unfinished a TODO placeholder is left in the text (finish this part, or keep draft: true until it is ready)',
      ]);
    });

    test('are fine in a draft, and in code', () => {
      expect(check(body, { publish: { date: '2025-01-01', draft: true } })).toEqual([]);
    });
  });

  describe('math', () => {
    test('reports invalid TeX where it is, and leaves prices alone', () => {
      expect(check('It costs $5 and $10 buys two; $\\frac{a}$ is broken.\n')).toEqual([
        '5:31 math invalid TeX "\\frac{a}": Unexpected end of input in a macro argument, expected \'}\' at end of input: \\frac{a} (a { has no closing }; for a literal brace write \\{)',
      ]);
    });

    test('equation labels and references: a reference to no label, and a label used twice, at their line and column', () => {
      const body = [
        'As $\\eqref{eq:loss}$ shows, and $\\ref{eq:lost}$ does not:',
        '',
        '$$',
        'L = \\sum_i \\ell_i \\label{eq:loss}',
        '$$',
        '',
        '$$',
        'M = 0 \\label{eq:loss}',
        '$$',
        '',
      ].join('\n');
      expect(check(body)).toEqual([
        '5:34 math \\ref{eq:lost} refers to no equation (labels in this post: eq:loss)',
        '12:7 math \\label{eq:loss} is used twice in this post (give each equation its own name)',
      ]);
    });

    test("a link to an equation's anchor is a link to this post", () => {
      expect(check('$$\na = b \\label{eq:a}\n$$\n\nSee [the equation](#eq-a) and [nothing](#eq-b).\n')).toEqual([
        expect.stringMatching(/^9:\d+ link "#eq-b" is not a heading in this post/),
      ]);
    });

    test('a \\label in inline math is refused with the fix', () => {
      expect(check('Here $x \\label{eq:x}$.\n')).toEqual([
        expect.stringContaining(
          '5:6 math invalid TeX "x \\label{eq:x}": \\label names a numbered equation, so it works only in display math (between $$ and $$)',
        ),
      ]);
    });

    test('finds the formulas the build rejects, on the same lines', () => {
      const path = resolve('tests/fixtures/math/invalid.md');
      const source = readFileSync(path, 'utf8');
      const problems = checkBodies([{ file: 'invalid.md', path, source }], facts, '2025-06-01').filter(
        (p) => p.field === 'math',
      );
      const expected = findMathErrors(source, path).map((e) => `${e.line} invalid TeX "${e.tex}": ${e.reason}`);
      expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual(expected);
      expect(expected).toHaveLength(3);
    });
  });
});
