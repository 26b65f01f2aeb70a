import type {Diagnostic} from '../types.ts'

/**
 * An unexpected error as text for a diagnostic: its name and message, and the first place it
 * was thrown (`at fn (importer/body/blocks/list.ts:42:7)`), so a report is enough to debug it.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const head = `${error.name}: ${error.message}`
  const frame = error.stack
    ?.split('\n')
    .find((line) => line.trimStart().startsWith('at '))
    ?.trim()
    // Paths from the project or package folder on, so the text is the same on every machine.
    .replace(/(?:file:\/\/)?\/[^\s()]*?\/(?=(?:importer|scripts|node_modules)\/)/, '')
  return frame ? `${head} (${frame})` : head
}

/**
 * The error diagnostic for a page the importer failed on unexpectedly while `doing` something
 * (`reading its front matter`): the page is left out or empty, the rest of the site imports.
 */
export function pageFailed(
  code: string,
  file: string,
  line: number,
  doing: string,
  error: unknown,
): Diagnostic {
  return {
    severity: 'error',
    code,
    file,
    line,
    column: 1,
    message: `Cannot import this page: the importer failed while ${doing}: ${describeError(error)}.`,
    hint: 'The rest of the site is imported. This is an importer bug: report it with the file attached.',
  }
}
