// Social images (1200×630 PNG): one per article, and "default" for every other page. Rendered at
// build time and cached by a hash of their inputs (src/social-cards/cache.ts), so a rebuild only
// renders the cards whose title, author, course or date changed. During a build most cards are
// already in the cache when a page asks: a worker draws them on a second core from the start of
// the build (src/social-cards/worker.ts, started by src/integrations/content-guard.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { socialImageCacheDir } from '~/build-env';
import { getSiteContent } from '~/lib/collections';
import { getSocialImage } from '~/social-cards/cache';
import { socialCards, type SocialImageInput } from '~/social-cards/input';

export const getStaticPaths = (async () => {
  const { articles } = await getSiteContent();
  return socialCards(articles).map(({ slug, input }) => ({ params: { slug }, props: { input } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { png } = await getSocialImage((props as { input: SocialImageInput }).input, socialImageCacheDir());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
