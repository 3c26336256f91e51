/**
 * JSON-LD for search engines (schema.org): BlogPosting, Course and BreadcrumbList. Pure: URLs and
 * names come in as arguments. `jsonLdScript` makes the JSON safe inside a <script> element.
 */
import type { Article, Author, Course } from './posts.ts';

type Json = Record<string, unknown>;

/** schema.org Organization for a publisher name. */
export function organisation(name: string, url: string, logo?: string): Json {
  return { '@type': 'Organization', name, url, ...(logo ? { logo: { '@type': 'ImageObject', url: logo } } : {}) };
}

/** BlogPosting for an article page. */
export function blogPosting(
  article: Article,
  urls: { page: string; author: string; image: string; site: string; logo: string },
): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: article.data.title,
    description: article.data.description,
    datePublished: article.data.date,
    dateModified: article.data.updated ?? article.data.date,
    url: urls.page,
    mainEntityOfPage: { '@type': 'WebPage', '@id': urls.page },
    image: { '@type': 'ImageObject', url: urls.image, width: 1200, height: 630 },
    author: personOf(article.author, urls.author),
    publisher: organisation(article.course.publisher.data.name, urls.site, urls.logo),
    keywords: article.data.topics.join(', '),
    about: { '@type': 'Course', name: article.course.data.name },
  };
}

/** schema.org Person for an author. */
export function personOf(author: Author, url: string): Json {
  return {
    '@type': 'Person',
    name: author.data.name,
    jobTitle: author.data.role,
    url,
    ...(author.data.links.length ? { sameAs: author.data.links.map((l) => l.url) } : {}),
  };
}

/** Course for a course page. */
export function courseLd(course: Course, urls: { page: string; site: string }): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.data.name,
    description: course.data.pitch,
    url: urls.page,
    provider: organisation(course.publisher.data.name, urls.site),
    offers: { '@type': 'Offer', url: course.data.enrolUrl, category: 'Paid' },
    hasCourseInstance: { '@type': 'CourseInstance', courseMode: 'Online', url: course.data.enrolUrl },
  };
}

/** BreadcrumbList from [name, absolute URL] pairs, home first. */
export function breadcrumbs(trail: ReadonlyArray<readonly [string, string]>): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map(([name, item], i) => ({ '@type': 'ListItem', position: i + 1, name, item })),
  };
}

/** JSON for a <script type="application/ld+json">, with "<" escaped so no text can close the element. */
export function jsonLdScript(data: Json | Json[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
