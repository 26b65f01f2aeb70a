/**
 * Which line of the page each line of the body after Liquid comes from. Liquid rewrites most
 * tags on the same lines, but an `{% include %}` inserts the included file's lines: those point
 * at the include tag, and the page's later lines at themselves again.
 */
import type {Diagnostic} from '../types.ts'

/** The page line (and, for included text, the tag's column) of one line after Liquid. */
export interface SourceLine {
  line: number
  column?: number
}

/** Lines after Liquid, 1-based, to the page lines they come from. */
export type LineMap = (line: number) => SourceLine

/** Builds a {@link LineMap} while the text after Liquid is built piece by piece. */
export class LineMapBuilder {
  /** `origins[i]` is where line `i + 1` of the output comes from. */
  private readonly origins: SourceLine[] = [{line: 1}]
  private line = 1
  private moved = false

  /** Text copied as it is: every line of it is the page's own. */
  copy(text: string): void {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.line++
      this.origins.push({line: this.line})
    }
  }

  /**
   * `original` replaced by `replacement`. Included text (`from` set) points at the tag;
   * any other replacement keeps its lines one to one, extra lines on its last line.
   */
  replace(original: string, replacement: string, from?: SourceLine): void {
    const start = this.line
    const height = countLines(original)
    let added = 0
    for (let i = replacement.indexOf('\n'); i !== -1; i = replacement.indexOf('\n', i + 1)) {
      added++
      this.origins.push(from ?? {line: start + Math.min(added, height)})
    }
    if (added !== height || from) this.moved = true
    this.line = start + height
  }

  /** The map, or `undefined` when every line is still on its own line. */
  build(): LineMap | undefined {
    if (!this.moved) return undefined
    const origins = this.origins
    return (line) => origins[Math.min(Math.max(line, 1), origins.length) - 1]
  }
}

/**
 * A diagnostic made outside `report` against the body after Liquid (`lineOffset` added), moved
 * to the page line it comes from.
 */
export function atPageLine(
  diagnostic: Diagnostic,
  map: LineMap | undefined,
  lineOffset: number,
): Diagnostic {
  if (!map || diagnostic.line === undefined) return diagnostic
  const origin = map(diagnostic.line - lineOffset)
  return {...diagnostic, line: origin.line + lineOffset, column: origin.column ?? diagnostic.column}
}

/** Newlines in `text`. */
export function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}
