/**
 * The social cards (/og/<slug>.png) as a build step beside the pages, not as pages: no page
 * waits for a card. Once the content check passes, src/integrations/content-guard.ts hands the
 * checked posts to {@link SocialCards.start}, which starts a worker drawing the cards on a second
 * core (src/social-cards/worker.ts) while Astro bundles and renders. When the pages are done,
 * `astro:build:done` draws whatever the worker has not reached, on this thread from the first card
 * while the worker goes on from the last, and writes every card into dist/og/ from the cache,
 * where each card is checked whole before use (src/social-cards/cache.ts).
 *
 * `astro dev` serves the same cards from an injected route (src/social-cards/endpoint.ts).
 * SOCIAL_IMAGE_PRERENDER=0, or a machine with one core, leaves all the drawing to build:done.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { socialImageCacheDir } from '../build-env.ts';
import type { CheckResult } from '../check/index.ts';
import { buildSiteContent } from '../lib/posts.ts';
import { getSocialImage } from '../social-cards/cache.ts';
import { socialCards as cardsOf, type SocialImageInput } from '../social-cards/input.ts';
import { socialImageWorkerEnabled, startSocialImageWorker, type SocialImageWorker } from '../social-cards/worker.ts';

/** The integration, and the call that gives it the checked content to draw cards for. */
export interface SocialCards {
  integration: AstroIntegration;
  /** Called by the content check of a build once it passes: the cards are known from then on. */
  start(valid: CheckResult['valid'], today: string, logger: AstroIntegrationLogger): void;
}

export function socialCards(): SocialCards {
  let cards: Array<{ slug: string; input: SocialImageInput }> | undefined;
  let worker: SocialImageWorker | undefined;

  return {
    start(valid, today, logger) {
      // The same join and order as src/lib/collections.ts, so the same posts as the pages.
      const { articles } = buildSiteContent(valid, { includeDrafts: false, today });
      cards = cardsOf(articles);
      if (!socialImageWorkerEnabled()) return;
      logger.debug(`drawing ${cards.length} social image(s) on a second core`);
      try {
        worker = startSocialImageWorker(
          cards.map((card) => card.input),
          socialImageCacheDir(),
        );
      } catch (error) {
        logger.warn(
          `social images are drawn after the pages: the worker did not start (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    },
    integration: {
      name: 'social-cards',
      hooks: {
        'astro:config:setup': ({ command, injectRoute }) => {
          if (command === 'dev')
            injectRoute({
              pattern: '/og/[slug].png',
              entrypoint: new URL('../social-cards/endpoint.ts', import.meta.url),
            });
        },
        'astro:build:done': async ({ dir, logger }) => {
          if (!cards) return;
          const cacheDir = socialImageCacheDir();
          const out = join(fileURLToPath(dir), 'og');
          await mkdir(out, { recursive: true });
          // This thread takes the cards from the first while the worker goes on from the last
          // (they meet in the middle, where at most one card is drawn twice, identically).
          let drawn = 0;
          for (const { slug, input } of cards) {
            const { png, cached } = await getSocialImage(input, cacheDir);
            if (!cached) drawn++;
            await writeFile(join(out, `${slug}.png`), png);
          }
          const summary = worker ? await worker.stop() : undefined;
          const byWorker = summary?.rendered ?? 0;
          if (summary?.error)
            logger.warn(`the social-image worker stopped early, this thread drew the rest: ${summary.error}`);
          logger.info(
            `social images: ${cards.length} written; ${byWorker} drawn on a second core, ${drawn} after the pages, ${Math.max(0, cards.length - byWorker - drawn)} from earlier builds`,
          );
          cards = undefined;
          worker = undefined;
        },
      },
    },
  };
}
