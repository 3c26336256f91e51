/**
 * Links to the site's own pages: posts, courses and authors must exist, an address ends in "/",
 * an anchor must be a heading or equation of its post, and a published post may not link to one
 * that is not live. Other sites, mailto: and tel: are left alone. Links to other posts are
 * gathered per post and checked once every post is read, so the work grows with the number of
 * posts, not its square.
 */
import { equationId } from '../../markdown/math/index.ts';
import { heldBack } from '../../lib/posts.ts';
import { fileId } from '../../lib/content-files.ts';
import { closest, didYouMean } from '../../schemas/suggest.ts';
import type { At, Problem } from '../problems.ts';
import type { NodeOf, PostCheck, PostSource, ReadPost } from './context.ts';
import { checkImage } from './images.ts';
import { decode } from './text.ts';

/** Checks a link however it is written: `[text](href)`, a reference, or an `<a>` tag. */
export function checkLink(post: PostCheck, href: string | undefined, where: At): void {
  if (!href) return;
  const { host } = post.site;
  let url: URL;
  try {
    url = new URL(href, `https://${host}/posts/${encodeURIComponent(post.slug)}/`);
  } catch {
    return;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.host !== host) return;
  const [, section, id, ...rest] = url.pathname.split('/').map(decode);
  if (!section || !id || rest.length > 1 || (rest.length === 1 && rest[0] !== '')) return;
  if (!['posts', 'courses', 'authors'].includes(section)) return;
  if (rest.length === 0)
    post.report(
      where,
      'link',
      `"${href}" needs a slash at the end: "/${section}/${id}/" (every address on the site ends in /)`,
    );
  const anchor = url.hash ? decode(url.hash.slice(1)) : undefined;
  if (section === 'posts') {
    if (id !== post.slug)
      post.links.toPosts.push({ ...where, href, slug: id, anchor: anchor === '' ? undefined : anchor });
    else if (anchor) post.links.toSelf.push({ at: where, href, anchor });
    return;
  }
  const valid = section === 'courses' ? post.site.courses : post.site.authors;
  if (!valid.includes(id)) {
    const match = closest(id, valid);
    const hint = match ? `did you mean "/${section}/${match}/"?` : didYouMean(id, valid);
    post.report(where, 'link', `"${href}" matches no file in content/${section}/ (${hint})`);
  }
}

/** A Markdown link, `[text](href)`. */
export function checkLinkNode(node: NodeOf<'link'>, post: PostCheck): void {
  checkLink(post, node.url, post.at(node));
}

/** `[name]: url`, which reference-style links and images use. */
export function collectDefinition(node: NodeOf<'definition'>, post: PostCheck): void {
  post.links.definitions.set(node.identifier, node.url);
}

/** `[text][name]` or `![alt][name]`, checked once every definition of the post is known. */
export function collectReference(node: NodeOf<'linkReference'> | NodeOf<'imageReference'>, post: PostCheck): void {
  post.links.references.push(node);
}

/** Once the post is read: each reference as the link or image its definition makes it. */
export function checkReferences(post: PostCheck): void {
  for (const reference of post.links.references) {
    const url = post.links.definitions.get(reference.identifier);
    if (url === undefined) continue; // without a definition it is plain text
    if (reference.type === 'imageReference') checkImage(post, url, reference.alt, post.at(reference), 'markdown');
    else checkLink(post, url, post.at(reference));
  }
}

/** Once the post is read: anchors in this post must be one of its headings or equations (#eq-…). */
export function checkOwnAnchors(post: PostCheck): void {
  const ids = new Set(post.headings.ids);
  for (const { tex, display } of post.formulas) {
    if (display) for (const match of tex.matchAll(/\\label\s*\{([^{}]*)\}/g)) ids.add(equationId(match[1]!.trim()));
  }
  for (const { at: where, href, anchor } of post.links.toSelf) {
    if (!ids.has(anchor))
      post.report(where, 'link', `"${href}" is not a heading in this post (${anchorHint(anchor, ids)})`);
  }
}

/**
 * Links between posts, once every post is read: to a post that does not exist, to one that is
 * not published, and to an anchor that is not a heading there. `today` ("YYYY-MM-DD" in the
 * site's time zone) decides which posts are not published yet.
 */
export function checkLinksBetweenPosts(read: readonly ReadPost[], today: string): Problem[] {
  const bySlug = new Map<string, { headings: Set<string> | undefined; publish: PostSource['publish'] }>();
  for (const { post, headings } of read) {
    const slug = fileId(post.path);
    // Two posts with one slug are reported by the file-name check; the first one answers here.
    if (!bySlug.has(slug)) bySlug.set(slug, { headings: headings && new Set(headings), publish: post.publish });
  }
  const slugs = [...bySlug.keys()].sort();
  const problems: Problem[] = [];
  for (const { post, postLinks } of read) {
    for (const link of postLinks) {
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
        problems.push({
          ...at,
          message: `"${link.href}" links to ${why}, which is not published (remove the link until that post is live)`,
        });
      }
      if (link.anchor !== undefined && target.headings && !target.headings.has(link.anchor)) {
        problems.push({
          ...at,
          message: `"${link.href}": "#${link.anchor}" is not a heading in that post (${anchorHint(link.anchor, target.headings)})`,
        });
      }
    }
  }
  return problems;
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
  return match
    ? `did you mean "#${match}"?`
    : `its headings are ${ids
        .slice(0, 8)
        .map((h) => `"#${h}"`)
        .join(', ')}${ids.length > 8 ? ' …' : ''}`;
}
