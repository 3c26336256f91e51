/**
 * `\label`, `\eqref` and `\ref` across one post: which labels exist, which are written twice and
 * which references point nowhere. Read from the TeX alone, so the content check and the build
 * report the same problems at the same places.
 */
import { equationId } from './render.ts';

/** One formula of a post, where it starts in the file. */
export interface FormulaAt {
  tex: string;
  display: boolean;
  /** Offset of the formula's first character (its `$`) in the source. */
  offset: number;
}

/** A label or reference problem, at the offset of the `\label`/`\eqref` that causes it. */
export interface ReferenceProblem {
  offset: number;
  message: string;
}

const LABEL = /\\label\s*\{([^{}]*)\}/g;
const REFERENCE = /\\(eqref|ref)\s*\{([^{}]*)\}/g;

/** Where `match` (found in `tex`) is in the source: searched from the formula's start. */
function offsetOf(source: string, formula: FormulaAt, written: string): number {
  const at = source.indexOf(written, formula.offset);
  return at === -1 ? formula.offset : at;
}

/**
 * Duplicate labels (or two labels that give the same anchor) and references to labels that no
 * display formula of the post defines, each with a message that says what to change.
 */
export function referenceProblems(formulas: readonly FormulaAt[], source: string): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const byId = new Map<string, string>();
  for (const formula of formulas) {
    if (!formula.display) continue;
    for (const match of formula.tex.matchAll(LABEL)) {
      const label = match[1]!.trim();
      const id = equationId(label);
      const earlier = byId.get(id);
      if (earlier !== undefined) {
        const what =
          earlier === label
            ? `\\label{${label}} is used twice in this post`
            : `\\label{${label}} and \\label{${earlier}} give the same link`;
        problems.push({
          offset: offsetOf(source, formula, match[0]),
          message: `${what} (give each equation its own name)`,
        });
      } else {
        byId.set(id, label);
      }
    }
  }
  const known = [...byId.values()];
  for (const formula of formulas) {
    for (const match of formula.tex.matchAll(REFERENCE)) {
      const label = match[2]!.trim();
      if (byId.has(equationId(label))) continue;
      const list =
        known.length > 0 ? `labels in this post: ${known.join(', ')}` : 'no equation of this post has a \\label';
      problems.push({
        offset: offsetOf(source, formula, match[0]),
        message: `\\${match[1]}{${label}} refers to no equation (${list})`,
      });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}
