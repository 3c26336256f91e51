/** Math in posts: TeX to MathML at build time. See ./plugin.ts for the pipeline. */
export { findMathErrors, isLiteralDollars, mathPlugin, type MathPluginOptions, type MathProblem } from './plugin.ts';
export { referenceProblems, type FormulaAt, type ReferenceProblem } from './references.ts';
export { drawnCharacters, equationId, MathError, renderMath, type RenderedMath } from './render.ts';
export { normalizeTex } from './tex.ts';
