/**
 * Headings: the title is the page's only level-1 heading, sections start at level 2 and go down
 * one level at a time. Each heading's id is recorded as the build makes it, for anchor links.
 */
import { toString as hastText } from 'hast-util-to-string';
import { htmlToHast } from 'satteri';
import { isLiteralDollars, renderMath } from '../../markdown/math/index.ts';
import type { NodeOf, PostCheck } from './context.ts';
import { short, textOf } from './text.ts';

/** A heading as the editor wrote it, math between dollars: "## The $\alpha$ value". */
export function writtenText(node: NodeOf<'heading'>): string {
  return textOf(node, (math) => `$${math.value}$`);
}

/**
 * The text of inline math in a heading as the build's heading ids see it: they are taken after
 * the math plugin has swapped the TeX for MathML, so the id holds the MathML's text (e.g.
 * "the-αalpha-value"); a price such as "$5" stays as written.
 */
function mathInId(node: NodeOf<'inlineMath'>, post: PostCheck): string {
  const written = post.slice(node);
  if (written !== undefined && isLiteralDollars(written, post.after(node))) return written;
  try {
    return hastText(htmlToHast(renderMath(node.value, false).html, { fragment: true }));
  } catch {
    return node.value;
  }
}

/** Records the heading's id and reports a level-1 heading or a skipped level. */
export function checkHeading(node: NodeOf<'heading'>, post: PostCheck): void {
  const { depth } = node;
  const state = post.headings;
  state.ids.push(state.id(textOf(node, (math) => mathInId(math, post))));
  const text = short(writtenText(node), 40);
  const written = `"${'#'.repeat(depth)} ${text}"`;
  if (depth === 1) {
    post.report(
      post.at(node),
      'heading',
      `${written} is a level-1 heading, but the title is the page's only one (write "## ${text}")`,
    );
  } else if (depth > state.previousDepth + 1) {
    const fix = `write "${'#'.repeat(state.previousDepth + 1)} ${text}"`;
    post.report(
      post.at(node),
      'heading',
      state.seen
        ? `${written} skips a level after a level-${state.previousDepth} heading (${fix}, or add the missing level above it)`
        : `${written} is the first heading but level ${depth} (${fix}: sections start at "##")`,
    );
  }
  state.previousDepth = depth;
  state.seen = true;
}
