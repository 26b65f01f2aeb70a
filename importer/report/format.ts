import type {Diagnostic} from '../types.ts'

/** Optional ANSI colours; off unless the output is a terminal. */
export interface FormatOptions {
  color?: boolean
}

const paint = (on: boolean | undefined, code: string, text: string) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text

/** Orders diagnostics by file, then line and column, errors before warnings at one place. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  )
}

/** `file:line:column: severity: message [code]`, then the hint indented on the next line. */
export function formatDiagnostic(diagnostic: Diagnostic, options: FormatOptions = {}): string {
  const place = [diagnostic.file, diagnostic.line, diagnostic.column]
    .filter((part) => part !== undefined)
    .join(':')
  const severity =
    diagnostic.severity === 'error'
      ? paint(options.color, '31;1', 'error')
      : paint(options.color, '33;1', 'warning')
  const code = paint(options.color, '2', `[${diagnostic.code}]`)
  const head = `${place}: ${severity}: ${diagnostic.message} ${code}`
  return diagnostic.hint
    ? `${head}\n  ${paint(options.color, '36', 'hint:')} ${diagnostic.hint}`
    : head
}

/** Every diagnostic, sorted, one block each. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: FormatOptions = {},
): string {
  return sortDiagnostics(diagnostics)
    .map((d) => formatDiagnostic(d, options))
    .join('\n')
}
