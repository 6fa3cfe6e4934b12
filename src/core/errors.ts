/**
 * Errors raised by the core. Input problems always name the file and line,
 * so a newsroom editor can fix the brief without reading code.
 * @module
 */

/** One problem in one brief file. */
export interface BriefProblem {
  /** File path as given to the parser (relative to the briefs folder). */
  file: string;
  /** 1-based line number. */
  line: number;
  message: string;
}

/** Raised when one or more brief files cannot be used; nothing is built. */
export class BriefError extends Error {
  override readonly name = 'BriefError';
  constructor(readonly problems: BriefProblem[]) {
    super(
      problems.length === 1
        ? formatProblem(problems[0]!)
        : `${problems.length} problems in the briefs:\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
  }
}

/** `file:line: message`, the form editors and terminals recognise. */
function formatProblem(p: BriefProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Raised when a serialized index cannot be loaded (wrong version, corrupt data). */
export class IndexError extends Error {
  override readonly name = 'IndexError';
}
