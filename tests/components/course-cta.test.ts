import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHtml as parse } from '../../scripts/lib/dist-audit.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import CourseCta from '../../src/components/CourseCta.astro';
import type { Course } from '../../src/lib/posts.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const course: Course = {
  id: 'ml-in-finance',
  data: {
    name: 'Professional Certificate in Machine Learning in Finance',
    pitch: 'Apply regression, classification and clustering to financial decisions.',
    ctaHeading: 'Bring machine learning to your financial decisions',
    benefits: ['boost your salary', 'expand your networking opportunities'],
    enrolUrl: 'https://www.lsbr.example/courses/ml-in-finance',
    publisher: 'lsbr-uk',
  },
  publisher: { id: 'lsbr-uk', data: { name: 'LSBR UK - Executive Education' } },
};

describe('CourseCta', () => {
  test("renders the course's own heading, benefits and enrolment line", async () => {
    const html = parse(await container.renderToString(CourseCta, { props: { course } }));
    const heading = html.querySelector('h2');
    expect(heading?.text).toBe(course.data.ctaHeading);
    expect(html.querySelector('aside')?.getAttribute('aria-labelledby')).toBe(heading?.id);
    expect(html.querySelectorAll('li').map((li) => li.text.trim())).toEqual(course.data.benefits);
    expect(html.text).toContain('This course helps you to:');
    expect(html.text).toContain('Enrol now in the Professional Certificate in Machine Learning in Finance.');
  });

  test('links the Enrol Now button to the https enrolment page, with a name that says which course', async () => {
    const html = parse(await container.renderToString(CourseCta, { props: { course } }));
    const button = html.querySelector('a[data-enrol]');
    expect(button?.getAttribute('href')).toBe('https://www.lsbr.example/courses/ml-in-finance');
    expect(button?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(button?.text.replace(/\s+/g, ' ').trim()).toBe(
      'Enrol Now in the Professional Certificate in Machine Learning in Finance',
    );
  });
});
