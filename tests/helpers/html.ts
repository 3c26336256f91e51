/** Reads built pages as documents, with the parser the site's scans use (scripts/lib/dist-audit.ts). */
import type { HTMLElement } from 'node-html-parser';
import { listPages, parseHtml } from '../../scripts/lib/dist-audit.ts';
import { buildDir, readBuilt } from './build.ts';

/** The parsed document of a built page, e.g. page('real', '/posts/a/'). */
export function page(build: string, urlPath: string): HTMLElement {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return parseHtml(readBuilt(build, file.replace(/^\//, '')));
}

/** Every HTML page of a build as a URL path ("/", "/posts/a/", "/404.html"). */
export function htmlPages(build: string): string[] {
  return listPages(buildDir(build));
}

/** Text with runs of white space folded, as a reader sees it. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.text ?? '').replace(/\s+/g, ' ').trim();
}
