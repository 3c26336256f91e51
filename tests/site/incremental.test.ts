// Incremental builds (experimental.incrementalBuild, pages keyed by src/lib/cache-key.ts): after
// each kind of edit, a build with the caches of the last one renders what depends on the edit,
// copies the rest, and writes exactly what a build without any cache writes.
import { beforeAll, describe, expect, test } from 'vitest';
import { fingerprint } from '../helpers/build.ts';
import { copyProject, type ProjectBuild } from '../helpers/project-copy.ts';

const project = copyProject('incremental');
const BUILD = 300_000;

/** Pages whose route has parameters, so a cacheKey: the ones Astro can copy instead of render. */
const keyed = (pages: readonly string[]) =>
  pages.filter((page) => /^\/(posts|authors|courses|topics)\/[^/]+\/(index\.html|rss\.xml)$/.test(page));

function expectSameAsClean(build: ProjectBuild): void {
  expect(build.status, build.output).toBe(0);
  const clean = project.cleanBuild();
  expect(clean.status, clean.output).toBe(0);
  expect(clean.restored).toEqual([]);
  expect(fingerprint(project.path('dist'))).toEqual(fingerprint(project.path('dist-clean')));
}

beforeAll(() => {
  const first = project.build();
  expect(first.status, first.output).toBe(0);
}, BUILD);

describe('an incremental build', () => {
  test(
    'with nothing changed copies every keyed page and writes the same bytes',
    () => {
      const before = fingerprint(project.path('dist'));
      const again = project.build();
      expect(again.status, again.output).toBe(0);
      expect(keyed(again.rendered)).toEqual([]);
      expect(again.restored.length).toBeGreaterThan(10);
      expect(fingerprint(project.path('dist'))).toEqual(before);
    },
    BUILD,
  );

  const edits: Array<{ what: string; apply: () => void; rebuilt: string[]; kept: string[] }> = [
    {
      what: 'a post',
      apply: () =>
        project.edit(
          'content/posts/machine-learning-in-finance.mdx',
          (text) => `${text}\nA paragraph added by the incremental test.\n`,
        ),
      rebuilt: ['/posts/machine-learning-in-finance/index.html'],
      kept: ['/authors/andrew-jackson/index.html', '/authors/david-chen/index.html'],
    },
    {
      what: 'an author',
      apply: () =>
        project.edit('content/authors/michael-rodriguez.yaml', (text) =>
          text.replace(/^role: .*$/m, 'role: Head of Quantitative Research'),
        ),
      rebuilt: ['/authors/michael-rodriguez/index.html', '/posts/machine-learning-in-finance/index.html'],
      kept: ['/authors/david-chen/index.html'],
    },
    {
      what: 'a course name',
      apply: () =>
        project.edit('content/courses/ml-in-finance.yaml', (text) =>
          text.replace(/^name: .*$/m, 'name: Professional Certificate in Machine Learning for Finance'),
        ),
      rebuilt: [
        '/courses/ml-in-finance/index.html',
        '/courses/ml-in-finance/rss.xml',
        '/posts/machine-learning-in-finance/index.html',
      ],
      kept: ['/authors/david-chen/index.html'],
    },
    {
      what: 'a template',
      apply: () =>
        project.edit('src/components/SiteFooter.astro', (text) =>
          text.replace('</footer>', '<p>Edited by the incremental test.</p></footer>'),
        ),
      rebuilt: [
        '/posts/machine-learning-in-finance/index.html',
        '/authors/david-chen/index.html',
        '/topics/careers/index.html',
      ],
      kept: [],
    },
    {
      what: 'a stylesheet',
      apply: () =>
        project.edit('src/styles/global.css', (text) => `${text}\n.incremental-test { outline: 1px solid; }\n`),
      rebuilt: ['/posts/machine-learning-in-finance/index.html', '/courses/ml-in-finance/index.html'],
      kept: [],
    },
    {
      what: 'a dependency (the lockfile)',
      apply: () =>
        project.edit('package-lock.json', (text) => text.replace(/"version": "[^"]+"/, '"version": "0.1.1"')),
      rebuilt: ['/posts/mathematical-models-in-machine-learning/index.html', '/authors/andrew-jackson/index.html'],
      kept: [],
    },
  ];

  for (const { what, apply, rebuilt, kept } of edits) {
    test(
      `after an edit of ${what} renders what depends on it, and writes what a clean build writes`,
      () => {
        apply();
        const build = project.build();
        expect(build.status, build.output).toBe(0);
        for (const page of rebuilt) expect(build.rendered, page).toContain(page);
        for (const page of kept) expect(build.restored, page).toContain(page);
        if (kept.length === 0) expect(keyed(build.restored)).toEqual([]);
        expectSameAsClean(build);
      },
      BUILD,
    );
  }
});
