import {findDefinitionList} from './kramdown-definitions.ts'
import type {KramdownDefinitionList} from './kramdown-definitions.ts'
import {findKramdownTable} from './kramdown-table.ts'
import type {KramdownTable} from './kramdown-table.ts'
import {scanTags, SPAN_ELEMENTS, tagAt} from './tokens.ts'
import type {TagToken} from './tokens.ts'

/** How kramdown reads an HTML element's content: as HTML, as markdown blocks, or as markdown text. */
export type ContentModel = 'raw' | 'block' | 'span'

/** An HTML block as kramdown delimits it: from its start tag to its closing tag. */
export interface HtmlExtent {
  kind: 'comment' | 'element'
  /** Offset of the start of the line the block starts on. */
  lineStart: number
  /** Offset of the `<` that starts it. */
  start: number
  /** Offset just after its closing tag (or `-->`); the end of the text when it is never closed. */
  end: number
  /** `end` plus the spaces and the newline kramdown consumes after it. */
  consumed: number
  closed: boolean
  tag?: TagToken
  model?: ContentModel
  /** The markdown content of a `block`/`span` element (between its tags). */
  content?: {start: number; end: number}
}

/**
 * A block formula that runs over a blank line (`$$\begin{aligned}`, a blank line, the rows,
 * `\end{aligned}$$`): one formula for kramdown, which CommonMark would end at the blank line.
 */
export interface KramdownMath {
  kind: 'math'
  lineStart: number
  consumed: number
  /** The TeX between the `$$`s, trimmed as kramdown trims it. */
  tex: string
}

/**
 * A block the pre-pass hands over whole: an HTML block, a table only kramdown accepts, a
 * definition list (its definitions are blocks), or a formula over blank lines.
 */
export type KramdownBlock = HtmlExtent | KramdownTable | KramdownDefinitionList | KramdownMath

// kramdown's content models for `markdown="1"` (any other element is raw).
const BLOCK_MODEL = new Set(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(
    ' ',
  ),
)
const SPAN_MODEL = new Set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(
    ' ',
  ),
)

/** Elements without content or closing tag. */
export const VOID_ELEMENTS = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
)

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const BLANK = /^[ \t]*$/
const MATH_START = /^ {0,3}\$\$/
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}\.)(?:[ \t]|$)/
/** What must follow a block formula for kramdown: a blank line or the end. */
const AFTER_MATH = /^[ \t]*(?:\n|$)/

/**
 * The block formula starting at `pos` (a line start after a block boundary), if any: kramdown
 * reads `$$ … $$` there as math, from its first `$$` to the next, when only a block boundary
 * (a blank line or the end) follows, before it looks for a table (so a formula's `|` makes no cells).
 */
function blockMath(text: string, pos: number, line: string): KramdownMath | undefined {
  const open = MATH_START.exec(line)
  if (!open) return undefined
  const from = pos + open[0].length
  const close = text.indexOf('$$', from)
  if (close === -1) return undefined
  let end = close + 2
  while (text[end] === ' ' || text[end] === '\t') end++
  if (text[end] === '\n') end++
  if (!AFTER_MATH.test(text.slice(end, end + 200))) return undefined
  return {kind: 'math', lineStart: pos, consumed: end, tex: text.slice(from, close).trim()}
}

/** A blank line inside a formula: CommonMark would end its paragraph there. */
const BLANK_INSIDE = /\n[ \t]*\n/

/**
 * Whether the site asks kramdown to read the content of HTML blocks as markdown, as if each
 * element had `markdown="1"` (`kramdown: parse_block_html: true` in `_config.yml`, which Jekyll
 * passes to kramdown): a `<details>` answer's `**bold**` is bold. kramdown takes any value but
 * false, `"false"` and nothing as true.
 */
export function parsesBlockHtml(site: Readonly<Record<string, unknown>> | undefined): boolean {
  const value = (site?.kramdown as {parse_block_html?: unknown} | undefined)?.parse_block_html
  if (value === undefined || value === null || typeof value === 'boolean') return value === true
  const text = String(value)
  return text !== '' && text.trim().toLowerCase() !== 'false'
}

/**
 * Finds the blocks kramdown reads differently from CommonMark in `text` from `from`: HTML
 * blocks (tag-balanced, ending at their closing tag) and tables GFM rejects. With `close`, stops
 * at a line that closes that element (the content of a `markdown="1"` element) and returns it.
 * With `parseBlockHtml` (see {@link parsesBlockHtml}), an element without a `markdown` attribute
 * is read as if it had `markdown="1"`.
 */
export function scanBlocks(
  text: string,
  from = 0,
  close?: string,
  parseBlockHtml = false,
): {blocks: KramdownBlock[]; closing?: TagToken} {
  const blocks: KramdownBlock[] = []
  let pos = from
  let boundary = true
  let fence: string | undefined
  // Whether a list may be open: an indented tag there is an item's content, not a block here.
  let inList = false
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos)
    const lineEnd = newline === -1 ? text.length : newline
    const next = newline === -1 ? text.length : newline + 1
    const line = text.slice(pos, lineEnd)
    if (fence) {
      if (line.trim().startsWith(fence) && /^[`~]+$/.test(line.trim())) fence = undefined
      pos = next
      continue
    }
    const opening = FENCE.exec(line)
    if (opening) {
      fence = opening[1]
      boundary = false
      pos = next
      continue
    }
    if (BLANK.test(line)) {
      boundary = true
      pos = next
      continue
    }
    const indent = /^ {0,3}</.exec(line)
    if (indent && close) {
      const tag = tagAt(text, pos + indent[0].length - 1)
      if (tag?.closing && tag.name === close) return {blocks, closing: tag}
    }
    const math = boundary ? blockMath(text, pos, line) : undefined
    if (math) {
      // Handed over whole only when it runs over a blank line; otherwise CommonMark's paragraph
      // holds it as it is.
      if (BLANK_INSIDE.test(text.slice(pos, math.consumed).trimEnd())) blocks.push(math)
      pos = math.consumed
      boundary = true
      continue
    }
    if (LIST_ITEM.test(line)) inList = true
    else if (boundary && !/^[ \t]/.test(line)) inList = false
    // kramdown starts an HTML block at a tag indented by up to three spaces (`  {{ post }}` in a
    // Liquid loop writes a layout's `<div>` so); CommonMark ends such a block at a blank line.
    const openAt = !indent
      ? undefined
      : line.startsWith('<') || !inList
        ? pos + indent[0].length - 1
        : undefined
    // A span element's tag starts no HTML block: its line may start a table (`<img …> | <img …>`).
    const block: KramdownBlock | undefined =
      (openAt !== undefined ? htmlBlockAt(text, openAt, pos, parseBlockHtml) : undefined) ??
      (boundary
        ? (findKramdownTable(text, pos, !inList) ?? findDefinitionList(text, pos))
        : undefined)
    if (block) {
      blocks.push(block)
      pos = block.consumed
      // kramdown starts a block on the line after a table, or after an HTML block that ends its
      // line: `-->` then `Classes` over `: Topics` is a definition list.
      boundary = block.kind === 'table' || (block.kind !== 'definitions' && text[pos - 1] === '\n')
      continue
    }
    boundary = false
    pos = next
  }
  return {blocks}
}

/**
 * The HTML block whose `<` is at `pos`, on the line starting at `lineStart`, if kramdown starts
 * one there (`parseBlockHtml`: see {@link scanBlocks}).
 */
export function htmlBlockAt(
  text: string,
  pos: number,
  lineStart = pos,
  parseBlockHtml = false,
): HtmlExtent | undefined {
  if (text.startsWith('<!--', pos)) {
    const end = text.indexOf('-->', pos + 4)
    if (end === -1) return undefined
    return finish(text, {kind: 'comment', lineStart, start: pos, closed: true}, end + 3)
  }
  const tag = tagAt(text, pos)
  if (!tag || tag.closing || SPAN_ELEMENTS.has(tag.name)) return undefined
  const base = {kind: 'element' as const, lineStart, start: pos, tag}
  if (tag.selfClosing || VOID_ELEMENTS.has(tag.name)) {
    return finish(text, {...base, closed: true, model: 'raw'}, tag.end)
  }
  const model = contentModel(tag, parseBlockHtml)
  if (model === 'block') {
    const contentStart = contentStartAfter(text, tag)
    const {closing} = scanBlocks(text, contentStart, tag.name, parseBlockHtml)
    const contentEnd = closing ? lineStartOf(text, closing.start) : text.length
    return finish(
      text,
      {...base, closed: !!closing, model, content: {start: contentStart, end: contentEnd}},
      closing?.end ?? text.length,
    )
  }
  // `<script>` and `<style>` hold text up to their closing tag, as in kramdown.
  const closing =
    model === 'span' || tag.name === 'script' || tag.name === 'style'
      ? firstClosing(text, tag)
      : balancedClosing(text, tag, parseBlockHtml)
  return finish(
    text,
    {
      ...base,
      closed: !!closing,
      model,
      ...(model === 'span' ? {content: {start: tag.end, end: closing?.start ?? text.length}} : {}),
    },
    closing?.end ?? text.length,
  )
}

// Blanks and the line break right after a start tag, which its markdown content does not hold.
const AFTER_START_TAG = /[ \t]*\n/y

/** Where the markdown content of a `markdown="block"` element whose start tag is `tag` begins. */
function contentStartAfter(text: string, tag: TagToken): number {
  AFTER_START_TAG.lastIndex = tag.end
  return AFTER_START_TAG.test(text) ? AFTER_START_TAG.lastIndex : tag.end
}

function finish(text: string, extent: Omit<HtmlExtent, 'end' | 'consumed'>, end: number) {
  const trailing = /^[ \t]*(?:\n|$)/.exec(text.slice(end, end + 200))
  return {...extent, end, consumed: end + (trailing?.[0].length ?? 0)}
}

/**
 * How kramdown reads the content of the element `tag` starts: as its `markdown` attribute says
 * (`"1"`: as the element's own model), else as its own model when the element is read with
 * `parseBlockHtml` (a block, or an element in the markdown content of one), else as HTML.
 */
export function contentModel(tag: TagToken, parseBlockHtml: boolean): ContentModel {
  const markdown = tag.attributes.markdown
  if (markdown === 'block' || markdown === 'span') return markdown
  if (markdown === '0') return 'raw'
  if (markdown !== '1' && !parseBlockHtml) return 'raw'
  return BLOCK_MODEL.has(tag.name) ? 'block' : SPAN_MODEL.has(tag.name) ? 'span' : 'raw'
}

// kramdown's raw HTML parser: a closing tag closes the innermost open element only when its name
// matches; any other closing tag is text. An element never closed runs to the end of the page.
// An element inside is HTML too unless its `markdown` attribute says otherwise, whatever
// `parseBlockHtml` is, though markdown content it holds is read with it.
function balancedClosing(
  text: string,
  tag: TagToken,
  parseBlockHtml: boolean,
): TagToken | undefined {
  const open = [tag.name]
  let closing: TagToken | undefined
  for (let from = tag.end; ;) {
    // Where scanning goes on after an element whose content kramdown reads as markdown.
    let resume: number | undefined
    scanTags(text, from, (each) => {
      const model = each.closing || each.selfClosing ? 'raw' : contentModel(each, false)
      if (model === 'block') {
        // Its content is markdown (`<td markdown="block">` over a fence holding `List<String>`):
        // a tag in its code is text, and its own closing tag ends it.
        const contentStart = contentStartAfter(text, each)
        resume =
          scanBlocks(text, contentStart, each.name, parseBlockHtml).closing?.end ?? text.length
        return true
      }
      if (model === 'span') {
        // Its content is a line of markdown that its first closing tag ends, whatever it holds:
        // `<td markdown="span">` over `<a href="…"><img …><a/>` is closed by its `</td>`.
        resume = firstClosing(text, each)?.end ?? text.length
        return true
      }
      if (!each.closing) {
        if (!each.selfClosing && !VOID_ELEMENTS.has(each.name)) open.push(each.name)
      } else if (each.name === open[open.length - 1]) {
        open.pop()
        if (open.length === 0) closing = each
      }
      return closing !== undefined
    })
    if (resume === undefined || resume >= text.length) return closing
    from = resume
  }
}

function firstClosing(text: string, tag: TagToken): TagToken | undefined {
  let closing: TagToken | undefined
  scanTags(text, tag.end, (each) => {
    if (each.closing && each.name === tag.name) closing = each
    return closing !== undefined
  })
  return closing
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

let scanned: {text: string; parseBlockHtml: boolean; blocks: KramdownBlock[]} | undefined

/**
 * Whether `offset` of `text` is inside an HTML element kramdown does not read as markdown blocks
 * (a `<div>` without `markdown="1"`, or the text of a `markdown="span"` one), at any depth of
 * `markdown="1"` elements: markdown written there, a code fence say, is not read as such
 * (`parseBlockHtml`: see {@link scanBlocks}).
 */
export function insideRawHtml(text: string, offset: number, parseBlockHtml = false): boolean {
  // A page with many code blocks asks about the same text for each: scanned once.
  if (scanned?.text !== text || scanned.parseBlockHtml !== parseBlockHtml) {
    scanned = {text, parseBlockHtml, blocks: scanBlocks(text, 0, undefined, parseBlockHtml).blocks}
  }
  for (const block of scanned.blocks) {
    if (block.kind !== 'element' || offset < block.start || offset >= block.end) continue
    const content = block.content
    if (block.model !== 'block' || !content) return true
    if (offset < content.start || offset >= content.end) return true
    const inner = text.slice(content.start, content.end)
    return insideRawHtml(inner, offset - content.start, parseBlockHtml)
  }
  return false
}
