/**
 * The rule table of the body check: which rule families look at which mdast node types, in the
 * order they report, and what each family checks once the whole post is read. Node types not
 * listed (code, inline code, frontmatter, ESM…) hold nothing to check.
 */
import type { MdastNode } from 'satteri';
import type { NodeOf, PostCheck } from './context.ts';
import { checkElement, checkHtml, collectImports } from './components.ts';
import { checkHeading } from './headings.ts';
import { checkImageNode } from './images.ts';
import { checkLinkNode, checkOwnAnchors, checkReferences, collectDefinition, collectReference } from './links.ts';
import { checkEquationReferences, checkFormula } from './math.ts';
import { checkExpression } from './mdx.ts';
import { checkRepeats } from './repeats.ts';
import { checkUnfinished } from './unfinished.ts';

/** A rule: looks at one node of its type in a post, and reports or records what it finds. */
export type Rule<T extends MdastNode['type']> = (node: NodeOf<T>, post: PostCheck) => void;

/** The rules for each node type, run as the tree is walked, parents before their children. */
export const rules: { readonly [T in MdastNode['type']]?: ReadonlyArray<Rule<T>> } = {
  root: [collectImports],
  heading: [checkHeading, checkRepeats],
  paragraph: [checkRepeats],
  text: [checkUnfinished],
  link: [checkLinkNode],
  image: [checkImageNode],
  definition: [collectDefinition],
  linkReference: [collectReference],
  imageReference: [collectReference],
  html: [checkHtml],
  mdxJsxFlowElement: [checkElement],
  mdxJsxTextElement: [checkElement],
  mdxFlowExpression: [checkExpression],
  mdxTextExpression: [checkExpression],
  math: [checkFormula],
  inlineMath: [checkFormula],
};

/**
 * Once the walk is done, in this order: reference-style links and images (their definitions may
 * come last), equation labels and references, then anchors into the post (headings and labels).
 */
export const afterWalk: ReadonlyArray<(post: PostCheck) => void> = [
  checkReferences,
  checkEquationReferences,
  checkOwnAnchors,
];
