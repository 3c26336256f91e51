// Social images in `astro dev` (src/integrations/social-cards.ts injects this route there; a
// build writes the same cards into dist/og/ after the pages instead): one 1200×630 PNG per
// article and "default" for every other page, from the same cache as the build.
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
