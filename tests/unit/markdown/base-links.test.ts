import { expect, test } from 'vitest';
import { withBase } from '../../../src/markdown/base-links.ts';

test.each([
  ['/posts/a/', '/blog', '/blog/posts/a/'],
  ['/posts/a/#section', '/blog', '/blog/posts/a/#section'],
  ['/blog/posts/a/', '/blog', '/blog/posts/a/'],
  ['/', '/blog', '/blog/'],
  ['//cdn.example/x', '/blog', '//cdn.example/x'],
  ['https://example.com/', '/blog', 'https://example.com/'],
  ['#section', '/blog', '#section'],
  ['./images/a.png', '/blog', './images/a.png'],
  ['/posts/a/', '', '/posts/a/'],
])('withBase(%j, %j) is %j', (path, base, expected) => {
  expect(withBase(path, base)).toBe(expected);
});
