/**
 * Code spans as kramdown reads them (its `parse_codespan`), in place of CommonMark's:
 * - a single backtick with white space (or the start of the text) before it and white space
 *   after it is a backtick, not an opening: ``written ` S `: if`` shows both backticks;
 * - a span ends at the first run of as many backticks as opened it, even inside a longer run:
 *   `` `0``0` `` is the code `0` twice, where CommonMark reads one span `0``0`;
 * - a span opened by two or more backticks loses one space at each end, each end on its own;
 *   one opened by a single backtick keeps its spaces.
 */
import type {InlineCode} from 'mdast'
import type {Extension as FromMarkdownExtension} from 'mdast-util-from-markdown'
import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types'

const BACKTICK = 96

/** A line ending (micromark's negative codes -5 to -3), a tab or virtual space, or a space. */
const isWhiteSpace = (code: Code): boolean => code !== null && (code < 0 || code === 32)

/** A line ending: CR LF, CR or LF (micromark's codes -5, -4 and -3). */
export const isLineEnding = (code: Code): boolean => code !== null && code >= -5 && code <= -3

/**
 * The backticks at `start` of a line (the first of their run) as kramdown reads them there, for
 * the scans that run before micromark does (a table's cells, a link's brackets): `end` is after
 * the code span they open, closed by the first run of as many backticks on the line even inside
 * a longer run, or after the run itself when it opens none (a lone backtick between white space,
 * or no closing run): then the backticks are text.
 */
export function backticksAt(line: string, start: number): {end: number; span: boolean} {
  let end = start
  while (line.charCodeAt(end) === BACKTICK) end++
  const size = end - start
  const spaced = (at: number) => at < 0 || line[at] === ' ' || line[at] === '\t'
  if (size === 1 && spaced(start - 1) && end < line.length && spaced(end)) return {end, span: false}
  const close = line.indexOf('`'.repeat(size), end)
  return close < 0 ? {end, span: false} : {end: close + size, span: true}
}

const codeSpan: Construct = {
  name: 'kramdownCodeSpan',
  // A run of backticks opens at its first one: the rest of a run left as text open nothing.
  // The backticks right after a span closed (`` `a``b` ``) start a run of their own.
  previous(this: TokenizeContext, code: Code): boolean {
    if (code !== BACKTICK) return true
    const type = this.events.at(-1)?.[1].type
    return type === 'characterEscape' || type === 'codeText'
  },
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const before = this.previous
    let opening = 0

    const closing: Construct = {
      partial: true,
      tokenize(effects: Effects, ok: State, nok: State) {
        let size = 0
        const sequence: State = (code) => {
          if (code === BACKTICK && size < opening) {
            effects.consume(code)
            size++
            return sequence
          }
          if (size < opening) return nok(code)
          effects.exit('codeTextSequence')
          effects.exit('codeText')
          return ok(code)
        }
        return (code: Code) => {
          effects.enter('codeTextSequence')
          return sequence(code)
        }
      },
    }

    const open: State = (code) => {
      if (code === BACKTICK) {
        effects.consume(code)
        opening++
        return open
      }
      if (opening === 1 && (before === null || isWhiteSpace(before)) && isWhiteSpace(code))
        return nok(code)
      effects.exit('codeTextSequence')
      return between(code)
    }

    const between: State = (code) => {
      if (code === null) return nok(code)
      if (code === BACKTICK) return effects.attempt(closing, ok, shortRun)(code)
      if (isLineEnding(code)) {
        effects.enter('lineEnding')
        effects.consume(code)
        effects.exit('lineEnding')
        return between
      }
      effects.enter('codeTextData')
      return data(code)
    }

    // Fewer backticks than opened the span: text of it.
    const shortRun: State = (code) => {
      effects.enter('codeTextData')
      return backticks(code)
    }
    const backticks: State = (code) => {
      if (code === BACKTICK) {
        effects.consume(code)
        return backticks
      }
      effects.exit('codeTextData')
      return between(code)
    }

    const data: State = (code) => {
      if (code === null || code === BACKTICK || isLineEnding(code)) {
        effects.exit('codeTextData')
        return between(code)
      }
      effects.consume(code)
      return data
    }

    return (code: Code) => {
      effects.enter('codeText')
      effects.enter('codeTextSequence')
      return open(code)
    }
  },
}

/** The syntax: CommonMark's code span left out, kramdown's read under the backtick. */
export const codeSpanSyntax: Extension = {
  disable: {null: ['codeText']},
  text: {[BACKTICK]: codeSpan},
}

/**
 * A code span's text as written between its backticks, less one space at each end when two or
 * more backticks opened it. A backslash stays (kramdown keeps `\|` in a table cell's code).
 */
export const codeSpanFromMarkdown: FromMarkdownExtension = {
  exit: {
    codeText(token) {
      let value = this.resume()
      const ticks = /^`+/.exec(this.sliceSerialize(token))![0].length
      if (ticks > 1) value = value.replace(/^ /, '').replace(/ $/, '')
      const node = this.stack.at(-1) as InlineCode
      node.value = value
      this.exit(token)
    },
  },
}
