import {mathFromMarkdown} from 'mdast-util-math'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {htmlFlow} from 'micromark-core-commonmark'
import type {Code, Construct, State, TokenizeContext} from 'micromark-util-types'
import type {Processor} from 'unified'

import {codeSpanFromMarkdown, codeSpanSyntax} from './code-span.ts'
import {emphasisSyntax} from './emphasis.ts'
import {kramdownMathText} from './math-text.ts'
import {tableFromMarkdown, taskListItemFromMarkdown} from './gfm-tree.ts'

/**
 * Whether `markdown` may hold a GFM table or task list item: a table's delimiter row has a `|`
 * or a colon beside a hyphen (`a` over `:-` is a one-column table), and a task list item's
 * check is `[` with a space, line ending, `x` or `X` and `]`. Without either, the syntax that
 * reads them finds nothing, so it is left out.
 */
export const mayHoldTableOrTaskList = (markdown: string): boolean =>
  /\||:-|-:|\[(?:[\t\n\r xX]|\r\n)\]/.test(markdown)

/**
 * Punctuation a backslash escapes for kramdown's GFM parser (its ESCAPED_CHARS and `~`);
 * CommonMark escapes every ASCII punctuation character.
 */
const KRAMDOWN_ESCAPED = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~')

/** `text` with kramdown's backslash escapes undone: `\*` is `*`, `\%` stays `\%`. */
export const withoutKramdownEscapes = (text: string): string =>
  text.replace(/\\([\s\S])/g, (escape, char: string) =>
    KRAMDOWN_ESCAPED.has(char) ? char : escape,
  )

/**
 * A backslash before ASCII punctuation kramdown does not escape (`%`, `&`, `,`, `/`, `;`, `?`,
 * `@`, `^`) is text, and so is the character after it: `$60\%$` and `$a\,b$` keep their TeX for
 * the site's MathJax, as kramdown writes them. Tried before CommonMark's escape, which takes
 * every other backslash.
 */
const literalBackslash: Construct = {
  name: 'kramdownLiteralBackslash',
  add: 'before',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const after: State = (code: Code) =>
      code !== null &&
      code < 0x7f &&
      /[!-/:-@[-`{-~]/.test(String.fromCharCode(code)) &&
      !KRAMDOWN_ESCAPED.has(String.fromCharCode(code))
        ? ok(code)
        : nok(code)
    return (code: Code) => {
      effects.enter('data')
      effects.consume(code)
      effects.exit('data')
      return after
    }
  },
}

/**
 * `\<<` is one of kramdown's typographic symbols too, the escaped `<<`: it shows `<<`, and its
 * second `<` opens nothing, as the second of a `<<` does ({@link kramdownDoubleAngle}):
 * `\<<https://example.org>` is text where CommonMark would escape the first `<` and link the
 * address. Tried before {@link literalBackslash} and CommonMark's escape.
 */
const kramdownEscapedDoubleAngle: Construct = {
  name: 'kramdownEscapedDoubleAngle',
  add: 'before',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const second: State = (code: Code) => {
      if (code !== 60) return nok(code)
      effects.enter('data')
      effects.consume(code)
      effects.exit('data')
      return ok
    }
    const first: State = (code: Code) => {
      if (code !== 60) return nok(code)
      effects.enter('characterEscapeValue')
      effects.consume(code)
      effects.exit('characterEscapeValue')
      effects.exit('characterEscape')
      return second
    }
    return (code: Code) => {
      effects.enter('characterEscape')
      effects.enter('escapeMarker')
      effects.consume(code)
      effects.exit('escapeMarker')
      return first
    }
  },
}

/** The schemes of the addresses kramdown links in angle brackets (its `AUTOLINK_START`). */
const KRAMDOWN_AUTOLINK_SCHEMES = new Set(['mailto', 'http', 'https', 'ftp', 'ftps'])

/**
 * What follows the `<` of an address CommonMark links and kramdown does not: a scheme other than
 * kramdown's (`<gs://bucket/file.csv>`, `<ldaps://host:636>`, `<HTTPS://…>`; its schemes are
 * lowercase), then the address up to its `>`. Read only to check, never kept.
 */
const otherSchemeAddress: Construct = {
  tokenize(this: TokenizeContext, effects, ok, nok) {
    let scheme = ''
    const take = (code: Code) => {
      effects.consume(code)
    }
    const schemeChar: State = (code: Code) => {
      if (code === 58 && scheme.length >= 2) {
        if (KRAMDOWN_AUTOLINK_SCHEMES.has(scheme)) return nok(code)
        take(code)
        return address
      }
      const char = code === null ? '' : String.fromCharCode(code)
      const allowed = scheme.length === 0 ? /[A-Za-z]/ : /[A-Za-z0-9+.-]/
      if (scheme.length >= 32 || !allowed.test(char)) return nok(code)
      scheme += char
      take(code)
      return schemeChar
    }
    const address: State = (code: Code) => {
      if (code === 62) return ok(code)
      // A space, a line ending, a control character or `<` ends no address (CommonMark's rule).
      if (code === null || code < 33 || code === 60 || code === 127) return nok(code)
      take(code)
      return address
    }
    return (code: Code) => {
      effects.enter('data')
      return schemeChar(code)
    }
  },
}

/**
 * The `<` of an address in angle brackets kramdown does not link (see
 * {@link otherSchemeAddress}) is text, and so is the rest: kramdown shows `<gs://bucket/x.csv>`
 * as written, where CommonMark would link it. Tried before CommonMark's autolink.
 */
const kramdownTextAngle: Construct = {
  name: 'kramdownTextAngle',
  add: 'before',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return (code: Code) => {
      effects.enter('data')
      effects.consume(code)
      effects.exit('data')
      return effects.check(otherSchemeAddress, ok, nok)
    }
  },
}

/**
 * `<<` is one of kramdown's typographic symbols («), read before anything else a `<` starts, so
 * its second `<` never opens anything: `<<name@example.com>>` is text where CommonMark would
 * link the address, and `cat <<EOF > out` is text where CommonMark would read a tag `<EOF >`.
 * Tried before {@link kramdownTextAngle}; a third `<` starts what it starts (`<<<a@b.c>`: a link).
 */
const kramdownDoubleAngle: Construct = {
  name: 'kramdownDoubleAngle',
  add: 'before',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const second: State = (code: Code) => {
      if (code !== 60) return nok(code)
      effects.consume(code)
      effects.exit('data')
      return ok
    }
    return (code: Code) => {
      effects.enter('data')
      effects.consume(code)
      return second
    }
  },
}

/**
 * What kramdown reads as an HTML block after `<`: a tag (or closing tag) or a comment, not an
 * instruction (`<?php`), a declaration (`<!DOCTYPE`) or CDATA, which CommonMark reads as HTML
 * blocks and kramdown as text. Read only to check, never kept.
 */
const kramdownHtmlStart: Construct = {
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const afterBang: State = (code: Code) => (code === 45 ? ok(code) : nok(code))
    const afterAngle: State = (code: Code) => {
      if (code === 63) return nok(code)
      if (code !== 33) return ok(code)
      effects.consume(code)
      return afterBang
    }
    return (code: Code) => {
      effects.enter('data')
      effects.consume(code)
      return afterAngle
    }
  },
}

/**
 * CommonMark's HTML block, only where kramdown reads one ({@link kramdownHtmlStart}): a page's
 * `<?php` line and what follows it up to a blank line is a paragraph, as kramdown shows it, not
 * an HTML block that runs to the page's end when no `?>` closes it.
 */
const kramdownHtmlFlow: Construct = {
  name: 'kramdownHtmlFlow',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return effects.check(kramdownHtmlStart, htmlFlow.tokenize.call(this, effects, ok, nok), nok)
  },
  resolveTo: htmlFlow.resolveTo,
  concrete: true,
}

/**
 * The syntax kramdown's GFM parser (what Jekyll and GitHub Pages use) reads on top of
 * CommonMark, as a remark plugin:
 * - tables, task list items and footnotes, as GitHub's (tables and task list items with
 *   `tablesAndTaskLists`, for a text that {@link mayHoldTableOrTaskList});
 * - strikethrough with `~~` only (`~one~` stays text);
 * - no autolink literals: a bare `https://…`, `www.…` or address stays text, as kramdown shows it;
 *   nor an address in angle brackets of a scheme kramdown does not link ({@link kramdownTextAngle}),
 *   nor anything the second `<` of a `<<` or `\<<` would start ({@link kramdownDoubleAngle},
 *   {@link kramdownEscapedDoubleAngle});
 * - math: `$$…$$` anywhere in a paragraph is a formula (a paragraph that is only a formula is
 *   display math, see `blocks/paragraph.ts`); a single `$` is a dollar sign. Only the inline
 *   construct is used: CommonMark-style `$$` fences, reading text after the opening `$$` as an
 *   info string, split kramdown's display formulas (`$$\begin{aligned} …` over several lines)
 *   and swallowed the rest of a quote when a formula ended in `…\end{aligned}$$`;
 * - a backslash escapes only the punctuation kramdown escapes ({@link literalBackslash});
 * - an HTML block starts only where kramdown's does ({@link kramdownHtmlFlow}).
 */
export function kramdownSyntax(
  this: Processor,
  {tablesAndTaskLists}: {tablesAndTaskLists: boolean},
): void {
  const data = this.data()
  const micromark = (data.micromarkExtensions ??= [])
  const fromMarkdown = (data.fromMarkdownExtensions ??= [])
  micromark.push(
    gfmFootnote(),
    gfmStrikethrough({singleTilde: false}),
    ...(tablesAndTaskLists ? [gfmTable(), gfmTaskListItem()] : []),
    // What `math(options).text` is: the construct under `$` (code 36).
    {
      text: {
        36: kramdownMathText,
        60: [kramdownDoubleAngle, kramdownTextAngle],
        92: [kramdownEscapedDoubleAngle, literalBackslash],
      },
    },
    {disable: {null: ['htmlFlow']}, flow: {60: kramdownHtmlFlow}},
    codeSpanSyntax,
    emphasisSyntax,
  )
  fromMarkdown.push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    ...(tablesAndTaskLists ? [tableFromMarkdown, taskListItemFromMarkdown] : []),
    mathFromMarkdown(),
    codeSpanFromMarkdown,
  )
}
