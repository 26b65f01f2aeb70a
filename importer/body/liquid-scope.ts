/** What Liquid being evaluated can read, and how it reports: shared by `liquid*.ts`. */
import type {State} from './state.ts'
import {report} from './state.ts'

/** A place in the page: 1-based line and column. */
export type Point = {line: number; column: number}

/** What the Liquid being evaluated can read, and where its diagnostics point. */
export interface Scope {
  /** `include.*`: the parameters of the include being evaluated (empty on the page). */
  include: Record<string, unknown>
  /** The files being expanded (site paths: `_includes/note.html`, `docs/code/a.py`), outermost first. */
  stack: string[]
  /** Inside an include: the page's include tag (where diagnostics point) and the file evaluated. */
  within?: {at: Point; file: string}
  /**
   * Shared by the whole page: characters includes inserted, diagnostics reported from them, and
   * whether a text evaluated so far may set variables (an `assign`, `capture` or loop tag): until
   * one does, any variable but Jekyll's own is unset.
   */
  page: {chars: number; reported: Set<string>; mayAssign: boolean}
}

/**
 * Reports a Liquid diagnostic; inside an include it names the file, points at the page's tag,
 * and is not repeated.
 */
export function warn(
  state: State,
  scope: Scope,
  severity: 'error' | 'warning' | 'info',
  code: string,
  at: Point,
  message: string,
  hint?: string,
): void {
  const where = scope.within ? ` (in ${scope.within.file})` : ''
  const text = where ? message.replace(/\.?$/, `${where}.`) : message
  if (where) {
    // An include used several times says the same thing at the same tag only once.
    const key = [code, at.line, at.column, text].join('\0')
    if (scope.page.reported.has(key)) return
    scope.page.reported.add(key)
  }
  report(state, severity, code, {position: {start: at, end: at}}, text, hint)
}
