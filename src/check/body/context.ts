/**
 * What every rule of the body check works with: the post being read (its source and the problems
 * found so far), the positions Sätteri gives, and the facts about the rest of the site that are
 * compiled once per run. Rules keep what they gather for later in the post's fields
 * named after them.
 */
import type { MdastNode } from 'satteri';
import type { FormulaAt } from '../../markdown/math/index.ts';
import { headingIds } from '../../markdown/heading-anchors.ts';
import { fileId } from '../../lib/content-files.ts';
import type { At, FileProblem } from '../problems.ts';

/** An mdast node of the given type, as Sätteri's trees hold them (MDX and math included). */
export type NodeOf<T extends MdastNode['type']> = Extract<MdastNode, { type: T }>;

/** What the body check needs to know about the rest of the site. */
export interface SiteFacts {
  /** The site's origin (siteConfig.url): absolute links to it are internal. */
  siteUrl: string;
  /** The site-wide disclaimer, with `{publisher}` where the publisher's name goes. */
  disclaimer: string;
  courses: ReadonlyArray<{
    id: string;
    name?: string | undefined;
    ctaHeading?: string | undefined;
    pitch?: string | undefined;
  }>;
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

/** A heading's or paragraph's text that repeats what the page adds itself, and where that text comes from. */
export interface Repeat {
  field: 'call to action' | 'disclaimer';
  from: string;
}

/** The site's facts as the rules use them, compiled once per run. */
export interface SiteRules {
  host: string;
  courses: readonly string[];
  authors: readonly string[];
  /** Whether a heading's or paragraph's text repeats the call to action or the disclaimer. */
  repeats: (text: string) => Repeat | undefined;
  /** The renderer's reason for refusing a formula, or undefined; cached, formulas repeat across posts. */
  mathError: (tex: string, display: boolean) => string | undefined;
  /** The names in a folder, or undefined when there is no such folder; cached per run. */
  listDir: (dir: string) => ReadonlySet<string> | undefined;
}

/** A link to another post, checked once every post has been read. */
export interface PostLink extends At {
  href: string;
  slug: string;
  anchor?: string | undefined;
}

type Positioned = Pick<MdastNode, 'position'>;

/** One post being checked: its text, what the rules found, and where things are. */
export class PostCheck {
  readonly problems: FileProblem[] = [];
  /** The post's slug: links to /posts/<slug>/ are links to this post. */
  readonly slug: string;
  /**
   * headings.ts: the ids the build gives the headings (numbered by the same function), and the
   * level of the last heading; before the first, the title, the page's h1.
   */
  readonly headings = { ids: [] as string[], id: headingIds(), previousDepth: 1, seen: false };
  /** links.ts: links to other posts and to this one's anchors, and reference-style definitions. */
  readonly links = {
    toPosts: [] as PostLink[],
    toSelf: [] as Array<{ at: At; href: string; anchor: string }>,
    definitions: new Map<string, string>(),
    references: [] as Array<NodeOf<'linkReference'> | NodeOf<'imageReference'>>,
  };
  /** math.ts: every formula, for labels and references once the post is read. */
  readonly formulas: FormulaAt[] = [];
  /** components.ts: names the post's import and export lines define (its own components). */
  readonly imported = new Set<string>();

  readonly post: PostSource;
  readonly site: SiteRules;

  constructor(post: PostSource, site: SiteRules) {
    this.post = post;
    this.site = site;
    this.slug = fileId(post.path);
  }

  get source(): string {
    return this.post.source;
  }

  report(where: At, field: string, message: string): void {
    this.problems.push({ line: where.line, column: where.column, field, message });
  }

  /** Where a node starts, as Sätteri gives it. */
  at(node: Positioned): At {
    return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  }

  /** Line and column of `offset`, counted from `node`, whose start Sätteri gives. */
  atOffset(node: Positioned, offset: number): At {
    const start = node.position?.start;
    if (start?.offset === undefined || offset < start.offset) return this.at(node);
    const source = this.source;
    let line = start.line;
    for (let i = source.indexOf('\n', start.offset); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
    return { line, column: offset - (source.lastIndexOf('\n', offset - 1) + 1) + 1 };
  }

  /** Line and column of an offset in the file. */
  atSource(offset: number): At {
    const before = this.source.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  }

  /** The node's text as written in the file. */
  slice(node: Positioned): string | undefined {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : this.source.slice(start, end);
  }

  /** The character right after the node, e.g. what follows a `$…$`. */
  after(node: Positioned): string | undefined {
    return this.source[node.position?.end.offset ?? 0];
  }
}

/** A post once read on its own: its problems, and what links from other posts are checked against. */
export interface ReadPost {
  post: PostSource;
  problems: FileProblem[];
  /** Heading ids, as the build gives them; undefined when the file could not be parsed. */
  headings: readonly string[] | undefined;
  /** Links to other posts, checked once every post is read. */
  postLinks: readonly PostLink[];
}
