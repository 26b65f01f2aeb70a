import {decodeNamedCharacterReference} from 'decode-named-character-reference'

/**
 * GitHub Pages' `jekyll-titles-from-headings`: a page without `title:` whose content starts
 * (after whitespace) with a `#`, `##` or `###` heading, or a setext one, takes that heading's
 * text as its title. Ruby's `\s` and `.` spelled out, and `$` as Ruby's end of line.
 */
const TITLE = new RegExp(
  String.raw`^[ \t\r\n\f\v]*(?:#{1,3}[ \t\r\n\f\v]+([^\n]*)|([^\n]*)\r?\n[-=]+[ \t\r\n\f\v]*)(?=\n|$)`,
)

/**
 * The title the plugin gives a page whose body is `body`, as readers see it in the navigation,
 * or undefined when the body does not start with a heading it reads. Typographic quotes and
 * dashes stay as typed, as everywhere in the project.
 */
export function titleFromHeading(body: string): string | undefined {
  const match = TITLE.exec(body)
  if (!match) return undefined
  return headingTitleText(match[1] ?? match[2])
}

/** kramdown's block markers at the start of a line the plugin renders as a paragraph. */
const BLOCK_MARKER = /^(?:[ ]{0,3}(?:>[ ]?|[*+-][ \t]+|\d+\.[ \t]+))+/
/** Characters kramdown takes a backslash off. */
const ESCAPE = /\\([\\.*_+\-`()[\]{}#!:|"'$=<>~^])/g
const AUTOLINK = /<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)|(?:[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+))>/g
const IMAGE = /!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+(["'])[^]*?\1)?\s*\)/g
const LINK = /\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(["'])[^]*?\2)?\s*\)/g
const MATH = /\$\$([\s\S]+?)\$\$/g
const STRONG = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g
const EMPHASIS =
  /\*(?=[^\s*])([^*]*?[^\s*])\*|(?<![A-Za-z0-9_])_(?=[^\s_])([^_]*?[^\s_])_(?![A-Za-z0-9_])/g
const STRIKE = /~~(?=\S)([\s\S]*?\S)~~/g
/**
 * Jekyll's `strip_html` (scripts, styles and comments with their content, then every tag), on
 * the tags kramdown passes through: a `<` that starts no tag is text.
 */
const HTML =
  /<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/gi
const REFERENCE = /&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g
/** The plugin's last step: footnote markers kramdown left as text. */
const FOOTNOTE = /\[\^[^\]]*\]/g

/**
 * A heading's markdown as the plugin leaves it: rendered by kramdown (`markdownify`), its tags
 * stripped, whitespace collapsed, footnote markers removed; then its character references
 * decoded, as the browser shows the title.
 */
export function headingTitleText(markdown: string): string {
  // A heading longer than any real one (a line of a broken or hostile page) is taken as written.
  if (markdown.length > MAX_MARKUP) return decodeReferences(normalized(markdown))
  // Code and escaped characters are literal text: set aside before the markup is taken off.
  const literal: string[] = []
  const keep = (text: string) => `\u0000${literal.push(text) - 1}\u0000`
  let text = codeSpans(markdown.replace(BLOCK_MARKER, ''), (code) => keep(code.trim()))
    .replace(ESCAPE, (_, char: string) => keep(char))
    .replace(AUTOLINK, (_, address: string) => keep(address))
    .replace(MATH, (_, tex: string) => keep(`\\(${tex}\\)`))
    .replace(IMAGE, '')
    .replace(LINK, (_, label: string) => label)
  for (let before = ''; before !== text;) {
    before = text
    text = text
      .replace(STRONG, (_, _mark: string, inner: string) => inner)
      .replace(EMPHASIS, (_, star?: string, underscore?: string) => star ?? underscore ?? '')
      .replace(STRIKE, (_, inner: string) => inner)
  }
  text = text
    .replace(HTML, '')
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => literal[Number(index)])
  return decodeReferences(normalized(text).replace(FOOTNOTE, ''))
}

/** Jekyll's `normalize_whitespace`: Ruby's ASCII `\s`, so a no-break space stays. */
const normalized = (text: string) => text.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/^ | $/g, '')

/** Characters of heading markdown read for its markup; a longer one is taken as written. */
const MAX_MARKUP = 1000

/**
 * `text` with each code span, a run of backticks up to the next run of as many, given to
 * `keep`; a run that none closes is text. A scan, where a regular expression with a
 * backreference backtracks for seconds over a line of backticks.
 */
function codeSpans(text: string, keep: (code: string) => string): string {
  const runEnd = (from: number) => {
    let end = from
    while (text[end] === '`') end++
    return end
  }
  let out = ''
  let done = 0
  for (let open = text.indexOf('`'); open !== -1;) {
    const start = runEnd(open)
    let close = text.indexOf('`', start)
    while (close !== -1 && runEnd(close) - close !== start - open) {
      close = text.indexOf('`', runEnd(close))
    }
    if (close === -1) {
      open = text.indexOf('`', start)
      continue
    }
    out += text.slice(done, open) + keep(text.slice(start, close))
    done = close + (start - open)
    open = text.indexOf('`', done)
  }
  return out + text.slice(done)
}

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name) return decodeNamedCharacterReference(name) || reference
    const code = hex ? Number.parseInt(hex, 16) : Number(decimal)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : reference
  })
}
