/**
 * Content-Security-Policy and `_headers` helpers, shared by the theme script (its CSP hash), the
 * site tests (which check the built policies) and the browser tests (which serve dist/ with the
 * headers a static host would send). Pure functions: text in, data out.
 */
import { createHash } from 'node:crypto';

/** A CSP source expression for an inline script or style, e.g. "sha256-Ab3…=" (without quotes). */
export function cspHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}

/** A policy as directive name → source list, e.g. "script-src 'self'" → { 'script-src': ["'self'"] }. */
export type Policy = ReadonlyMap<string, readonly string[]>;

/** Parses a serialised policy; the first occurrence of a directive wins, as in browsers. */
export function parseCsp(policy: string): Policy {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * What a fetch directive falls back to when a policy does not set it (CSP Level 3, "directive
 * fallback list"). Directives not listed here (base-uri, form-action, frame-ancestors…) have none.
 */
const fallbacks: Record<string, readonly string[]> = {
  'script-src': ['default-src'],
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'style-src': ['default-src'],
  'style-src-elem': ['style-src', 'default-src'],
  'style-src-attr': ['style-src', 'default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
  'child-src': ['default-src'],
  'frame-src': ['child-src', 'default-src'],
  'connect-src': ['default-src'],
  'font-src': ['default-src'],
  'img-src': ['default-src'],
  'manifest-src': ['default-src'],
  'media-src': ['default-src'],
  'object-src': ['default-src'],
};

/** The sources that govern `directive` in `policy`, after fallback; undefined when nothing restricts it. */
export function effectiveSources(policy: Policy, directive: string): readonly string[] | undefined {
  for (const name of [directive, ...(fallbacks[directive] ?? [])]) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return undefined;
}

/** Source keywords that allow nothing by themselves, so a stricter policy cannot take them away. */
const keywordsAllowingNothing = new Set(["'none'", "'report-sample'"]);

/**
 * Where a second policy (`outer`, e.g. the HTTP header) would block something the page's own
 * policy (`inner`, the <meta>) allows. Both policies are enforced, so every such source would be
 * blocked: a source the page needs must be allowed by both. Returns one line per problem.
 */
export function policyConflicts(outer: Policy, inner: Policy): string[] {
  const problems: string[] = [];
  for (const name of new Set([...outer.keys(), ...inner.keys()])) {
    const allowedByOuter = effectiveSources(outer, name);
    const neededByInner = effectiveSources(inner, name)?.filter((source) => !keywordsAllowingNothing.has(source));
    if (!allowedByOuter || !neededByInner) continue;
    const blocked = neededByInner.filter((source) => !allowedByOuter.includes(source));
    if (blocked.length > 0)
      problems.push(`${name}: the header blocks ${blocked.join(' ')}, which the page's policy allows`);
  }
  return problems;
}

/** One block of a `_headers` file: a path pattern and the headers sent for matching URLs. */
export interface HeaderRule {
  path: string;
  headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/**
 * Parses the `_headers` format of Netlify and Cloudflare Pages: a line with a path pattern, then
 * indented `Name: value` lines; `#` starts a comment line. Throws on anything else, so a typo
 * fails the tests instead of being ignored by the host.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: Array<{ path: string; headers: Array<readonly [string, string]> }> = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const where = `_headers line ${index + 1}`;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`${where}: a path must start with "/": ${line}`);
      if (line.includes('*') && !line.trimEnd().endsWith('*'))
        throw new Error(`${where}: nothing may follow "*" in a path: ${line}`);
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(line);
    if (!header) throw new Error(`${where}: expected an indented "Name: value": ${line}`);
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where}: a header before any path`);
    rule.headers.push([header[1]!, header[2]!]);
  }
  return rules;
}

/**
 * Whether a rule's path pattern matches a URL path, as Netlify matches them: `*` as a whole last
 * segment matches the rest of the path (or nothing), `:name` one segment, and a trailing slash is
 * optional (netlify/build, packages/headers-parser/src/for_regexp.ts).
 */
export function ruleMatches(pattern: string, urlPath: string): boolean {
  const escape = (part: string) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const parts = pattern
    .split('/')
    .filter(Boolean)
    .map((part) => (part === '*' ? '?(.*)' : part.startsWith(':') ? '([^/]+)' : escape(part).replaceAll('*', '(.*)')));
  return new RegExp(`^/${parts.join('/')}/?$`, 'i').test(urlPath);
}

/** Each header a URL path gets, lower-cased, with every rule that sets it (hosts join repeats with ", "). */
export function headersFor(
  rules: readonly HeaderRule[],
  urlPath: string,
): Map<string, Array<{ rule: string; value: string }>> {
  const result = new Map<string, Array<{ rule: string; value: string }>>();
  for (const rule of rules) {
    if (!ruleMatches(rule.path, urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result.set(key, [...(result.get(key) ?? []), { rule: rule.path, value }]);
    }
  }
  return result;
}
