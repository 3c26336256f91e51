// The GitHub Pages workflow, read as data: it tests before it builds, builds before it deploys,
// keeps the social-card and Astro caches where the build looks for them, and rebuilds daily for scheduled posts.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildPaths, socialImageCacheDir } from '../../src/build-env.ts';
import { ADMIN_EDITOR_CACHE } from '../../src/integrations/admin.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  steps: Step[];
  permissions?: Record<string, string>;
}
const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const { test: tests, build, deploy } = workflow.jobs as Record<'test' | 'build' | 'deploy', Job>;
const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const step = (job: Job, uses: string) => job.steps.find((s) => s.uses?.startsWith(uses));

test('runs on pushes to main, on demand, and daily so scheduled posts go live', () => {
  expect(workflow.on['push']).toEqual({ branches: ['main'] });
  expect(workflow.on).toHaveProperty('workflow_dispatch');
  expect(workflow.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
});

test('runs every check, from the one list CI runs too, then builds, then deploys', () => {
  expect(runs(tests)).toEqual(['npm install --no-audit --no-fund', 'npm run verify']);
  expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm run verify$/m);
  const verify = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts[
    'verify'
  ];
  expect(verify?.split(' && ')).toEqual([
    'npm run check:content',
    'npm run check',
    'npm run lint',
    'npm run format:check',
    'npm test',
    'npm run test:lighthouse',
  ]);
  expect(build.needs).toBe('test');
  expect(deploy.needs).toBe('build');
  expect(runs(build)).toContain('npm run build');
  expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
});

test("installs with npm install, never npm ci (the lockfile lacks other platforms' binaries)", () => {
  for (const job of [tests, build]) {
    expect(runs(job)).toContain('npm install --no-audit --no-fund');
    expect(runs(job).some((run) => run.includes('npm ci'))).toBe(false);
  }
});

test("keeps the social-card and Astro caches where the build reads them, and publishes the build's output folder", () => {
  const cwd = process.cwd();
  const cached = step(build, 'actions/cache')
    ?.with?.['path']?.trim()
    .split('\n')
    .map((line) => line.trim());
  expect(cached).toEqual([
    relative(cwd, socialImageCacheDir({}, cwd)),
    relative(cwd, buildPaths({}, cwd).cacheDir),
    ADMIN_EDITOR_CACHE,
  ]);
  expect(step(build, 'actions/upload-pages-artifact')?.with?.['path']).toBe(relative(cwd, buildPaths({}, cwd).outDir));
});

test('builds with the Pages origin and base path', () => {
  const buildStep = build.steps.find((s) => s.run === 'npm run build');
  expect(buildStep?.env).toEqual({
    SITE_URL: '${{ steps.pages.outputs.origin }}',
    BASE_PATH: '${{ steps.pages.outputs.base_path }}',
  });
});
