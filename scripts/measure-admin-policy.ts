/**
 * `npm run measure:admin-policy [-- <build folder>]`: why each source of the editor's policy
 * (src/admin/policy.ts) is there. For the policy as built and for each variant with one source
 * taken away, it runs the editor in Chromium (the GitHub sign-in page, then the test repository
 * holding the content folder: the post list, an image upload, a post with a figure in the
 * preview) and prints the violations each variant causes. Run it after upgrading Sveltia CMS: a
 * variant without violations is a source the editor no longer needs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { serve } from './lib/serve.ts';
import { filesOf, seedTestRepo } from './lib/test-repo.ts';
import { adminMetaPolicy } from '../src/admin/policy.ts';
import { contentRoot } from '../src/build-env.ts';
import { listCollectionFiles } from '../src/lib/content-files.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const root = contentRoot();
const withFigure = listCollectionFiles(root, 'posts').find(
  (path) => path.endsWith('.mdx') && readFileSync(join(root, path), 'utf8').includes('<Figure'),
);
const upload = existsSync(join(root, 'posts/images')) ? readdirSync(join(root, 'posts/images'))[0] : undefined;
if (!withFigure || !upload)
  throw new Error(`${root}: measuring needs a post with a <Figure> and an image in posts/images/`);

/** The policy as built, then without each source that loosens it. */
const variants: Array<[string, string]> = [
  ['as built', adminMetaPolicy],
  ...(
    [
      ["style-src 'self' 'unsafe-inline'", "style-src 'self'"],
      ["img-src 'self' data: blob:", "img-src 'self' blob:"],
      ["img-src 'self' data: blob:", "img-src 'self' data:"],
      ["connect-src 'self' data: blob:", "connect-src 'self' blob:"],
      ["connect-src 'self' data: blob:", "connect-src 'self' data:"],
      ['frame-src blob:; ', ''],
      ['manifest-src blob:; ', ''],
      ["font-src 'self'", "font-src 'none'"],
    ] as const
  ).map(([from, to]): [string, string] => [
    `${from.replace(/; $/, '')} → ${to.replace(/; $/, '') || '(none)'}`,
    adminMetaPolicy.replace(from, to),
  ]),
];

const site = await serve(dist);
for (const [name, policy] of variants) {
  const browser = await launchChromium();
  if (!browser) throw new Error('no Chromium (apt-get install chromium, or set CHROME_PATH)');
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const seen = new Map<string, number>();
  // The editor's page with this variant as its policy (served without the _headers policy).
  await page.route(`${site.origin}/admin/?**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(adminMetaPolicy, policy) });
  });
  await page.exposeFunction('reportViolation', (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (what: string) => void }).reportViolation(
        `${event.effectiveDirective} ${event.blockedURI.split(':')[0]}`,
      );
    });
  });
  await page.goto(`${site.origin}/`);
  await seedTestRepo(page, filesOf(root, 'content'));
  await page.goto(`${site.origin}/admin/`);
  await page.getByRole('button', { name: 'Sign In Using Access Token' }).waitFor();
  await page.waitForTimeout(1500);
  await page.goto(`${site.origin}/admin/?backend=test-repo`);
  await page.getByRole('button', { name: 'Work with Test Repository' }).click();
  await page.getByRole('button', { name: 'Create New Entry' }).first().waitFor();
  await page.evaluate(() => (location.hash = '#/assets'));
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles(join(root, 'posts/images', upload));
  await page
    .getByRole('radio', { name: 'Keep Both' })
    .check()
    .catch(() => undefined);
  await page.getByRole('button', { name: 'Upload', exact: true }).last().click();
  await page.waitForTimeout(2500);
  await page.evaluate(
    (hash) => (location.hash = hash),
    `#/collections/posts/entries/${withFigure.replace(/^posts\//, '').replace(/\.mdx$/, '')}`,
  );
  await page.getByRole('textbox', { name: 'Title' }).waitFor();
  await page.waitForTimeout(2500);
  const previewImages = await page.frameLocator('iframe').locator('.figure img[src^="blob:"]').count();
  const found = [...seen].map(([what, count]) => `${what} ×${count}`).join(', ') || 'none';
  console.log(
    `${name.padEnd(58)} violations: ${found}; figure in the preview: ${previewImages > 0 ? 'shown' : 'missing'}`,
  );
  await browser.close();
}
await site.close();
