/** What the check reports, and in which order an editor reads it. */

/** One thing an editor has to fix. `file` is relative to the content root's parent. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

/** A place in a file: line and column, from 1. */
export interface At {
  line: number;
  column: number;
}

/** A problem found while reading one file; whoever reads the file adds its name. */
export type FileProblem = Omit<Problem, 'file'>;

/** Report order: by file, line and column; problems at one place keep the order they were found in. */
export function sortProblems<P extends Problem>(problems: P[]): P[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** The report an editor reads: `path:line:column  field  message`, one problem a line. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`).join('\n');
}
