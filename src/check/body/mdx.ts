/**
 * MDX syntax: an expression in braces is run as JavaScript (an unknown name breaks the build),
 * and a file MDX cannot parse is reported once, where the parser stopped, with the likely fix.
 */
import type { FileProblem } from '../problems.ts';
import type { NodeOf, PostCheck } from './context.ts';
import { short } from './text.ts';

/** Whether an expression holds nothing but JavaScript comments: a note to other editors. */
export function isComment(code: string): boolean {
  return (
    code
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .trim() === ''
  );
}

/** Reports an expression that is not only a comment. */
export function checkExpression(
  node: NodeOf<'mdxFlowExpression'> | NodeOf<'mdxTextExpression'>,
  post: PostCheck,
): void {
  if (isComment(node.value)) return;
  post.report(
    post.at(node),
    'mdx',
    `{${short(node.value, 40)}} is run as JavaScript in MDX, and an unknown name breaks the build (for literal braces write \\{ and \\}, or put it in \`code\` or $math$)`,
  );
}

/**
 * Sätteri's MDX error ("5:3: Unexpected character … (mdx-jsx:…)") as a problem where it points,
 * with the fix for what it stopped at, unless the caller knows better (`hint`).
 */
export function parseFailure(error: unknown, hint?: string): FileProblem {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?: ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(text);
  const reason = (match?.[3] ?? text).trim();
  return {
    line: Number(match?.[1] ?? 1),
    column: Number(match?.[2] ?? 1),
    field: 'mdx',
    message: `MDX cannot read this: ${reason.replace(/\.$/, '')} (${hint ?? fixFor(reason)})`,
  };
}

/** The usual fix for what the MDX parser stopped at: a brace, a tag, or a `<`. */
function fixFor(reason: string): string {
  return /brace|expression/i.test(reason)
    ? 'for a literal { or } write \\{ or \\}; otherwise close the brace'
    : /closing tag|opening tag/i.test(reason)
      ? 'close the component where it should end, e.g. </Callout>, or write <Figure … /> for one without content'
      : 'for a literal < write \\< or &lt;; otherwise finish the tag';
}
