/**
 * libyaml (Jekyll's parser) reads the lines that continue a flow collection (`[…]`, `{…}`) or a
 * quoted scalar at any indentation; the YAML 1.2 grammar, and the `yaml` package, want them
 * indented past the line they started on. Real sites write
 *
 *     exclude: ["node_modules/", "Gemfile"
 *     , "docs/tests/"
 *     ]
 *
 * which Jekyll reads as one list. {@link indentContinuations} indents such lines one space past
 * the line that opened the collection or the quote: inside flow collections and quoted scalars
 * leading spaces are folded away, so the values stay as libyaml reads them.
 *
 * The scanner knows just enough YAML for that: quotes and brackets open only where a value may
 * start (a `'` in `title: Don't` is text), comments start after a space, and the lines of a block
 * scalar (`|`, `>`) are text however they look.
 */

/** What the scanner is inside of, at the end of a line. */
type Open = {flow: number; quote: '"' | "'" | null}

const isSpace = (char: string | undefined) => char === ' ' || char === '\t'

/**
 * Scans one line from `start` (after its indentation), updating `open`. Returns true when the line
 * ends with a block scalar's indicator (`key: |`, `- >-`), whose lines follow.
 */
function scanLine(line: string, start: number, open: Open): boolean {
  // Whether a value may start here: at the line's start, after `- `, `? `, `: ` and, inside a
  // flow collection, after `[`, `{` and `,`.
  let valueStart = open.quote === null
  for (let i = start; i < line.length; i++) {
    const char = line[i]
    if (open.quote === '"') {
      if (char === '\\') i++
      else if (char === '"') open.quote = null
      continue
    }
    if (open.quote === "'") {
      if (char === "'" && line[i + 1] === "'") i++
      else if (char === "'") open.quote = null
      continue
    }
    if (isSpace(char)) continue
    if (char === '#' && (i === 0 || isSpace(line[i - 1]))) return false
    if (valueStart && (char === '&' || char === '!')) {
      // An anchor or a tag before the value: the value starts after it.
      while (i + 1 < line.length && !isSpace(line[i + 1])) i++
      continue
    }
    if (valueStart && (char === '"' || char === "'")) {
      open.quote = char
      valueStart = false
      continue
    }
    if ((valueStart || open.flow > 0) && (char === '[' || char === '{')) {
      open.flow++
      valueStart = true
      continue
    }
    if (open.flow > 0 && (char === ']' || char === '}')) {
      open.flow--
      valueStart = false
      continue
    }
    if (open.flow > 0 && char === ',') {
      valueStart = true
      continue
    }
    const next = line[i + 1]
    const indicator = next === undefined || isSpace(next)
    if (indicator && (char === ':' || char === '-' || char === '?')) {
      valueStart = true
      continue
    }
    if (valueStart && open.flow === 0 && (char === '|' || char === '>')) {
      // A block scalar's header: indicators, then nothing but a comment.
      return /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i))
    }
    valueStart = false
  }
  return false
}

const indentOf = (line: string) => line.length - line.trimStart().length

/**
 * The text with every line that continues a flow collection or a quoted scalar, and is not
 * indented past the line that opened it, indented one space past that line. The same text when
 * no line needs it.
 */
export function indentContinuations(text: string): string {
  const lines = text.split('\n')
  const open: Open = {flow: 0, quote: null}
  let opener = 0
  let blockScalar: number | null = null
  let changed = false
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]
    const blank = line.trim() === ''
    if (open.flow > 0 || open.quote !== null) {
      if (!blank && indentOf(line) <= opener) {
        line = ' '.repeat(opener + 1 - indentOf(line)) + line
        lines[n] = line
        changed = true
      }
    } else {
      if (blockScalar !== null) {
        if (blank || indentOf(line) > blockScalar) continue
        blockScalar = null
      }
      opener = indentOf(line)
    }
    if (scanLine(line, indentOf(line), open)) blockScalar = opener
  }
  return changed ? lines.join('\n') : text
}
