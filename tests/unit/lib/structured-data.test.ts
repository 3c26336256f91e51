// JSON-LD (schema.org) from the site's data: the fields search engines read, and safe inside <script>.
import { describe, expect, test } from 'vitest';
import type { Article, Author, Course } from '../../../src/lib/posts.ts';
import {
  blogPosting,
  breadcrumbs,
  courseLd,
  jsonLdScript,
  organisation,
  personOf,
} from '../../../src/lib/structured-data.ts';
import type { PostData } from '../../../src/schemas/post.ts';

const author: Author = {
  id: 'ada',
  data: {
    name: 'Ada Lovelace',
    role: 'Analyst',
    bio: 'Writes about engines.',
    links: [{ label: 'Site', url: 'https://ada.example/' }],
  },
};
const course: Course = {
  id: 'ml',
  data: {
    name: 'Certificate in ML',
    pitch: 'Learn ML.',
    ctaHeading: 'Go',
    benefits: ['a'],
    enrolUrl: 'https://courses.example/ml',
    publisher: 'acme',
  },
  publisher: { id: 'acme', data: { name: 'Acme Institute' } },
};
const data = {
  title: 'Gradient descent',
  description: 'Steps downhill.',
  date: '2025-03-01',
  author: 'ada',
  course: 'ml',
  views: 10,
  topics: ['optimisation', 'calculus'],
  draft: false,
} as PostData;
const article = { id: 'gd', entry: { id: 'gd', data }, data, author, course, readingMinutes: 4 } as Article;
const urls = {
  page: 'https://blog.example/posts/gd/',
  author: 'https://blog.example/authors/ada/',
  image: 'https://blog.example/og/gd.png',
  site: 'https://blog.example/',
  logo: 'https://blog.example/favicon.svg',
};

describe('blogPosting', () => {
  test('names the article, its dates, author, publisher, image and course', () => {
    expect(blogPosting(article, urls)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Gradient descent',
      description: 'Steps downhill.',
      datePublished: '2025-03-01',
      dateModified: '2025-03-01',
      url: urls.page,
      mainEntityOfPage: { '@type': 'WebPage', '@id': urls.page },
      image: { '@type': 'ImageObject', url: urls.image, width: 1200, height: 630 },
      author: {
        '@type': 'Person',
        name: 'Ada Lovelace',
        jobTitle: 'Analyst',
        url: urls.author,
        sameAs: ['https://ada.example/'],
      },
      publisher: {
        '@type': 'Organization',
        name: 'Acme Institute',
        url: urls.site,
        logo: { '@type': 'ImageObject', url: urls.logo },
      },
      keywords: 'optimisation, calculus',
      about: { '@type': 'Course', name: 'Certificate in ML' },
    });
  });

  test('an updated post is modified on the day it was updated', () => {
    const updated = { ...article, data: { ...data, updated: '2025-04-02' } };
    expect(blogPosting(updated, urls)['dateModified']).toBe('2025-04-02');
  });
});

describe('personOf, organisation, courseLd, breadcrumbs', () => {
  test('an author without links has no sameAs; an organisation without a logo has none', () => {
    expect(personOf({ ...author, data: { ...author.data, links: [] } }, urls.author)).not.toHaveProperty('sameAs');
    expect(organisation('Acme', urls.site)).toEqual({ '@type': 'Organization', name: 'Acme', url: urls.site });
  });

  test('a course offers its enrolment page and names its provider', () => {
    const ld = courseLd(course, { page: 'https://blog.example/courses/ml/', site: urls.site });
    expect(ld).toMatchObject({
      '@type': 'Course',
      name: 'Certificate in ML',
      description: 'Learn ML.',
      provider: { name: 'Acme Institute' },
      offers: { url: 'https://courses.example/ml' },
    });
  });

  test('breadcrumbs are numbered from 1, home first', () => {
    expect(
      breadcrumbs([
        ['Articles', 'https://blog.example/'],
        ['Gradient descent', urls.page],
      ])['itemListElement'],
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Articles', item: 'https://blog.example/' },
      { '@type': 'ListItem', position: 2, name: 'Gradient descent', item: urls.page },
    ]);
  });
});

describe('jsonLdScript', () => {
  test('no text can close the <script> element or break a line of JavaScript', () => {
    const json = jsonLdScript({ headline: '</script><script>alert(1)</script>', note: 'a\u2028b\u2029c' });
    expect(json).not.toContain('<');
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script>', note: 'a\u2028b\u2029c' });
  });
});
