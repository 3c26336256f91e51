// Social images (1200×630 PNG): one per article, and "default" for every other page. Rendered at
// build time and cached by a hash of their inputs (src/lib/social-image.ts), so a rebuild only
// renders the cards whose title, author, course or date changed.
import type { APIRoute, GetStaticPaths } from 'astro';
import { socialImageCacheDir } from '~/lib/content-files';
import { getSiteContent } from '~/lib/collections';
import { formatDate } from '~/lib/dates';
import { getSocialImage, type SocialImageInput } from '~/lib/social-image';
import { siteConfig } from '~/site.config';

const site = { siteName: siteConfig.shortName, organisation: siteConfig.organisation };

export const getStaticPaths = (async () => {
  const { articles } = await getSiteContent();
  const cards: Array<{ params: { slug: string }; props: { input: SocialImageInput } }> = articles.map((article) => ({
    params: { slug: article.id },
    props: {
      input: {
        ...site,
        title: article.data.title,
        author: article.author.data.name,
        course: article.course.data.name,
        date: formatDate(article.data.date, siteConfig.lang),
      },
    },
  }));
  cards.push({ params: { slug: 'default' }, props: { input: { ...site, title: siteConfig.tagline, author: siteConfig.name, course: 'Articles · Courses · Topics', date: '' } } });
  return cards;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { png } = await getSocialImage((props as { input: SocialImageInput }).input, socialImageCacheDir());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
