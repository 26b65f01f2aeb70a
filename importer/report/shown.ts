import type {Diagnostic} from '../types.ts'

/**
 * The diagnostics a report shows: warnings and errors. Info ones (a dropped comment, a style
 * the Studio cannot hold) are the conversion's own notes: no report, summary or `--json` line
 * prints them, so no record of an import keeps them either (on a site that styles its text
 * with attribute lists they were most of it).
 */
export const shownProblems = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => d.severity !== 'info')
