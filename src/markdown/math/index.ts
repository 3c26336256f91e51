/** Math in posts: TeX to MathML at build time. See ./plugin.ts for the pipeline. */
export { findMathErrors, isLiteralDollars, mathPlugin } from './plugin.ts';
export { referenceProblems, type FormulaAt } from './references.ts';
export { drawnCharacters, equationId, MathError, renderMath } from './render.ts';
