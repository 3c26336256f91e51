import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { checkContent } from '../../../src/check/index.ts';
import { fileId, listCollectionFiles } from '../../../src/lib/content-files.ts';
import { todayIn } from '../../../src/lib/dates.ts';
import { buildSiteContent } from '../../../src/lib/posts.ts';
import { articleCardInput, defaultCardInput, socialCards } from '../../../src/social-cards/input.ts';
import { getSocialImage, socialImageKey } from '../../../src/social-cards/cache.ts';
import { isCompletePng } from '../../../src/social-cards/png.ts';
import { layoutCard, renderSocialImage } from '../../../src/social-cards/render.ts';
import type { SocialImageInput } from '../../../src/social-cards/input.ts';
import { socialImageWorkerEnabled, startSocialImageWorker } from '../../../src/social-cards/worker.ts';
import { postSchema } from '../../../src/schemas/post.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { fixtures } from '../../helpers/build.ts';

const launch: SocialImageInput = {
  title: 'Unlocking the Power of Mathematical Models in Machine Learning: Real-World Applications and Case Studies',
  author: 'David Chen',
  course: 'Professional Certificate in Mathematical Models for Machine Learning',
  siteName: 'Machine Learning Blog',
  organisation: 'LSBR Executive Education',
  date: '19 July 2025',
};

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(8)).toBe(13); // IHDR's length
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const tempDirs: string[] = [];
function tempCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'social-image-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('socialImageKey', () => {
  test('is a sha256 hex digest, stable for the same input', () => {
    const key = socialImageKey(launch);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(socialImageKey({ ...launch })).toBe(key);
    // The order of the properties doesn't matter, only their values.
    const reordered = Object.fromEntries(Object.entries(launch).reverse()) as unknown as SocialImageInput;
    expect(socialImageKey(reordered)).toBe(key);
  });

  test('changes when any field changes', () => {
    const key = socialImageKey(launch);
    const fields = Object.keys(launch) as Array<keyof SocialImageInput>;
    const keys = fields.map((field) => socialImageKey({ ...launch, [field]: `${launch[field]}!` }));
    for (const other of keys) expect(other).not.toBe(key);
    expect(new Set(keys).size).toBe(fields.length);
    // Fields are not concatenated ambiguously.
    expect(socialImageKey({ ...launch, author: 'A', course: 'BC' })).not.toBe(
      socialImageKey({ ...launch, author: 'AB', course: 'C' }),
    );
  });
});

describe('renderSocialImage', () => {
  test('draws a 1200×630 PNG', async () => {
    const png = await renderSocialImage(launch);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  const titles: Record<string, string> = {
    '140 characters':
      'How Gradient Boosting, Regularised Regression and Bayesian Optimisation Are Changing the Way Finance Teams Forecast Credit Risk in Downturns',
    'markup, quotes and emoji': 'A <script>alert(1)</script> "quoted" & \'single\' title 🚀 with emoji 👍🏽 and 👨‍👩‍👧',
    Arabic: 'مقدمة في التعلم الآلي للمديرين التنفيذيين',
    Hebrew: 'מבוא ללמידת מכונה למנהלים',
    'mixed scripts': 'Transformers for עברית and العربية: a practical guide',
    'one very long word': 'Supercalifragilisticexpialidocious'.repeat(6),
    'a long URL': `Reading https://example.com/${'segment/'.repeat(40)} carefully`,
    'far too long': 'word '.repeat(120),
    empty: '',
  };
  test('the 140-character title is 140 characters', () => {
    expect(titles['140 characters']).toHaveLength(140);
  });
  for (const [name, title] of Object.entries(titles)) {
    test(`renders a title with ${name} without throwing`, async () => {
      const png = await renderSocialImage({ ...launch, title });
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    });
  }

  test('treats text as text: markup is drawn, never parsed', async () => {
    const markup = '<script>alert(1)</script><b>bold</b>';
    expect((await layoutCard({ ...launch, title: markup })).title).toBe(markup);
    const drawn = await renderSocialImage({ ...launch, title: markup });
    expect(drawn.equals(await renderSocialImage({ ...launch, title: 'alert(1)bold' }))).toBe(false);
  });

  test('draws the same card twice byte for byte', async () => {
    expect((await renderSocialImage(launch)).equals(await renderSocialImage({ ...launch }))).toBe(true);
  });

  test('leaves out emoji the fonts cannot draw instead of leaving a gap or a box', async () => {
    const plain = await renderSocialImage({ ...launch, title: 'Emoji in a title here' });
    const withEmoji = await renderSocialImage({ ...launch, title: 'Emoji 🚀 in a 👍🏽 title here 🇬🇧' });
    expect(withEmoji.equals(plain)).toBe(true);
  });

  test('replaces a title in a script the fonts lack with the course name', async () => {
    const arabic = await layoutCard({ ...launch, title: 'مقدمة في التعلم الآلي' });
    expect(arabic).toEqual(await layoutCard({ ...launch, title: launch.course, course: '' }));
    expect(arabic.title).toBe(launch.course);
  });

  test('draws accented Latin, Greek and Cyrillic letters (not left out as missing)', async () => {
    const title = 'Łódź, λ-calculus and Дмитрий';
    expect((await layoutCard({ ...launch, title })).title).toBe(title);
  });

  test('takes the largest title size whose lines fit, and smaller sizes for longer titles', async () => {
    const short = await layoutCard({ ...launch, title: 'Short title' });
    const long = await layoutCard(launch);
    expect(short.titleSize).toBe(76);
    expect(long.titleSize).toBeLessThan(short.titleSize);
  });

  test('cuts a title too long for the card after a whole word, however long it was', async () => {
    const long = await layoutCard({ ...launch, title: 'word '.repeat(120) });
    const longer = await layoutCard({ ...launch, title: 'word '.repeat(400) });
    expect(longer).toEqual(long);
    expect(long.title).toMatch(/^(word )+word…$/);
  });
});

describe('isCompletePng', () => {
  test('accepts a whole card and refuses it cut short, changed by one bit, empty or the wrong size', async () => {
    const png = await renderSocialImage(launch);
    expect(isCompletePng(png, 1200, 630)).toBe(true);
    expect(isCompletePng(png, 1200, 631)).toBe(false);
    expect(isCompletePng(png.subarray(0, png.length - 1), 1200, 630)).toBe(false);
    expect(isCompletePng(png.subarray(0, Math.floor(png.length / 2)), 1200, 630)).toBe(false);
    expect(isCompletePng(Buffer.alloc(0), 1200, 630)).toBe(false);
    expect(isCompletePng(Buffer.from('garbage'), 1200, 630)).toBe(false);
    const flipped = Buffer.from(png);
    flipped[Math.floor(png.length / 2)]! ^= 1;
    expect(isCompletePng(flipped, 1200, 630)).toBe(false);
    expect(isCompletePng(Buffer.concat([png, Buffer.from([0])]), 1200, 630)).toBe(false);
  });
});

describe('getSocialImage', () => {
  test('renders once, then serves the cached file without rendering', async () => {
    const cacheDir = join(tempCache(), 'nested', 'cache');
    const render = vi.fn(renderSocialImage);

    const first = await getSocialImage(launch, cacheDir, { render });
    expect(first.cached).toBe(false);
    expect(render).toHaveBeenCalledTimes(1);
    expect(pngSize(first.png)).toEqual({ width: 1200, height: 630 });

    const file = join(cacheDir, `${socialImageKey(launch)}.png`);
    const mtime = statSync(file).mtimeMs;
    // Only the PNG is left: the temporary file was renamed into place.
    expect(readdirSync(cacheDir)).toEqual([`${socialImageKey(launch)}.png`]);

    const second = await getSocialImage(launch, cacheDir, { render });
    expect(second.cached).toBe(true);
    expect(render).toHaveBeenCalledTimes(1);
    expect(second.png.equals(first.png)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  test('uses the real renderer by default, and a changed input is a new file', async () => {
    const cacheDir = tempCache();
    const a = await getSocialImage(launch, cacheDir);
    const b = await getSocialImage({ ...launch, date: '20 July 2025' }, cacheDir);
    expect([a.cached, b.cached]).toEqual([false, false]);
    expect(a.png.equals(b.png)).toBe(false);
    expect(readdirSync(cacheDir).sort()).toHaveLength(2);
    expect((await getSocialImage(launch, cacheDir)).cached).toBe(true);
  });

  test('renders only once when the same card is asked for twice at the same time', async () => {
    const cacheDir = tempCache();
    const render = vi.fn(renderSocialImage);
    const [a, b] = await Promise.all([
      getSocialImage(launch, cacheDir, { render }),
      getSocialImage(launch, cacheDir, { render }),
    ]);
    expect(render).toHaveBeenCalledTimes(1);
    expect(a.png.equals(b.png)).toBe(true);
  });

  test('draws again over a cached file that is empty, garbage or a truncated PNG', async () => {
    const cacheDir = tempCache();
    const file = join(cacheDir, `${socialImageKey(launch)}.png`);
    const whole = await renderSocialImage(launch);
    for (const bad of [Buffer.alloc(0), Buffer.from('garbage'), whole.subarray(0, whole.length - 12)]) {
      writeFileSync(file, bad);
      const render = vi.fn(renderSocialImage);
      const result = await getSocialImage(launch, cacheDir, { render });
      expect(result.cached).toBe(false);
      expect(render).toHaveBeenCalledTimes(1);
      expect(result.png.equals(whole)).toBe(true);
      expect(readFileSync(file).equals(whole)).toBe(true);
    }
  });

  test('writes nothing when rendering fails', async () => {
    const cacheDir = tempCache();
    const render = vi.fn(async () => {
      throw new Error('boom');
    });
    await expect(getSocialImage(launch, cacheDir, { render })).rejects.toThrow('boom');
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The cards a build serves (src/lib/social-card-input.ts) and the worker that draws them ahead of
// the pages (src/lib/social-image-worker.ts).

const today = todayIn(siteConfig.timeZone, new Date());

/** The fixture site's cards as the build's worker gets them: from the content check. */
function prerenderedCards() {
  const { valid } = checkContent(fixtures.site, undefined, { today });
  return socialCards(buildSiteContent(valid, { includeDrafts: false, today }).articles);
}

describe('articleCardInput', () => {
  test("shows the post's title and day, its author's and course's names, and the site", () => {
    expect(
      articleCardInput({ title: 'A title', date: '2025-07-19', author: 'Ada Lovelace', course: 'Course One' }),
    ).toEqual({
      title: 'A title',
      date: '19 July 2025',
      author: 'Ada Lovelace',
      course: 'Course One',
      siteName: siteConfig.shortName,
      organisation: siteConfig.organisation,
    });
  });
});

describe('socialCards', () => {
  test('the build draws the cards of the posts the pages show, in the same order', () => {
    // The pages' posts as Astro's glob loader reads them: its own frontmatter parser, then the schema.
    const { valid } = checkContent(fixtures.site, undefined, { today });
    const loaded = listCollectionFiles(fixtures.site, 'posts').map((path) => ({
      id: fileId(path),
      data: postSchema.parse(parseFrontmatter(readFileSync(join(fixtures.site, path), 'utf8')).frontmatter),
    }));
    const served = socialCards(buildSiteContent({ ...valid, posts: loaded }, { includeDrafts: false, today }).articles);
    const keys = (cards: typeof served) => cards.map((card) => [card.slug, socialImageKey(card.input)]);
    expect(keys(prerenderedCards())).toEqual(keys(served));
  });

  test('one card per published article, newest first, then "default"', () => {
    const cards = prerenderedCards();
    expect(cards.map((card) => card.slug)).not.toContain('draft-post');
    expect(cards.map((card) => card.slug)).not.toContain('scheduled-post');
    expect(cards).toHaveLength(14 + 8); // with the 8 math-corpus posts
    expect(cards.at(-1)).toEqual({ slug: 'default', input: defaultCardInput() });
  });
});

describe('socialImageWorkerEnabled', () => {
  test.each([
    [{}, 2, true],
    [{ SOCIAL_IMAGE_PRERENDER: '1' }, 8, true],
    [{ SOCIAL_IMAGE_PRERENDER: '0' }, 8, false],
    [{}, 1, false],
  ])('env %o on %i cores: %s', (env, cores, enabled) => {
    expect(socialImageWorkerEnabled(env, cores)).toBe(enabled);
  });

  test('refuses a value that is neither 0 nor 1, naming the variable', () => {
    expect(() => socialImageWorkerEnabled({ SOCIAL_IMAGE_PRERENDER: 'false' }, 8)).toThrow(
      /^SOCIAL_IMAGE_PRERENDER="false" is not a setting: write SOCIAL_IMAGE_PRERENDER=0/,
    );
  });
});

describe('startSocialImageWorker', () => {
  const inputs = prerenderedCards().map((card) => card.input);
  const files = inputs.map((input) => `${socialImageKey(input)}.png`).sort();

  test('fills the cache with every card of a content root, then exits', async () => {
    const cacheDir = join(tempCache(), 'cache');
    const summary = await startSocialImageWorker(inputs, cacheDir).finished();
    expect(summary).toEqual({ total: inputs.length, rendered: inputs.length, cached: 0, stopped: false });
    expect(readdirSync(cacheDir).sort()).toEqual(files);
    // What the build then finds, byte for byte what it would have drawn itself.
    const render = vi.fn(renderSocialImage);
    const last = await getSocialImage(inputs.at(-1)!, cacheDir, { render });
    expect(last.cached).toBe(true);
    expect(render).not.toHaveBeenCalled();
    expect(last.png.equals(await renderSocialImage(inputs.at(-1)!))).toBe(true);

    const again = await startSocialImageWorker(inputs, cacheDir).finished();
    expect(again).toEqual({ total: inputs.length, rendered: 0, cached: inputs.length, stopped: false });
  }, 60_000);

  test('stops after the card in hand, leaving only whole PNGs', async () => {
    const cacheDir = tempCache();
    const worker = startSocialImageWorker(inputs, cacheDir);
    const summary = await worker.stop();
    expect(summary.stopped).toBe(true);
    expect(summary.rendered).toBeLessThan(inputs.length);
    expect(readdirSync(cacheDir).every((file) => files.includes(file))).toBe(true);
    for (const file of readdirSync(cacheDir))
      expect(isCompletePng(readFileSync(join(cacheDir, file)), 1200, 630), file).toBe(true);
    expect(await worker.stop()).toBe(summary);
  }, 30_000);

  test('reports a failure instead of throwing: the build draws those cards itself', async () => {
    const notADir = join(tempCache(), 'file');
    writeFileSync(notADir, '');
    const summary = await startSocialImageWorker(inputs.slice(0, 2), join(notADir, 'cache')).finished();
    expect(summary).toMatchObject({
      total: 2,
      rendered: 0,
      cached: 0,
      stopped: false,
      error: expect.stringMatching(/^a card failed: ENOTDIR/),
    });
  }, 30_000);
});
