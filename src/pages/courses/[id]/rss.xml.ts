// One feed per course: the articles that lead to it, newest first, with full bodies.
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleFeed } from '~/lib/article-feed';
import { withCacheKeys } from '~/lib/cache-key';
import { getSiteContent } from '~/lib/collections';
import { siteConfig } from '~/site.config';

export const getStaticPaths = (async () => {
  const { courses, index } = await getSiteContent();
  return withCacheKeys(
    [...courses.values()].map((course) => ({
      params: { id: course.id },
      props: { course, articles: index.byCourse.get(course.id) ?? [] },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { course, articles } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return articleFeed({
    title: `${course.data.name}: articles from the ${siteConfig.shortName}`,
    description: course.data.pitch,
    site: site!,
    articles,
  });
};
