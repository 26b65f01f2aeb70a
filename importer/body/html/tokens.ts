import type * as Parse5 from 'parse5'
import type {Token, Tokenizer} from 'parse5'

import {onFirstUse} from '../../onFirstUse.ts'

/** parse5, loaded when a page first has a tag to read (19 modules). */
const loadParse5 = onFirstUse<typeof Parse5>('parse5')

/** A tag read by the HTML tokenizer: name, attributes (entities decoded), and where it is. */
export interface TagToken {
  name: string
  closing: boolean
  selfClosing: boolean
  attributes: Record<string, string>
  /** Offsets of the tag in the text given to the scan. */
  start: number
  end: number
}

// kramdown's HTML_SPAN_ELEMENTS: at the start of a line these begin a paragraph, not an HTML block.
export const SPAN_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
)

/** kramdown's HTML_BLOCK_ELEMENTS: inside a paragraph their tags are text, and hold nothing. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul'.split(
    ' ',
  ),
)

/**
 * Elements whose content kramdown reads as markdown inside a paragraph: its HTML_CONTENT_MODEL's
 * span and block entries, and its block elements (their tag is text there, and what follows is
 * read as usual). Any other element's content, a known one's (`<u>`, `<kbd>`) or that of text
 * that only looks like a tag (`List<String>`), it reads as raw text up to the closing tag.
 */
export const MARKDOWN_CONTENT: ReadonlySet<string> = new Set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td col colgroup head hr html ol pre table tbody tfoot thead tr ul'.split(
    ' ',
  ),
)

/** kramdown's HTML_ELEMENTS_WITHOUT_BODY: their tag holds nothing, whatever follows it. */
export const WITHOUT_BODY: ReadonlySet<string> = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
)

/** A tag at a line's start, after up to three spaces: its name. */
const TAG_NAME = /^ {0,3}<\/?([A-Za-z][\w:-]*)/

/**
 * Whether `line` starts with the opening or closing tag of an element that is neither a span
 * element nor `script` (kramdown's `LAZY_END_HTML_START` and `LAZY_END_HTML_STOP`): no lazy
 * line of a paragraph, a list item or a definition.
 */
export function startsLazyEnd(line: string): boolean {
  const name = TAG_NAME.exec(line)?.[1]?.toLowerCase()
  return name !== undefined && !SPAN_ELEMENTS.has(name) && name !== 'script'
}

/** Elements whose text runs to their closing tag without markup (kramdown reads them raw too). */
const RAW_TEXT = new Set(['script', 'style'])

/**
 * A `</` that kramdown does not read as a closing tag (`</name>`, spaces allowed before the
 * `>`): `</strong.` then text, `</ p>`, `</3`. kramdown keeps it as text; a browser's parser
 * reads an end tag or a bogus comment up to the next `>`, which takes the text and the tags in
 * between.
 */
const NOT_A_CLOSING_TAG = /<\/(?![A-Za-z_:][-\w.:]*\s*>)/g

/** Stands for such a `<` while parse5 reads the HTML: one code unit, so offsets hold. */
export const TEXT_LT = '\uE000'

/**
 * The HTML with each `<` of a `</` kramdown keeps as text written {@link TEXT_LT}, for parse5 to
 * read it as text too; as it is when it has none (or already holds that character).
 */
export function textClosersEscaped(html: string): string {
  if (!html.includes('</') || html.includes(TEXT_LT)) return html
  return html.replace(NOT_A_CLOSING_TAG, `${TEXT_LT}/`)
}

/**
 * Thrown from a token handler to stop the tokenizer once the caller has what it needs: one value,
 * not an Error made each time (each would record a stack, and a page stops the tokenizer once per
 * tag it reads).
 */
const STOP = Symbol('stop')

const ignore = () => undefined

/**
 * Runs parse5's tokenizer over `text` (as a browser reads it: quotes, entities, comments, the
 * text of a `<script>` or `<style>`), calling `onTag` for each start and end tag.
 */
function tokenizeTags(
  text: string,
  onTag: (token: Token.TagToken, closing: boolean) => void,
): void {
  const {Tokenizer, TokenizerMode} = loadParse5()
  const tokenizer: Tokenizer = new Tokenizer(
    {sourceCodeLocationInfo: true},
    {
      onStartTag: (token) => {
        if (RAW_TEXT.has(token.tagName)) tokenizer.state = TokenizerMode.RAWTEXT
        onTag(token, false)
      },
      onEndTag: (token) => onTag(token, true),
      onComment: ignore,
      onDoctype: ignore,
      onEof: ignore,
      onCharacter: ignore,
      onNullCharacter: ignore,
      onWhitespaceCharacter: ignore,
    },
  )
  tokenizer.write(textClosersEscaped(kramdownComments(text)), true)
}

/**
 * An empty comment a browser closes at once (`<!-->`, `<!--->`) runs on to the next `-->` for
 * kramdown, whose comment is `<!--` up to the first `-->` after it: the tags in between are the
 * comment's, and the element around it ends where kramdown ends it. Its `>` is written as a
 * space for parse5 (one code unit: offsets hold).
 */
function kramdownComments(text: string): string {
  return text.includes('<!--') ? text.replace(/<!--(-?)>/g, '<!--$1 ') : text
}

/**
 * Walks the tags of `text` from `from` with parse5's tokenizer, calling `visit` for each;
 * `visit` returns true to stop.
 */
export function scanTags(text: string, from: number, visit: (tag: TagToken) => boolean): void {
  try {
    tokenizeTags(from === 0 ? text : text.slice(from), (token, closing) => {
      if (visit(tagToken(token, closing, from))) throw STOP
    })
  } catch (error) {
    if (error !== STOP) throw error
  }
}

/**
 * `html` without the `markdown` attributes of its start tags, as kramdown writes the elements
 * it keeps (it reads the attribute, and drops it): `<form markdown="0" action="/x">` is
 * `<form action="/x">`.
 */
export function withoutMarkdownAttributes(html: string): string {
  if (!/\smarkdown\b/i.test(html)) return html
  const spans: Array<[number, number]> = []
  tokenizeTags(html, (token, closing) => {
    const at = closing ? undefined : token.location?.attrs?.markdown
    if (at) spans.push([at.startOffset, at.endOffset])
  })
  let out = ''
  let pos = 0
  for (const [start, end] of spans) {
    // The white space before the attribute goes with it.
    let from = start
    while (from > pos && /\s/.test(html[from - 1]!)) from--
    out += html.slice(pos, from)
    pos = end
  }
  return out + html.slice(pos)
}

function tagToken(token: Token.TagToken, closing: boolean, shift: number): TagToken {
  const attributes: Record<string, string> = {}
  for (const attribute of token.attrs) attributes[attribute.name] ??= attribute.value
  return {
    name: token.tagName,
    closing,
    selfClosing: token.selfClosing,
    attributes,
    start: (token.location?.startOffset ?? 0) + shift,
    end: (token.location?.endOffset ?? 0) + shift,
  }
}

/** The tag `text` consists of (`<b>`, `</a>`, `<img src="x">`), or undefined when it is not one tag. */
export function readTag(text: string): TagToken | undefined {
  const trimmed = text.trim()
  if (!trimmed.startsWith('<')) return undefined
  let found: TagToken | undefined
  scanTags(trimmed, 0, (tag) => {
    found = tag.start === 0 && tag.end === trimmed.length ? tag : undefined
    return true
  })
  return found
}

/** The first tag starting exactly at `offset` of `text`, if one does. */
export function tagAt(text: string, offset: number): TagToken | undefined {
  // kramdown's tag name (an XML name) must end at a space, `/>` or `>`: the HTML tokenizer
  // would read the autolink `<https://example.org>` as a tag named `https:`.
  NAME_AT.lastIndex = offset
  if (!NAME_AT.test(text)) return undefined
  // A window, so that a `<` that starts no tag does not make the tokenizer read the whole page. A
  // tag the window cuts (one the tokenizer is still reading at its end) is read again in a larger
  // one: Liquid writes long ones (`data-paths="{{ site.data.paths | jsonify | escape }}"`).
  for (let size = MAX_TAG_LENGTH; ; size *= 8) {
    let found: TagToken | undefined
    let ended = false
    scanTags(text.slice(offset, offset + size), 0, (tag) => {
      ended = true
      found = tag.start === 0 ? {...tag, start: offset, end: tag.end + offset} : undefined
      return true
    })
    if (ended || offset + size >= text.length || size >= MAX_GENERATED_TAG_LENGTH) return found
  }
}

const NAME_AT = /<\/?[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?(?=[\s>]|\/>)/y

// Longer start tags exist only in generated HTML; a page's hand-written block never has one.
const MAX_TAG_LENGTH = 4096

// The longest start tag read at all (a window of 4, 32, then 256 KB).
const MAX_GENERATED_TAG_LENGTH = MAX_TAG_LENGTH * 64
