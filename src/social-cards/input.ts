/**
 * What each social image shows: one card per published article and a "default" card for every
 * other page. The build (src/integrations/social-cards.ts), its worker (./worker.ts) and the dev
 * route (./endpoint.ts) all take their cards from here, so they agree on every cache key by
 * construction.
 */
import { formatDate } from '../lib/dates.ts';
import type { Article } from '../lib/posts.ts';
import { siteConfig } from '../site.config.ts';

/** The text of one card. */
export interface SocialImageInput {
  title: string;
  author: string;
  course: string;
  siteName: string;
  organisation: string;
  /** Already formatted, e.g. "19 July 2025". */
  date: string;
}

/** The card's size in pixels: Open Graph's 1.91:1. */
export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/** An article's card as plain data: the post's title and ISO day, its author's and course's names. */
export interface ArticleCard {
  title: string;
  /** "2025-07-19", formatted in the site's language on the card. */
  date: string;
  author: string;
  course: string;
}

const site = { siteName: siteConfig.shortName, organisation: siteConfig.organisation };

/** The card of one article. */
export function articleCardInput({ title, date, author, course }: ArticleCard): SocialImageInput {
  return { ...site, title, author, course, date: formatDate(date, siteConfig.lang) };
}

/** The card of every page that is not an article (/og/default.png). */
export function defaultCardInput(): SocialImageInput {
  return {
    ...site,
    title: siteConfig.tagline,
    author: siteConfig.name,
    course: 'Articles · Courses · Topics',
    date: '',
  };
}

/** Every card the site serves, as /og/<slug>.png: the articles in the order given, then "default". */
export function socialCards(
  articles: ReadonlyArray<Pick<Article, 'id' | 'data' | 'author' | 'course'>>,
): Array<{ slug: string; input: SocialImageInput }> {
  return [
    ...articles.map((article) => ({
      slug: article.id,
      input: articleCardInput({
        title: article.data.title,
        date: article.data.date,
        author: article.author.data.name,
        course: article.course.data.name,
      }),
    })),
    { slug: 'default', input: defaultCardInput() },
  ];
}
