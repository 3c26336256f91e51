// One feed per course: the articles that lead to it, newest first, with full bodies.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '~/lib/collections';
import { feedItem } from '~/lib/feed';
import { renderPostHtml } from '~/lib/render-html';
import { siteConfig } from '~/site.config';

export const getStaticPaths = (async () => {
  const { courses } = await getSiteContent();
  return [...courses.keys()].map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { courses, index } = await getSiteContent();
  const course = courses.get(params['id']!)!;
  const origin = site!.href;
  const articles = index.byCourse.get(course.id) ?? [];
  return rss({
    title: `${course.data.name}: articles from the ${siteConfig.shortName}`,
    description: course.data.pitch,
    site: origin,
    items: await Promise.all(articles.map(async (article) => feedItem(article, await renderPostHtml(article.entry), origin))),
    customData: `<language>${siteConfig.lang}</language>`,
    trailingSlash: true,
  });
};
