/**
 * The editor check of post bodies (the Markdown or MDX after the frontmatter): headings, images,
 * links between pages, text that repeats what the page adds itself (call to action, disclaimer),
 * MDX expressions and components, and TeX. Each file is parsed once, by Sätteri with the build's
 * features, so code, inline code and math are skipped exactly as the build skips them.
 *
 * A post is read on its own first (its problems, heading ids and links to other posts); links
 * between posts are checked once every post has been read, so the work grows with the number of
 * posts, not its square.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toString as hastText } from 'hast-util-to-string';
import { htmlToHast, markdownToMdast, mdxToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import { mdxComponents, type ComponentSpec } from '../../components/mdx/registry.ts';
import { headingIds } from '../../markdown/heading-anchors.ts';
import { drawnCharacters, equationId, isLiteralDollars, MathError, referenceProblems, renderMath, type FormulaAt } from '../../markdown/math/index.ts';
import type { Problem } from '../index.ts';
import { fileId } from '../../lib/content-files.ts';
import { heldBack } from '../../lib/posts.ts';
import { closest, didYouMean } from '../../lib/suggest.ts';

/** A placeholder left by `npm run new`; only posts that are not drafts are held to it. */
export const UNFINISHED = /\bTODO\b/;

/** What the body check needs to know about the rest of the site. */
export interface SiteFacts {
  /** The site's origin (siteConfig.url): absolute links to it are internal. */
  siteUrl: string;
  /** The site-wide disclaimer, with `{publisher}` where the publisher's name goes. */
  disclaimer: string;
  courses: ReadonlyArray<{ id: string; name?: string | undefined; ctaHeading?: string | undefined; pitch?: string | undefined }>;
  publishers: ReadonlyArray<{ id: string; name?: string | undefined; disclaimer?: string | undefined }>;
  authors: readonly string[];
}

/** One post as the body check reads it. */
export interface PostSource {
  /** The path printed in the report. */
  file: string;
  /** The path on disk: images are looked up next to it; `.mdx` decides MDX or Markdown. */
  path: string;
  /** The whole file, frontmatter included, so that lines match the file. */
  source: string;
  /** Date and draft flag, when the frontmatter is valid. */
  publish?: { date: string; draft: boolean } | undefined;
}

/**
 * Every body problem of every post. `today` ("YYYY-MM-DD" in the site's time zone) decides
 * which linked posts are not published yet. Every character the valid formulas draw is added
 * to `drawn`, when given: the build cuts its math font to them.
 */
export function checkBodies(posts: readonly PostSource[], facts: SiteFacts, today: string, drawn?: Set<number>): Problem[] {
  const rules = compileRules(facts, drawn);
  const read = posts.map((post) => ({ post, body: readBody(post, rules) }));
  const bySlug = new Map<string, { headings: Set<string> | undefined; publish: PostSource['publish'] }>();
  for (const { post, body } of read) {
    const slug = fileId(post.path);
    // Two posts with one slug are reported by the file-name check; the first one answers here.
    if (!bySlug.has(slug)) bySlug.set(slug, { headings: body.headings && new Set(body.headings), publish: post.publish });
  }
  const slugs = [...bySlug.keys()].sort();
  const problems: Problem[] = [];
  for (const { post, body } of read) {
    for (const problem of body.problems) problems.push({ file: post.file, ...problem });
    for (const link of body.postLinks) {
      const at = { file: post.file, line: link.line, column: link.column, field: 'link' };
      const target = bySlug.get(link.slug);
      if (!target) {
        const match = closest(link.slug, slugs);
        const hint = match ? `did you mean "/posts/${match}/"?` : 'no post has a similar file name';
        problems.push({ ...at, message: `"${link.href}" matches no post in content/posts/ (${hint})` });
        continue;
      }
      const held = target.publish && heldBack(target.publish, today);
      if (held && target.publish && breaksWhenLive(post.publish, target.publish, today)) {
        const why = target.publish.draft ? 'a draft' : `a post ${held}`;
        problems.push({ ...at, message: `"${link.href}" links to ${why}, which is not published (remove the link until that post is live)` });
      }
      if (link.anchor !== undefined && target.headings && !target.headings.has(link.anchor)) {
        problems.push({ ...at, message: `"${link.href}": "#${link.anchor}" is not a heading in that post (${anchorHint(link.anchor, target.headings)})` });
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * Whether a link to an unpublished post is broken on the day the linking post goes live: always
 * for a live post; never for a draft (the check runs again when it is published); for a
 * scheduled post, when the target is a draft or due later.
 */
function breaksWhenLive(from: PostSource['publish'], to: { date: string; draft: boolean }, today: string): boolean {
  if (!from || heldBack(from, today) === undefined) return true;
  if (from.draft) return false;
  return to.draft || to.date > from.date;
}

function anchorHint(anchor: string, headings: ReadonlySet<string>): string {
  const ids = [...headings].filter(Boolean);
  if (ids.length === 0) return 'it has no headings';
  const match = closest(anchor, ids);
  return match ? `did you mean "#${match}"?` : `its headings are ${ids.slice(0, 8).map((h) => `"#${h}"`).join(', ')}${ids.length > 8 ? ' …' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Rules built once per run from the site's data

type Repeat = { field: 'call to action' | 'disclaimer'; from: string };

interface Rules {
  host: string;
  courses: string[];
  authors: string[];
  /** Whether a heading's or paragraph's text repeats the call to action or the disclaimer. */
  repeats: (text: string) => Repeat | undefined;
  /** The renderer's reason for refusing a formula, or undefined; cached, formulas repeat across posts. */
  mathError: (tex: string, display: boolean) => string | undefined;
  /** Every character the valid formulas read so far draw (the build's math font holds them). */
  mathCharacters: Set<number>;
  /** The names in a folder, or undefined when there is no such folder; cached per run. */
  listDir: (dir: string) => ReadonlySet<string> | undefined;
}

/** Lower case, letters and digits only, single spaces: "Ready to Transform Your Career?" → "ready to transform your career". */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+/).map(normalise).filter(Boolean);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What the old site had editors paste above the page's own call to action: a sentence that
// starts with one of these is a pasted call to action.
const CTA_OPENINGS = ['ready to transform your career', 'ready to take the next step', 'enrol now', 'enroll now'];
// Pieces of the old pasted disclaimer. A strong one is a disclaimer on its own; a weak one
// ("at your own risk") is ordinary prose unless another piece comes with it.
const STRONG_DISCLAIMER = ['the views expressed in this article', 'for educational purposes only', 'accepts no liability', 'do not necessarily reflect the views of'];
const WEAK_DISCLAIMER = ['at your own risk', 'no liability', 'no guarantee'];

function compileRules(facts: SiteFacts, mathCharacters = new Set<number>()): Rules {
  const ctaSentences = new Map<string, string>();
  for (const course of facts.courses) {
    for (const text of [course.ctaHeading, course.pitch]) {
      if (text) ctaSentences.set(normalise(text), `content/courses/${course.id}.yaml`);
    }
  }
  // Every sentence of every disclaimer; `{publisher}` (and, in a publisher's own text, its name)
  // may be any text, so a disclaimer pasted from another publisher still matches.
  const disclaimers: Array<{ pattern: RegExp; first: string; from: string }> = [];
  const addDisclaimer = (text: string, from: string, name?: string) => {
    const template = name ? text.replaceAll(name, '{publisher}') : text;
    for (const sentence of template.split(/(?<=[.!?])\s+/)) {
      const parts = sentence.split('{publisher}').map(normalise);
      if (parts.join(' ').split(' ').length < 5) continue; // too short to tell from prose
      disclaimers.push({ pattern: new RegExp(parts.map(escapeRegExp).join('.*')), first: parts.find(Boolean) ?? '', from });
    }
  };
  addDisclaimer(facts.disclaimer, 'src/site.config.ts');
  for (const publisher of facts.publishers) {
    if (publisher.disclaimer) addDisclaimer(publisher.disclaimer, `content/publishers/${publisher.id}.yaml`, publisher.name);
  }

  // Most paragraphs share no words with any of these; one test of the whole paragraph against
  // every phrase lets them through without splitting them into sentences.
  const phrases = [...ctaSentences.keys(), ...CTA_OPENINGS, 'disclaimer', ...STRONG_DISCLAIMER, ...WEAK_DISCLAIMER, ...disclaimers.map((d) => d.first)];
  const mention = new RegExp(phrases.filter(Boolean).map(escapeRegExp).join('|'));

  const repeats = (text: string): Repeat | undefined => {
    const whole = ` ${normalise(text)} `;
    if (!mention.test(whole)) return undefined;
    for (const sentence of sentences(text)) {
      const course = ctaSentences.get(sentence);
      if (course) return { field: 'call to action', from: course };
      if (CTA_OPENINGS.some((opening) => sentence === opening || sentence.startsWith(`${opening} `))) {
        return { field: 'call to action', from: "the post's course" };
      }
      if (sentence === 'disclaimer' || sentence.startsWith('disclaimer ')) return { field: 'disclaimer', from: 'src/site.config.ts' };
      const pasted = disclaimers.find((d) => d.pattern.test(sentence));
      if (pasted) return { field: 'disclaimer', from: pasted.from };
    }
    const has = (phrase: string) => whole.includes(` ${phrase} `);
    if (STRONG_DISCLAIMER.some(has) || WEAK_DISCLAIMER.filter(has).length >= 2) return { field: 'disclaimer', from: 'src/site.config.ts' };
    return undefined;
  };

  const maths = new Map<string, string | undefined>();
  const mathError = (tex: string, display: boolean) => {
    const key = `${display ? 'D' : 'I'}${tex}`;
    if (maths.has(key)) return maths.get(key);
    let reason: string | undefined;
    try {
      const { html } = renderMath(tex, display); // as the build renders it (astro.config.mjs)
      for (const code of drawnCharacters(html)) mathCharacters.add(code);
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      reason = error.reason;
    }
    maths.set(key, reason);
    return reason;
  };

  const dirs = new Map<string, ReadonlySet<string> | undefined>();
  const listDir = (dir: string) => {
    if (!dirs.has(dir)) {
      let names: ReadonlySet<string> | undefined;
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = undefined;
      }
      dirs.set(dir, names);
    }
    return dirs.get(dir);
  };

  return {
    host: new URL(facts.siteUrl).host,
    courses: facts.courses.map((c) => c.id).sort(),
    authors: [...facts.authors].sort(),
    repeats,
    mathError,
    mathCharacters,
    listDir,
  };
}

// ---------------------------------------------------------------------------------------------
// One post

/**
 * The fields of Sätteri's mdast nodes that this check reads, as one loose shape: the check walks
 * every node type, including MDX's, and narrows by `type` itself.
 */
interface MdNode {
  type: string;
  position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } } | undefined;
  children?: MdNode[];
  value?: string | null;
  depth?: number;
  url?: string;
  alt?: string | null;
  identifier?: string;
  name?: string | null;
  attributes?: JsxAttribute[];
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

type BodyProblem = Omit<Problem, 'file'>;
type At = { line: number; column: number };

interface PostLink extends At {
  href: string;
  slug: string;
  anchor?: string | undefined;
}

interface Body {
  problems: BodyProblem[];
  /** Heading ids, as the build gives them; undefined when the file could not be parsed. */
  headings: string[] | undefined;
  /** Links to other posts, checked once every post is read. */
  postLinks: PostLink[];
}

const componentNames = Object.keys(mdxComponents);
const isComment = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').trim() === '';
const short = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
const decode = (text: string) => {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Checks one post on its own; a parse failure of MDX is its only problem. */
function readBody(post: PostSource, rules: Rules): Body {
  const { source, path } = post;
  const mdx = path.endsWith('.mdx');
  const problems: BodyProblem[] = [];
  let tree: MdNode;
  try {
    const parse = mdx ? mdxToMdast : markdownToMdast;
    tree = parse(source, { features: { math: true } }) as unknown as MdNode;
  } catch (error) {
    return { problems: [parseFailure(error)], headings: undefined, postLinks: [] };
  }

  const slug = fileId(path);
  const base = `https://${rules.host}/posts/${encodeURIComponent(slug)}/`;
  const headings: string[] = [];
  const postLinks: PostLink[] = [];
  const ownAnchors: Array<{ at: At; href: string; anchor: string }> = [];
  const definitions = new Map<string, string>();
  const references: MdNode[] = [];
  const headingId = headingIds(); // as src/markdown/heading-anchors.ts numbers them
  const formulas: FormulaAt[] = [];
  let previousDepth = 1; // the title is the page's h1
  let sawHeading = false;

  /** Line and column of `offset`, counted from `node`, whose start Sätteri gives. */
  const atOffset = (node: MdNode, offset: number): At => {
    const start = node.position?.start;
    if (start?.offset === undefined || offset < start.offset) return at(node);
    let line = start.line;
    for (let i = source.indexOf('\n', start.offset); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
    return { line, column: offset - (source.lastIndexOf('\n', offset - 1) + 1) + 1 };
  };
  const atSource = (offset: number): At => {
    const before = source.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  const at = (node: MdNode): At => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const report = (where: At, field: string, message: string) => problems.push({ line: where.line, column: where.column, field, message });

  // Math inside a heading: the build's heading ids are taken after the math plugin has swapped
  // the TeX for MathML, so the id holds the MathML's text (e.g. "the-αalpha-value").
  const headingMath = (node: MdNode): string => {
    const written = slice(node);
    if (written !== undefined && isLiteralDollars(written, source[node.position?.end.offset ?? 0])) return written;
    try {
      return hastText(htmlToHast(renderMath(node.value ?? '', false).html, { fragment: true }));
    } catch {
      return node.value ?? '';
    }
  };
  const slice = (node: MdNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : source.slice(start, end);
  };

  const checkRepeats = (node: MdNode, text: string) => {
    const found = rules.repeats(text);
    if (!found) return;
    const what = found.field === 'disclaimer' ? 'the disclaimer that the page adds under every article' : 'the call to action that the page adds after every article';
    report(at(node), found.field, `"${short(text)}" repeats ${what} (from ${found.from}); delete it`);
  };

  const checkHeading = (node: MdNode) => {
    const depth = node.depth ?? 2;
    headings.push(headingId(textOf(node, headingMath)));
    const text = textOf(node, (math) => `$${math.value ?? ''}$`); // as the editor wrote it
    const written = `"${'#'.repeat(depth)} ${short(text, 40)}"`;
    if (depth === 1) {
      report(at(node), 'heading', `${written} is a level-1 heading, but the title is the page's only one (write "## ${short(text, 40)}")`);
    } else if (depth > previousDepth + 1) {
      const fix = `write "${'#'.repeat(previousDepth + 1)} ${short(text, 40)}"`;
      report(
        at(node),
        'heading',
        sawHeading
          ? `${written} skips a level after a level-${previousDepth} heading (${fix}, or add the missing level above it)`
          : `${written} is the first heading but level ${depth} (${fix}: sections start at "##")`,
      );
    }
    previousDepth = depth;
    sawHeading = true;
    checkRepeats(node, text);
  };

  // Links: only the site's own pages are checked; other hosts, mailto: and tel: are left alone.
  const checkLink = (href: string | undefined, where: At) => {
    if (!href) return;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.host !== rules.host) return;
    const [, section, id, ...rest] = url.pathname.split('/').map(decode);
    if (!section || !id || rest.length > 1 || (rest.length === 1 && rest[0] !== '')) return;
    if (!['posts', 'courses', 'authors'].includes(section)) return;
    if (rest.length === 0) report(where, 'link', `"${href}" needs a slash at the end: "/${section}/${id}/" (every address on the site ends in /)`);
    const anchor = url.hash ? decode(url.hash.slice(1)) : undefined;
    if (section === 'posts') {
      if (id === slug) {
        if (anchor) ownAnchors.push({ at: where, href, anchor });
      } else {
        postLinks.push({ ...where, href, slug: id, anchor: anchor || undefined });
      }
      return;
    }
    const valid = section === 'courses' ? rules.courses : rules.authors;
    if (!valid.includes(id)) {
      const match = closest(id, valid);
      const hint = match ? `did you mean "/${section}/${match}/"?` : didYouMean(id, valid);
      report(where, 'link', `"${href}" matches no file in content/${section}/ (${hint})`);
    }
  };

  // A local image must exist next to the post; `/…` is served from public/ and a URL is remote.
  const missingFile = (src: string): string | undefined => {
    const file = decode(src.split(/[?#]/)[0] ?? '');
    const full = join(dirname(path), file);
    const names = rules.listDir(dirname(full));
    if (names?.has(basename(full))) return undefined;
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    if (!names) return `there is no folder "${folder}" next to the post`;
    const match = closest(basename(full), [...names]);
    return match ? `did you mean "${folder}${match}"?` : `no file in "${folder || './'}" has a similar name`;
  };
  const isRemote = (src: string) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
  const isFileName = (alt: string, src: string) => {
    const name = basename(decode(src.split(/[?#]/)[0] ?? '')).toLowerCase();
    const text = alt.trim().toLowerCase();
    return text === name || text === name.replace(/\.[^.]+$/, '') || /^[\w-]+\.(png|jpe?g|gif|webp|avif|svg)$/.test(text);
  };
  const checkImage = (src: string | undefined, alt: string | null | undefined, where: At, syntax: 'markdown' | 'html') => {
    const fix = syntax === 'markdown' ? `![what the image shows](${src ?? '…'})` : 'alt="what the image shows"';
    if (!alt?.trim()) report(where, 'image', `image ${src ? `"${src}" ` : ''}has no alt text (describe it for readers who cannot see it: ${fix})`);
    else if (src && isFileName(alt, src)) report(where, 'image', `alt text "${alt}" is only the file name (describe what the image shows: ${fix})`);
    if (!src || isRemote(src) || src.startsWith('/')) return;
    const missing = missingFile(src);
    if (missing) report(where, 'image', `image "${src}" does not exist (${missing})`);
  };

  const checkExpression = (node: MdNode) => {
    const code = node.value ?? '';
    if (isComment(code)) return;
    report(at(node), 'mdx', `{${short(code, 40)}} is run as JavaScript in MDX, and an unknown name breaks the build (for literal braces write \\{ and \\}, or put it in \`code\` or $math$)`);
  };

  const checkMath = (node: MdNode, display: boolean) => {
    const written = slice(node);
    if (!display && written !== undefined && isLiteralDollars(written, source[node.position?.end.offset ?? 0])) return;
    const tex = node.value ?? '';
    formulas.push({ tex, display, offset: node.position?.start.offset ?? 0 });
    const reason = rules.mathError(tex, display);
    if (reason) report(at(node), 'math', `invalid TeX "${tex}": ${reason}`);
  };

  // Raw HTML in a .md post: <img> and <a> are checked like Markdown images and links, and a
  // component name means the editor expected MDX.
  const checkHtml = (node: MdNode) => {
    const html = node.value ?? '';
    const where = at(node);
    const component = /^<([A-Z][\w.]*)/.exec(html);
    if (component) report(where, 'component', `<${component[1]}> only works in .mdx posts (rename the file to .mdx, or write plain Markdown)`);
    if (!/<(img|a)\b/i.test(html)) return;
    const lower = html.toLowerCase();
    let searchFrom = 0;
    const position = (tag: string): At => {
      const index = lower.indexOf(`<${tag}`, searchFrom);
      if (index < 0 || node.position?.start.offset === undefined) return where;
      searchFrom = index + 1;
      return atOffset(node, node.position.start.offset + index);
    };
    visit(htmlToHast(html, { fragment: true }), 'element', (element) => {
      const property = (name: string) => {
        const value = element.properties[name];
        return typeof value === 'string' ? value : undefined;
      };
      if (element.tagName === 'img') checkImage(property('src'), property('alt'), position('img'), 'html');
      if (element.tagName === 'a') checkLink(property('href'), position('a'));
    });
  };

  // Components: the registry in src/components/mdx/registry.ts is the only list.
  const imported = mdx ? importedNames(tree) : new Set<string>();
  const checkJsx = (node: MdNode) => {
    const name = node.name;
    if (!name) return; // a fragment <>…</>
    const attributes = node.attributes ?? [];
    const offsets = attributeOffsets(source, node.position?.start.offset);
    const attributeAt = (index: number): At => {
      const offset = offsets.length === attributes.length ? offsets[index] : undefined;
      return offset === undefined ? at(node) : atOffset(node, offset);
    };
    const text = (attributeName: string) => {
      const index = attributes.findIndex((a) => a.type === 'mdxJsxAttribute' && a.name === attributeName);
      const attribute = attributes[index];
      if (!attribute) return { index, present: false, value: undefined };
      return { index, present: true, value: stringValue(attribute.value) };
    };
    if (name === 'img') {
      const src = text('src');
      const alt = text('alt');
      // An alt written as JavaScript cannot be read here, so it only counts as present.
      checkImage(src.value, alt.present ? (alt.value ?? '{…}') : undefined, at(node), 'html');
      return;
    }
    if (name === 'a') {
      checkLink(text('href').value, at(node));
      return;
    }
    if (!/^[A-Z]/.test(name) || imported.has(name.split('.')[0] ?? name)) return;
    const spec = (mdxComponents as Record<string, ComponentSpec>)[name];
    if (!spec) {
      report(at(node), 'component', `<${name}> is not a component posts can use (${didYouMean(name, componentNames)})`);
      return;
    }
    const props = Object.keys(spec.props);
    attributes.forEach((attribute, index) => {
      const where = attributeAt(index);
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        report(where, 'component', `<${name} {…}> cannot be checked: write each prop as name="value" (${props.join(', ')})`);
        return;
      }
      const prop = spec.props[attribute.name];
      if (!prop) {
        report(where, 'component', `<${name}> has no prop "${attribute.name}" (${didYouMean(attribute.name, props)})`);
        return;
      }
      const value = stringValue(attribute.value);
      if (attribute.value === null || attribute.value === undefined) {
        report(where, 'component', `<${name} ${attribute.name}> needs a value: ${attribute.name}="…" (${prop.description})`);
      } else if (value === undefined) {
        report(where, 'component', `<${name} ${attribute.name}={…}> is JavaScript; write plain text in quotes: ${attribute.name}="…"`);
      } else if (prop.values && !prop.values.includes(value)) {
        report(where, 'component', `<${name} ${attribute.name}="${value}"> is not allowed (${didYouMean(value, prop.values)})`);
      }
    });
    for (const [propName, prop] of Object.entries(spec.props)) {
      if (prop.required && !text(propName).present) {
        report(at(node), 'component', `<${name}> needs ${propName}="…" (${prop.description})`);
      }
    }
    const filled = hasContent(node.children ?? []);
    if (spec.children === 'required' && !filled) {
      report(at(node), 'component', `<${name}> is empty (write its content between <${name}> and </${name}>)`);
    } else if (spec.children === 'none' && filled) {
      report(at(node), 'component', `<${name}> takes no content between tags (write it as <${name} … />)`);
    }
    // Props the registry gives a kind: an image next to the post, and its description.
    const image = Object.keys(spec.props).find((propName) => spec.props[propName]?.kind === 'local-image');
    for (const [propName, prop] of Object.entries(spec.props)) {
      const { index, value } = text(propName);
      if (value === undefined) continue;
      const where = attributeAt(index);
      if (prop.kind === 'local-image') {
        if (isRemote(value) || value.startsWith('/')) {
          report(where, 'component', `<${name} ${propName}="${value}"> must be an image file next to the post, e.g. "./images/chart.png"`);
        } else if (value) {
          const missing = missingFile(value);
          if (missing) report(where, 'component', `<${name} ${propName}="${value}">: the file does not exist (${missing})`);
        }
      } else if (prop.kind === 'alt-text') {
        const src = image === undefined ? undefined : text(image).value;
        if (!value.trim()) {
          report(where, 'component', `<${name} ${propName}=""> is empty (describe what the image shows, for readers who cannot see it)`);
        } else if (src && isFileName(value, src)) {
          report(where, 'component', `<${name} ${propName}="${value}"> is only the file name (describe what the image shows)`);
        }
      }
    }
  };

  const walk = (node: MdNode): void => {
    switch (node.type) {
      case 'yaml':
      case 'toml':
      case 'code':
      case 'inlineCode':
      case 'mdxjsEsm':
        return;
      case 'text':
        if (post.publish && !post.publish.draft && UNFINISHED.test(node.value ?? '')) {
          report(at(node), 'unfinished', 'a TODO placeholder is left in the text (finish this part, or keep draft: true until it is ready)');
        }
        return;
      case 'heading':
        checkHeading(node);
        break;
      case 'paragraph':
        checkRepeats(node, textOf(node, (math) => math.value ?? ''));
        break;
      case 'link':
        checkLink(node.url, at(node));
        break;
      case 'image':
        checkImage(node.url, node.alt, at(node), 'markdown');
        return;
      case 'definition':
        if (node.identifier && node.url !== undefined) definitions.set(node.identifier, node.url);
        return;
      case 'linkReference':
      case 'imageReference':
        references.push(node);
        break;
      case 'html':
        checkHtml(node);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsx(node);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        checkExpression(node);
        return;
      case 'math':
      case 'inlineMath':
        checkMath(node, node.type === 'math');
        return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);

  for (const reference of references) {
    const url = reference.identifier === undefined ? undefined : definitions.get(reference.identifier);
    if (url === undefined) continue; // without a definition it is plain text
    if (reference.type === 'imageReference') checkImage(url, reference.alt, at(reference), 'markdown');
    else checkLink(url, at(reference));
  }
  // Equations: a \label names a link target (#eq-…), and every \eqref must name one.
  for (const problem of referenceProblems(formulas, source)) report(atSource(problem.offset), 'math', problem.message);
  const ids = new Set(headings);
  for (const { tex, display } of formulas) {
    if (display) for (const match of tex.matchAll(/\\label\s*\{([^{}]*)\}/g)) ids.add(equationId(match[1]!.trim()));
  }
  for (const { at: where, href, anchor } of ownAnchors) {
    if (!ids.has(anchor)) report(where, 'link', `"${href}" is not a heading in this post (${anchorHint(anchor, ids)})`);
  }
  return { problems, headings, postLinks };
}

/**
 * A node's text as the build's heading ids see it: text, inline code, math (via `math`) and, as
 * Sätteri's textContent has it, the source of MDX expressions, comments included.
 */
function textOf(node: MdNode, math: (node: MdNode) => string): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'mdxTextExpression') return node.value ?? '';
  if (node.type === 'inlineMath') return math(node);
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map((child) => textOf(child, math)).join('');
}

/** Whether a component's children hold anything a reader would see (a comment does not count). */
function hasContent(children: readonly MdNode[]): boolean {
  return children.some((child) => {
    if (child.type === 'text') return (child.value ?? '').trim() !== '';
    if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') return !isComment(child.value ?? '');
    if (child.type === 'paragraph') return hasContent(child.children ?? []);
    return true;
  });
}

/** A prop's text: a quoted value, or an expression that is only a string literal ({"tip"}). */
function stringValue(value: JsxAttribute['value']): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  const literal = /^\s*(["'`])((?:(?!\1)[^\\$]|\\.)*)\1\s*$/s.exec(value.value);
  return literal ? literal[2] : undefined;
}

/** Names that `import`/`export` lines of an MDX file define: those components are the author's own. */
function importedNames(tree: MdNode): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm') continue;
    const code = node.value ?? '';
    for (const match of code.matchAll(/\bimport\s+([\s\S]*?)\s+from\b/g)) {
      for (const name of (match[1] ?? '').replace(/[{}*]/g, ',').split(',')) {
        const local = name.trim().split(/\s+/).pop(); // "X", "X as Y", "as Y" (after "* ")
        if (local) names.add(local);
      }
    }
    for (const match of code.matchAll(/\bexport\s+(?:const|let|var|function|class)\s+([\w$]+)/g)) names.add(match[1] ?? '');
  }
  return names;
}

/**
 * Where each attribute of a JSX opening tag starts, in order (Sätteri gives attributes no
 * position). Skips quoted values and `{…}` so that text inside them is not read as a name.
 */
function attributeOffsets(source: string, start: number | undefined): number[] {
  if (start === undefined || source[start] !== '<') return [];
  const offsets: number[] = [];
  const space = /\s/;
  let i = start + 1;
  while (i < source.length && /[\w.:$-]/.test(source[i]!)) i++;
  while (i < source.length) {
    while (i < source.length && space.test(source[i]!)) i++;
    const char = source[i];
    if (char === undefined || char === '>' || char === '/') break;
    offsets.push(i);
    if (char === '{') {
      i = skipBraces(source, i);
      continue;
    }
    while (i < source.length && !/[\s=/>{]/.test(source[i]!)) i++;
    while (i < source.length && space.test(source[i]!)) i++;
    if (source[i] !== '=') continue;
    i++;
    while (i < source.length && space.test(source[i]!)) i++;
    if (source[i] === '"' || source[i] === "'") {
      const end = source.indexOf(source[i]!, i + 1);
      i = end < 0 ? source.length : end + 1;
    } else if (source[i] === '{') {
      i = skipBraces(source, i);
    }
  }
  return offsets;
}

function skipBraces(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
    else if (char === '"' || char === "'" || char === '`') {
      const end = source.indexOf(char, i + 1);
      if (end < 0) return source.length;
      i = end;
    }
  }
  return source.length;
}

/** Sätteri's MDX error ("5:3: Unexpected character … (mdx-jsx:…)") as a problem where it points. */
function parseFailure(error: unknown): BodyProblem {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?: ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(text);
  const reason = (match?.[3] ?? text).trim();
  const hint = /brace|expression/i.test(reason)
    ? 'for a literal { or } write \\{ or \\}; otherwise close the brace'
    : /closing tag|opening tag/i.test(reason)
      ? 'close the component where it should end, e.g. </Callout>, or write <Figure … /> for one without content'
      : 'for a literal < write \\< or &lt;; otherwise finish the tag';
  return {
    line: Number(match?.[1] ?? 1),
    column: Number(match?.[2] ?? 1),
    field: 'mdx',
    message: `MDX cannot read this: ${reason.replace(/\.$/, '')} (${hint})`,
  };
}
