/**
 * The editor check of post bodies (the Markdown or MDX after the frontmatter): headings, images,
 * links between pages, text that repeats what the page adds itself (call to action, disclaimer),
 * MDX expressions and components, TeX and placeholders, one module per family, dispatched by
 * the table in ./rules.ts. Each file is parsed once, by Sätteri with the build's features, so
 * code, inline code and math are skipped exactly as the build skips them.
 *
 * A post is read on its own first (its problems, heading ids and links to other posts); links
 * between posts are checked once every post has been read (./links.ts).
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { visit } from 'unist-util-visit';
import { sortProblems, type Problem } from '../problems.ts';
import { PostCheck, type PostSource, type ReadPost, type SiteFacts, type SiteRules } from './context.ts';
import { folderLister } from './images.ts';
import { checkLinksBetweenPosts } from './links.ts';
import { mathChecker } from './math.ts';
import { parseFailure } from './mdx.ts';
import { compileRepeats } from './repeats.ts';
import { afterWalk, rules, type Rule } from './rules.ts';

export type { PostSource, SiteFacts } from './context.ts';

/**
 * Every body problem of every post. `today` ("YYYY-MM-DD" in the site's time zone) decides
 * which linked posts are not published yet. Every character the valid formulas draw is added
 * to `drawn`, when given: the build cuts its math font to them.
 */
export function checkBodies(
  posts: readonly PostSource[],
  facts: SiteFacts,
  today: string,
  drawn = new Set<number>(),
): Problem[] {
  const site = compileSite(facts, drawn);
  const read = posts.map((post) => readPost(post, site));
  const problems = read.flatMap(({ post, problems }) => problems.map((problem) => ({ file: post.file, ...problem })));
  problems.push(...checkLinksBetweenPosts(read, today));
  return sortProblems(problems);
}

/** The site's facts as the rules use them, compiled once per run. */
function compileSite(facts: SiteFacts, drawn: Set<number>): SiteRules {
  return {
    host: new URL(facts.siteUrl).host,
    courses: facts.courses.map((c) => c.id).sort(),
    authors: [...facts.authors].sort(),
    repeats: compileRepeats(facts),
    mathError: mathChecker(drawn),
    listDir: folderLister(),
  };
}

/** Checks one post on its own; a parse failure of MDX is its only problem. */
function readPost(post: PostSource, site: SiteRules): ReadPost {
  let tree: MdastNode;
  try {
    const parse = post.path.endsWith('.mdx') ? mdxToMdast : markdownToMdast;
    tree = parse(post.source, { features: { math: true } });
  } catch (error) {
    return { post, problems: [parseFailure(error)], headings: undefined, postLinks: [] };
  }
  const check = new PostCheck(post, site);
  visit(tree, (node) => {
    // The table is keyed by node type, so each rule receives the node type it is declared for.
    const nodeRules = rules[node.type] as ReadonlyArray<Rule<typeof node.type>> | undefined;
    for (const rule of nodeRules ?? []) rule(node, check);
  });
  for (const finish of afterWalk) finish(check);
  return { post, problems: check.problems, headings: check.headings.ids, postLinks: check.links.toPosts };
}
