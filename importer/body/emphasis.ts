/**
 * Which runs of `*` and `_` may open or close emphasis, as kramdown decides (its
 * `parse_emphasis`), in place of CommonMark's flanking rules; which openers and closers then
 * pair up is still CommonMark's delimiter algorithm (micromark's own resolver):
 * - a run opens unless white space follows it; a run of `_` also not right after a letter
 *   (`snake_case`);
 * - a run closes unless white space comes before it; a run of `_` also not right before a
 *   letter or digit.
 *
 * Punctuation does not matter to kramdown, where CommonMark needs it on the right side:
 * `**Redshift:**O Amazon` and `**"**Tivemos` are bold for kramdown, and `A*,* é` emphasises the
 * comma; CommonMark shows the asterisks. White space is Ruby's `\s`: a space, a tab or a line
 * ending, not a no-break space.
 */
import {attention} from 'micromark-core-commonmark'
import type {Code, Construct, Extension, State, TokenizeContext} from 'micromark-util-types'

const ASTERISK = 42
const UNDERSCORE = 95

/** kramdown's white space (Ruby's `\s`): a line ending (micromark's codes below 0) or space. */
const isWhiteSpace = (code: Code): boolean =>
  code === null || code < 0 || code === 32 || (code >= 9 && code <= 13)

const charOf = (code: Code): string => (code === null || code < 0 ? '' : String.fromCodePoint(code))

const LETTER = /^\p{L}$/u
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u

const kramdownAttention: Construct = {
  name: 'kramdownAttention',
  tokenize(this: TokenizeContext, effects, ok) {
    const before = this.previous
    let marker: Code = null
    const inside: State = (code) => {
      if (code === marker) {
        effects.consume(code)
        return inside
      }
      const token = effects.exit('attentionSequence')
      const underscore = marker === UNDERSCORE
      token._open = !isWhiteSpace(code) && !(underscore && LETTER.test(charOf(before)))
      token._close = !isWhiteSpace(before) && !(underscore && LETTER_OR_DIGIT.test(charOf(code)))
      return ok(code)
    }
    return (code: Code) => {
      marker = code
      effects.enter('attentionSequence')
      return inside(code)
    }
  },
  // CommonMark's pairing of the runs, from micromark's own construct.
  resolveAll: attention.resolveAll,
}

/** The micromark extension: kramdown's runs of `*` and `_` in place of CommonMark's. */
export const emphasisSyntax: Extension = {
  disable: {null: ['attention']},
  text: {[ASTERISK]: kramdownAttention, [UNDERSCORE]: kramdownAttention},
}
