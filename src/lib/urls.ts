/**
 * Every internal link goes through here, so the site works under a base path (a GitHub Pages
 * project site is served at https://<owner>.github.io/<repository>/). Pages and components write
 * site paths such as "/posts/a/"; `href` adds the base path once, and `absolute` the origin too.
 * Astro's own URLs (paginate()'s page.url, Astro.url) already carry the base: never pass them here,
 * or the base is added twice (the bug arthelokyo/astrowind#629 shipped on page 2).
 */

/** The base path with no trailing slash: "" for a site at the root, "/blog" under /blog/. */
export const basePath = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** A site path ("/posts/a/") as a link under the base path ("/blog/posts/a/"). */
export function href(path: `/${string}`): string {
  return `${basePath}${path}`;
}

/** A site path as an absolute URL on `site` (canonical links, feeds, JSON-LD, social cards). */
export function absolute(path: `/${string}`, site: URL | string): string {
  return new URL(href(path), site).href;
}

/** A site path from a URL path the browser or Astro sees (the base path removed), for comparisons. */
export function sitePath(pathname: string): string {
  return basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}

/** Links to each kind of page, so a route's shape is written once. */
export const routes = {
  home: () => href('/'),
  post: (id: string) => href(`/posts/${id}/`),
  course: (id: string) => href(`/courses/${id}/`),
  courseFeed: (id: string) => href(`/courses/${id}/rss.xml`),
  author: (id: string) => href(`/authors/${id}/`),
  topic: (slug: string) => href(`/topics/${slug}/`),
};
