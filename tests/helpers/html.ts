/** Reads built pages as documents, with the parser the site's scans use (scripts/lib/dist-audit.ts). */
import type { HTMLElement } from 'node-html-parser';
import { listPages, parseHtml } from '../../scripts/lib/dist-audit.ts';
import { buildDir, readBuilt } from './build.ts';

/** The parsed document of a built page, e.g. page('real', '/posts/a/'). */
export function page(build: string, urlPath: string): HTMLElement {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return parseHtml(readBuilt(build, file.replace(/^\//, '')));
}

/**
 * Every page of a build as a URL path ("/", "/posts/a/", "/404.html"): the site's pages, which
 * Astro renders. The editor's page (admin/index.html, built by Vite) is not one of them; its own
 * checks are in tests/site/admin.test.ts, and the whole-directory gates (links, safety scans,
 * Nu, style attributes, security) read it like any other file.
 */
export function htmlPages(build: string): string[] {
  return listPages(buildDir(build)).filter((path) => !path.startsWith('/admin/'));
}

/** Text with runs of white space folded, as a reader sees it. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.text ?? '').replace(/\s+/g, ' ').trim();
}
