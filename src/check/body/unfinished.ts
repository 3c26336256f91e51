/**
 * Placeholders: `npm run new` writes TODOs in the title, the description and the outline. A draft
 * may keep them; a post about to be published may not.
 */
import type { FileProblem } from '../problems.ts';
import type { NodeOf, PostCheck } from './context.ts';

/** A placeholder left by `npm run new`. */
export const UNFINISHED = /\bTODO\b/;

/** Reports a TODO in the text of a post that is not a draft (code is not text, so it may keep one). */
export function checkUnfinished(node: NodeOf<'text'>, post: PostCheck): void {
  const { publish } = post.post;
  if (!publish || publish.draft || !UNFINISHED.test(node.value)) return;
  post.report(
    post.at(node),
    'unfinished',
    'a TODO placeholder is left in the text (finish this part, or keep draft: true until it is ready)',
  );
}

/** The title or description of a post that is not a draft, still holding a TODO, at the field. */
export function unfinishedFields(
  post: { title: string; description: string; draft: boolean },
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
): FileProblem[] {
  if (post.draft) return [];
  return (['title', 'description'] as const).flatMap((field) =>
    UNFINISHED.test(post[field])
      ? [
          {
            ...locate([field]),
            field,
            message: `${field} still has a TODO placeholder (write the real ${field}, or keep draft: true until it is ready)`,
          },
        ]
      : [],
  );
}
