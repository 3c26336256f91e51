/**
 * Runs the editor check (src/check/) before Astro loads any content, so a build
 * fails on every bad file at once, with lines and fixes, instead of Astro's first error (or, for
 * a dangling id or a duplicate slug, no error at all). It also makes sure a failed build leaves
 * no dist/ behind that could be mistaken for a good one.
 *
 * Once the check passes, a build also starts drawing the social images on a second core
 * (src/lib/social-image-worker.ts), while Astro loads the content and renders the pages; the
 * worker is stopped when the pages are generated. SOCIAL_IMAGE_PRERENDER=0 turns that off: the
 * og endpoint then draws each card when Astro reaches it, as it does for any card the worker
 * missed or failed on.
 *
 * The check renders every formula; the characters they draw are what the site's math font is
 * cut to (./math-font.ts), written here before Vite reads src/styles/math.css.
 *
 * List it last in `integrations`: its `astro:build:done` then runs after every other one's.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, formatProblems, type CheckResult } from '../check/index.ts';
import { MATH_FONT_ALIAS, mathFontSourcePath, writeMathFont } from './math-font.ts';
import { socialImageCacheDir } from '../lib/content-files.ts';
import { todayIn } from '../lib/dates.ts';
import { buildSiteContent, heldBack } from '../lib/posts.ts';
import { socialCards } from '../lib/social-card-input.ts';
import { socialImageWorkerEnabled, startSocialImageWorker, type SocialImageWorker } from '../lib/social-image-worker.ts';
import { siteConfig } from '../site.config.ts';

/** Starts the social-image worker on the cards this build will serve, unless it is turned off. */
function startSocialImages(valid: CheckResult['valid'], today: string, logger: AstroIntegrationLogger): SocialImageWorker | undefined {
  if (!socialImageWorkerEnabled()) return undefined;
  try {
    // The same join and order as src/lib/collections.ts, so the same cards as the og endpoint.
    const { articles } = buildSiteContent(valid, { includeDrafts: false, today });
    const inputs = socialCards(articles).map((card) => card.input);
    logger.debug(`drawing ${inputs.length} social image(s) on a second core`);
    return startSocialImageWorker(inputs, socialImageCacheDir());
  } catch (error) {
    logger.warn(`social images are drawn page by page: the worker did not start (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** Stops the worker (every page is rendered: what it has not drawn, the endpoint has) and says how it went. */
async function stopSocialImages(worker: SocialImageWorker, logger: AstroIntegrationLogger): Promise<void> {
  const { total, rendered, cached, error } = await worker.stop();
  if (error) logger.warn(`the social-image worker drew ${rendered} of ${total} card(s), the pages drew the rest: ${error}`);
  else logger.info(`social images: ${rendered} drawn on a second core, ${cached} found in the cache (drawn earlier, or by a page first), ${total - rendered - cached} not reached`);
}

/** Astro integration: the content check as the first step of `astro build` (a warning in dev), the draft policy, and the social-image worker. */
export function contentGuard({ root }: { root: string }): AstroIntegration {
  let completed = false;
  let socialImages: SocialImageWorker | undefined;
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        // Drafts follow the command, not NODE_ENV: an inherited NODE_ENV=development or =test
        // makes import.meta.env.DEV true even in `astro build`.
        updateConfig({ vite: { define: { 'import.meta.env.INCLUDE_DRAFTS': JSON.stringify(command === 'dev') } } });
        if (command !== 'build' && command !== 'dev') {
          // `astro check`, tests: the whole packaged font stands in for the site's subset.
          updateConfig({ vite: { resolve: { alias: { [MATH_FONT_ALIAS]: mathFontSourcePath() } } } });
          return;
        }
        if (command === 'build') {
          // Astro empties outDir only once a build gets going; without this, a failure at any
          // step would leave the previous or a partial site in place.
          const outDir = fileURLToPath(config.outDir);
          process.once('exit', () => {
            if (!completed) rmSync(outDir, { recursive: true, force: true });
          });
        }
        const display = (path: string) => relative(process.cwd(), `${root}/${path}`);
        const { problems, posts, valid, mathCharacters } = checkContent(root, display);
        // The math font of exactly what the formulas draw, for src/styles/math.css.
        const fontPath = await writeMathFont(fileURLToPath(new URL('math-font/', config.cacheDir)), mathCharacters);
        updateConfig({ vite: { resolve: { alias: { [MATH_FONT_ALIAS]: fontPath } } } });
        const today = todayIn(siteConfig.timeZone, new Date());
        if (command === 'build') {
          // Nothing is dropped silently: say which posts this build leaves out, and why.
          const held = posts.flatMap((post) => {
            const reason = heldBack(post, today);
            return reason ? [`  ${post.file}: ${reason}`] : [];
          });
          if (held.length > 0) logger.info(`${held.length} post(s) held back from this build (today is ${today} in ${siteConfig.timeZone}):\n${held.join('\n')}`);
        }
        if (problems.length === 0) {
          if (command === 'build') socialImages ??= startSocialImages(valid, today, logger);
          return;
        }
        const report = formatProblems(problems);
        if (command === 'dev') {
          logger.warn(`content has ${problems.length} problem(s); a production build refuses it:\n${report}`);
          return;
        }
        const error = new Error(
          `Content check failed with ${problems.length} problem(s):\n${report}\n\nFix them, then run \`npm run check:content\`.`,
        );
        error.stack = error.message; // the report is what matters; a stack trace would bury it
        throw error;
      },
      // Every page, so every card, is rendered: the worker has nothing left worth drawing.
      'astro:build:generated': async ({ logger }) => {
        const worker = socialImages;
        socialImages = undefined;
        if (worker) await stopSocialImages(worker, logger);
      },
      'astro:build:done': async ({ logger }) => {
        const worker = socialImages; // only if generation was skipped
        socialImages = undefined;
        if (worker) await stopSocialImages(worker, logger);
        completed = true;
      },
    },
  };
}
