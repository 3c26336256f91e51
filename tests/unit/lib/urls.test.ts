// Links through src/lib/urls.ts: the base path added once, at the root and under a sub-path.
import { afterEach, describe, expect, test, vi } from 'vitest';

/** The module as a build with `base` would load it (BASE_URL is set by Astro from BASE_PATH). */
async function urlsUnder(base: string) {
  vi.stubEnv('BASE_URL', base);
  vi.resetModules();
  return import('../../../src/lib/urls.ts');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each([
  ['/', ''],
  ['/blog/', '/blog'],
])('with BASE_URL %j', (baseUrl, base) => {
  test('href adds the base path once; absolute adds the origin too', async () => {
    const { absolute, basePath, href } = await urlsUnder(baseUrl);
    expect(basePath).toBe(base);
    expect(href('/posts/a/')).toBe(`${base}/posts/a/`);
    expect(absolute('/posts/a/', 'https://blog.example')).toBe(`https://blog.example${base}/posts/a/`);
  });

  test('sitePath takes the base path off what the browser sees, once', async () => {
    const { sitePath } = await urlsUnder(baseUrl);
    expect(sitePath(`${base}/courses/x/`)).toBe('/courses/x/');
    expect(sitePath('/other/')).toBe('/other/');
  });

  test('routes spell each kind of page once', async () => {
    const { routes } = await urlsUnder(baseUrl);
    expect([
      routes.home(),
      routes.post('a'),
      routes.course('c'),
      routes.courseFeed('c'),
      routes.author('x'),
      routes.topic('t'),
    ]).toEqual(
      ['/', '/posts/a/', '/courses/c/', '/courses/c/rss.xml', '/authors/x/', '/topics/t/'].map(
        (path) => `${base}${path}`,
      ),
    );
  });
});
