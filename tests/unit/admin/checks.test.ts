// The editor's form shows the schemas' own messages, for a value and for rules between fields.
import { describe, expect, test } from 'vitest';
import { checkValue } from '../../../src/admin/checks.ts';
import { postSchema } from '../../../src/schemas/post.ts';

const post = {
  title: 'A title',
  description: 'A description long enough for a card.',
  date: '2025-06-06',
  author: 'david-chen',
  course: 'ml-in-finance',
  views: 0,
  topics: ['finance'],
};
/** The schema's own message for a post with `change`, at `field`. */
const schemaSays = (change: Record<string, unknown>, field: string) =>
  postSchema.safeParse({ ...post, ...change }).error?.issues.find((i) => i.path[0] === field)?.message;

describe('a field of an entry', () => {
  test.each([
    ['posts.title', 'x'.repeat(141)],
    ['posts.description', 'Too short'],
    ['posts.topics', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']],
  ])('%s gets the schema’s message', (check, value) => {
    const field = check.split('.')[1]!;
    const message = checkValue(check, value, post);
    expect(message).toBe(schemaSays({ [field]: value }, field));
    expect(message).toMatch(new RegExp(`^${field}`));
  });

  test('updated before date gets the rule between the two fields', () => {
    expect(checkValue('posts.updated', '2025-01-01', post)).toBe(
      'updated is earlier than date (set it to the day of the revision, on or after date)',
    );
    expect(checkValue('posts.updated', '2025-07-01', post)).toBeUndefined();
  });

  test('other fields’ problems, the body and the editor’s own keys are not this field’s', () => {
    expect(
      checkValue('posts.title', 'Fine', {
        ...post,
        description: 'short',
        body: 'Text',
        _original: '---',
        components: undefined,
      }),
    ).toBeUndefined();
  });

  test('an empty value is left to the form’s "required" check', () => {
    expect(checkValue('posts.title', '', post)).toBeUndefined();
    expect(checkValue('posts.updated', '', post)).toBeUndefined();
  });
});

describe('an item of a list', () => {
  test.each([
    ['posts.topics.*', '!!!', /has no letter or digit/],
    ['posts.topics.*', 'x'.repeat(41), /topic is too long/],
    ['courses.benefits.*', 'x'.repeat(121), /benefit is too long/],
    ['authors.links.*.url', 'http://example.com/', /url must be an https:\/\/ address/],
    ['authors.links.*.label', 'x'.repeat(41), /label is too long/],
  ])('%s %j gets the schema’s message', (check, value, message) => {
    expect(checkValue(check, value)).toMatch(message);
  });

  test('a good item passes', () => {
    expect(checkValue('posts.topics.*', 'time series')).toBeUndefined();
    expect(checkValue('authors.links.*.url', 'https://www.linkedin.com/in/jane')).toBeUndefined();
  });
});

test('an unknown collection or field checks nothing', () => {
  expect(checkValue('nothing.title', 'x')).toBeUndefined();
  expect(checkValue('posts.nothing.*', 'x')).toBeUndefined();
});
