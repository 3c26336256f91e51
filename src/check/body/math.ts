/**
 * Math: every formula is rendered as the build renders it (src/markdown/math), so TeX the build
 * would refuse is reported where it is written, and every `\eqref` must name a `\label`.
 */
import {
  drawnCharacters,
  isLiteralDollars,
  MathError,
  referenceProblems,
  renderMath,
} from '../../markdown/math/index.ts';
import type { NodeOf, PostCheck } from './context.ts';

/**
 * The renderer's reason for refusing a formula, cached per run (formulas repeat across posts).
 * Every character the valid ones draw is added to `drawn`: the build's math font holds them.
 */
export function mathChecker(drawn: Set<number>): (tex: string, display: boolean) => string | undefined {
  const reasons = new Map<string, string | undefined>();
  return (tex, display) => {
    const key = `${display ? 'D' : 'I'}${tex}`;
    if (reasons.has(key)) return reasons.get(key);
    let reason: string | undefined;
    try {
      const { html } = renderMath(tex, display); // as the build renders it (astro.config.mjs)
      for (const code of drawnCharacters(html)) drawn.add(code);
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      reason = error.reason;
    }
    reasons.set(key, reason);
    return reason;
  };
}

/** Reports TeX the renderer refuses; a `$5` price is text, not math. */
export function checkFormula(node: NodeOf<'math'> | NodeOf<'inlineMath'>, post: PostCheck): void {
  const display = node.type === 'math';
  const written = post.slice(node);
  if (!display && written !== undefined && isLiteralDollars(written, post.after(node))) return;
  const tex = node.value;
  post.formulas.push({ tex, display, offset: node.position?.start.offset ?? 0 });
  const reason = post.site.mathError(tex, display);
  if (reason) post.report(post.at(node), 'math', `invalid TeX "${tex}": ${reason}`);
}

/** Once the post is read: a `\label` used twice, and an `\eqref` or `\ref` to no label. */
export function checkEquationReferences(post: PostCheck): void {
  for (const problem of referenceProblems(post.formulas, post.source))
    post.report(post.atSource(problem.offset), 'math', problem.message);
}
