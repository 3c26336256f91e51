/**
 * Checks on a built site that no off-the-shelf checker covers in one pass: every internal link
 * and #fragment in every HTML file resolves (walking files, so orphan pages are checked too, which
 * a crawl from the home page misses), and the safety scans: no javascript:/data:/vbscript: URLs,
 * no inline event handlers, rel="noopener noreferrer" on links that leave the site, alt text and
 * dimensions on every image, nothing loaded from another origin, no style attribute.
 *
 * Ours rather than linkinator: it reads files instead of serving and crawling (the launch site
 * checks in well under a second), resolves the site's own absolute URLs (canonical, og:url) to
 * files, and reports all problems with the page they are on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** One finding: the page (as a URL path) and what is wrong. */
export interface Finding {
  page: string;
  problem: string;
}

/** A built page: its URL path and its parsed document. */
export interface Page {
  path: string;
  doc: HTMLElement;
}

/**
 * A built page's HTML as a document in which every element is an element: node-html-parser
 * keeps the content of <pre> and <noscript> as raw text by default, which hid a style attribute
 * in a code block and a link in <noscript> from every scan. Only <script> and <style> stay text.
 */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { blockTextElements: { script: true, style: true } });
}

/** Every HTML file of `dir` as a URL path ("/", "/posts/a/", "/404.html"), in order. */
export function listPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map(
      (file) =>
        `/${file
          .split('\\')
          .join('/')
          .replace(/(^|\/)index\.html$/, '$1')}`,
    )
    .sort();
}

/** Every HTML file of `dir`, parsed, keyed by URL path. */
export function readPages(dir: string): Page[] {
  return listPages(dir).map((path) => ({ path, doc: parseHtml(readFileSync(fileFor(dir, path)!, 'utf8')) }));
}

/** Every element with a style attribute, which the site's CSP (no 'unsafe-inline') would block. */
export function styleAttributes(dir: string): Finding[] {
  return readPages(dir).flatMap(({ path, doc }) =>
    doc.querySelectorAll('[style]').map((element) => ({
      page: path,
      problem: `<${element.tagName.toLowerCase()} style="${element.getAttribute('style') ?? ''}">`,
    })),
  );
}

/** The file a URL path is served from, if it exists (directory index, or the file itself). */
function fileFor(dir: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/')
    ? [join(dir, decoded, 'index.html')]
    : [join(dir, decoded), join(dir, decoded, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/** Attribute values that hold a URL, with the element they are on. */
function urlsOf(doc: HTMLElement): Array<{ tag: string; attribute: string; value: string; element: HTMLElement }> {
  const found: Array<{ tag: string; attribute: string; value: string; element: HTMLElement }> = [];
  for (const element of doc.querySelectorAll('*')) {
    for (const [attribute, value] of Object.entries(element.attributes)) {
      const name = attribute.toLowerCase();
      if (['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'cite'].includes(name)) {
        found.push({ tag: element.tagName.toLowerCase(), attribute: name, value: value.trim(), element });
      } else if (name === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) found.push({ tag: element.tagName.toLowerCase(), attribute: name, value: url, element });
        }
      } else if (name === 'content' && element.getAttribute('property')?.startsWith('og:') && /^https?:/.test(value)) {
        found.push({ tag: 'meta', attribute: name, value: value.trim(), element });
      }
    }
  }
  return found;
}

/**
 * Broken internal links and fragments in the site at `dir`, whose public origin is `siteUrl` and
 * which is served under `basePath` ("/blog", or "" at the root): a link must stay under it.
 */
export function checkLinks(dir: string, siteUrl: string, basePath = ''): Finding[] {
  const origin = new URL(siteUrl).origin;
  const pages = readPages(dir);
  // Ids of every page, keyed by its file, from the documents parsed once above.
  const ids = new Map(
    pages.map(({ path, doc }) => [
      fileFor(dir, path),
      new Set(
        doc.querySelectorAll('[id], a[name]').map((el) => el.getAttribute('id') ?? el.getAttribute('name') ?? ''),
      ),
    ]),
  );
  const findings: Finding[] = [];
  for (const { path, doc } of pages) {
    for (const { value } of urlsOf(doc)) {
      if (!value || /^(mailto|tel):/i.test(value)) continue;
      let url: URL;
      try {
        url = new URL(value, origin + basePath + path);
      } catch {
        findings.push({ page: path, problem: `unparsable URL "${value}"` });
        continue;
      }
      if (url.origin !== origin) continue;
      if (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        findings.push({ page: path, problem: `link "${value}" leaves the base path ${basePath}/` });
        continue;
      }
      const file = fileFor(dir, url.pathname.slice(basePath.length) || '/');
      if (!file) {
        findings.push({ page: path, problem: `broken link "${value}" (no file for ${url.pathname})` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !ids.get(file)?.has(fragment)) {
        findings.push({ page: path, problem: `broken fragment "${value}" (no id="${fragment}" on ${url.pathname})` });
      }
    }
  }
  return findings;
}

const RESOURCE_TAGS = new Set([
  'img',
  'script',
  'iframe',
  'source',
  'video',
  'audio',
  'embed',
  'object',
  'track',
  'input',
]);
const RESOURCE_RELS =
  /\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon|preconnect|dns-prefetch)\b/;

/** The safety scans over every HTML page of `dir`. */
export function scanPages(dir: string, siteUrl: string): Finding[] {
  const origin = new URL(siteUrl).origin;
  const findings: Finding[] = [];
  for (const { path, doc } of readPages(dir)) {
    const report = (problem: string) => findings.push({ page: path, problem });
    for (const element of doc.querySelectorAll('*')) {
      for (const attribute of Object.keys(element.attributes)) {
        if (/^on/i.test(attribute)) report(`inline event handler ${attribute} on <${element.tagName.toLowerCase()}>`);
      }
    }
    for (const { tag, attribute, value, element } of urlsOf(doc)) {
      // Browsers drop control characters inside a URL scheme ("java\u0000script:"), so the scan does too.
      // eslint-disable-next-line no-control-regex
      const compact = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (/^(javascript|data|vbscript):/.test(compact)) {
        report(`${compact.split(':')[0]}: URL in ${attribute} of <${tag}>`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(value, origin + path);
      } catch {
        continue;
      }
      const external = url.origin !== origin && /^https?:$/.test(url.protocol);
      const isResource =
        RESOURCE_TAGS.has(tag) || (tag === 'link' && RESOURCE_RELS.test(element.getAttribute('rel') ?? ''));
      if (external && isResource) report(`<${tag}> loads ${value} from another origin`);
      if (external && tag === 'a') {
        const rel = new Set((element.getAttribute('rel') ?? '').split(/\s+/));
        if (!rel.has('noopener') || !rel.has('noreferrer'))
          report(`external link ${value} lacks rel="noopener noreferrer"`);
      }
    }
    for (const img of doc.querySelectorAll('img')) {
      const name = img.getAttribute('src') ?? '(no src)';
      if (img.getAttribute('alt') === undefined) report(`<img src="${name}"> has no alt attribute`);
      if (!img.getAttribute('width') || !img.getAttribute('height'))
        report(`<img src="${name}"> lacks width and height`);
    }
  }
  return findings;
}

/** Findings as lines for a test failure message. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.page}: ${f.problem}`).join('\n');
}
