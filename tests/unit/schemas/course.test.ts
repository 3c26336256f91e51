import { describe, expect, test } from 'vitest';
import { authorSchema } from '../../../src/schemas/author.ts';
import { courseSchema } from '../../../src/schemas/course.ts';
import { publisherSchema } from '../../../src/schemas/publisher.ts';

const course = {
  name: 'Professional Certificate in Machine Learning in Finance',
  pitch: 'Apply regression and classification to credit and fraud decisions.',
  ctaHeading: 'Bring machine learning to your decisions',
  benefits: ['boost your salary'],
  enrolUrl: 'https://www.lsbr.example/courses/ml-in-finance',
  publisher: 'lsbr-uk',
};

function messages(schema: typeof courseSchema | typeof authorSchema, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : [...new Set(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))];
}

describe('courseSchema', () => {
  test('accepts a complete course', () => {
    expect(courseSchema.parse(course).enrolUrl).toBe(course.enrolUrl);
  });

  test.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://www.lsbr.example/enrol',
    'ftp://lsbr.example/x',
    'not a url',
  ])('rejects the enrol URL %s', (enrolUrl) => {
    expect(messages(courseSchema, { ...course, enrolUrl })).toEqual([
      `enrolUrl: enrolUrl must be an https:// address (got ${JSON.stringify(enrolUrl)})`,
    ]);
  });

  test('rejects an empty benefit list', () => {
    expect(messages(courseSchema, { ...course, benefits: [] })).toEqual([
      'benefits: benefits is empty (list at least one thing the course helps you do)',
    ]);
  });

  test('rejects a misspelt key with a suggestion', () => {
    expect(messages(courseSchema, { ...course, enrollUrl: course.enrolUrl })).toEqual([
      ': unknown field "enrollUrl" (did you mean "enrolUrl"?)',
    ]);
  });
});

describe('authorSchema', () => {
  test('accepts an author without avatar or links', () => {
    expect(authorSchema.parse({ name: 'Ada Lovelace', role: 'Analyst' }).links).toEqual([]);
  });

  test('rejects a profile link that is not https', () => {
    expect(
      messages(authorSchema, { name: 'Ada', role: 'Analyst', links: [{ label: 'Site', url: 'javascript:alert(1)' }] }),
    ).toEqual(['links.0.url: url must be an https:// address (got "javascript:alert(1)")']);
  });

  test('rejects an avatar outside public/', () => {
    expect(messages(authorSchema, { name: 'Ada', role: 'Analyst', avatar: 'https://cdn.example/ada.jpg' })[0]).toMatch(
      /avatar must be a path in public\//,
    );
  });
});

describe('publisherSchema', () => {
  test('requires a name', () => {
    expect(publisherSchema.safeParse({}).success).toBe(false);
  });
});

describe('courseSchema shortName', () => {
  test('is optional and, when given, kept short enough for a card label', () => {
    expect(courseSchema.parse(course).shortName).toBeUndefined();
    expect(messages(courseSchema, { ...course, shortName: 'x'.repeat(61) })).toEqual([
      'shortName: shortName is too long for a card (keep it under 60 characters)',
    ]);
  });
});
