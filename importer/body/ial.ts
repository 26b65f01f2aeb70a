import type {Nodes} from 'mdast'

import {CALLOUT_TONES} from '../../schemas/constants.ts'
import type {CalloutTone} from '../../schemas/constants.ts'
import {headingText} from '../../schemas/headingText.ts'
import {isTextBlock} from './blocks/text-block.ts'
import type {Item, TextBlock} from './blocks/text-block.ts'
import {unquoteBlocks} from './blocks/quote-style.ts'
import {tableOfContents} from './blocks/toc.ts'
import {detachFromList, startAt} from './blocks/list-item.ts'
import type {ListContext, ListState} from './blocks/walk.ts'
import {BLOCK_TYPES, LIST} from './names.ts'
import {toSectionBody, toTitleText} from './rich-text.ts'
import type {State} from './state.ts'
import {isTextOnly, report} from './state.ts'
import {isLabelClass, labelBlock, labelOf} from './inline/label.ts'
import {TOC_REFERENCE} from './ial-classes.ts'

/** A kramdown attribute list on its own line: `{: .note }`, `{:toc}`, `{: #id .a .b }`. */
export const IAL_LINE = /^\{:\s*([^{}\n]*?)\s*\}$/

/**
 * kramdown's IAL_BLOCK at a line start (up to three spaces in; `{::` extensions and `{:/}` are
 * not attribute lists): a line kramdown never reads as a lazy line of a list item or definition.
 */
export const IAL_BLOCK_LINE = /^ {0,3}\{:(?![:/])(?:\\\}|[^}\n])+\}[ \t]*$/

/**
 * kramdown's LIST_ITEM_IAL at the start of an item's first line (`- {: .hint} Hint: …`), with the
 * blanks after it: the attribute list is the item's (`<li class="hint">`), the text after it the
 * item's text.
 */
export const ITEM_IAL = /^(\{:(?!(?:[A-Za-z][\w-]*)?:|\/)(?:\\\}|[^}\n])+\})[ \t]*/

/**
 * A block attribute list right under a list's last line, where kramdown ends the list and gives
 * it the list (`<ul class="highlight">`), and CommonMark reads it as a lazy line of the last
 * item's paragraph, and the text after it too. `list-nesting.ts` writes such a line as this
 * comment (a noncharacter marks it as the importer's), which ends the paragraph and the list for
 * CommonMark as well; `blocks/html.ts` reports it.
 */
export const listIalLine = (line: string): string =>
  `${/^ */.exec(line)![0]}<!--\uFDDF${line.trim()}-->`

/** The attribute list `listIalLine` wrote into `html`, if it is one. */
export const listIalOf = (html: string): string | undefined =>
  /^<!--\uFDDF(\{:[^\n]*\})-->$/.exec(html)?.[1]

/** Tone for a just-the-docs callout class; other sites name them differently, so aliases too. */
const TONE_ALIASES: Record<string, string> = {
  info: 'note',
  new: 'tip',
  highlight: 'important',
  caution: 'warning',
  danger: 'warning',
}

// Classes that only style the element (buttons, labels, font sizes, colours): dropped, content kept.
const STYLE_ONLY =
  /^(?:btn|label|fs-\d|fw-|text-|bg-|lh-|d-|float-|m[trblxy]?-|p[trblxy]?-|v-align|no_toc$|main-content$)/

/** A text block that is a paragraph of its own: not a heading, a list item or a quote's text. */
const isParagraph = (item: Item | undefined): boolean =>
  isTextBlock(item) && item.style === 'normal' && item.listItem === undefined

/**
 * Applies an attribute list to the items one block produced (`out.slice(start)`): a callout
 * class wraps them in a `callout`, `{:toc}` turns the list it is attached to into a
 * `tableOfContents` (see `applyToc`), `.no_toc` on a heading leaves it out of tables of
 * contents, styling classes are dropped with an info diagnostic. `list` is the list item the
 * block sits in, if any.
 */
export function applyIal(
  classes: string[],
  out: Item[],
  start: number,
  node: Nodes,
  state: State,
  list?: ListContext,
): void {
  // An extension on a block's line styles nothing (paragraph.ts reports it on its own line).
  if (classes[0]?.startsWith(':')) return
  if (classes.includes(TOC_REFERENCE)) return applyToc(out, start, node, state, list)
  const startToken = classes.find((name) => name.startsWith('start='))
  if (startToken) {
    applyStart(Number(startToken.slice('start='.length)), out, start, node, state, list)
    classes = classes.filter((name) => name !== startToken)
    if (classes.length === 0) return
  }
  const head = out[start]
  const language = languageClass(classes, head)
  if (language) {
    // `~~~` … `~~~` over `{: .language-bash}` (as lessons in the Carpentries' style write it):
    // kramdown gives the code that class, and its readers see it highlighted as that language.
    ;(head as {language?: string}).language = language.slice('language-'.length)
    classes = classes.filter((name) => name !== language)
    if (classes.length === 0) return
  }
  const heading = isTextBlock(head) && /^h\d$/.test(head.style)
  const idToken = classes.find((name) => name.startsWith('id='))
  if (idToken) {
    // An id names a heading's anchor (`## Week 1 (18 May)` over `{: #week-1 }`), as a header id
    // does; the page's other blocks have no anchors.
    const id = idToken.slice('id='.length)
    if (heading && !isTextOnly(state)) head.anchor = id
    else
      report(state, 'info', 'ial-dropped', node, `Dropped the id #${id}: only a heading has one.`)
    classes = classes.filter((name) => name !== idToken)
    if (classes.length === 0) return
  }
  if (classes.includes('no_toc') && heading) state.noTocHeadings.push(headingText(head))
  // A paragraph of class `label` (`Introduced 2.13` over `{: .label .label-purple }`) is a badge.
  const label = out.length - start === 1 && isParagraph(head) ? labelOf(classes) : undefined
  if (label && labelBlock(head as TextBlock, label)) {
    classes = classes.filter((name) => !isLabelClass(name))
    if (classes.length === 0) return
  }
  // just-the-docs styles a callout class only on a paragraph or a quote (`p.note`,
  // `blockquote.note`): a heading's (`### Apple Silicon` over `{: .new-title}`) or a table's
  // styles nothing.
  const unstyled = heading || head?._type === BLOCK_TYPES.table
  for (const name of unstyled ? [] : classes) {
    const titled = name.endsWith('-title')
    const tone = toneOf(titled ? name.slice(0, -'-title'.length) : name, state)
    if (tone) {
      let items = detachFromList(out.splice(start), list)
      // A quote of more than one paragraph is a frame already: its content is the callout's.
      const framed = items.length === 1 && items[0]._type === BLOCK_TYPES.quote
      if (framed) items = (items[0] as Record<string, unknown>).body as Item[]
      const first = items[0]
      // The title is a quote's first paragraph (`blockquote.note-title > p:first-child`); a
      // paragraph of that class is a callout whose text is all body (`p.note-title`).
      const quote = isTextBlock(first) && (framed || state.quoted.has(first))
      if (!framed) unquoteBlocks(items, state)
      const title = titled && quote ? toTitleText([first]) : undefined
      const body = toSectionBody(title === undefined ? items : items.slice(1), state, node)
      out.push({_type: BLOCK_TYPES.callout, tone, ...(title?.length ? {title} : {}), body})
      return
    }
  }
  const dropped = classes.filter((name) => !STYLE_ONLY.test(name))
  const calloutUnstyled =
    unstyled && classes.some((name) => toneOf(name.replace(/-title$/, ''), state))
  const why = calloutUnstyled
    ? `; a callout class styles only a paragraph or a quote, not a ${heading ? 'heading' : 'table'}`
    : dropped.length
      ? `; "${dropped.join('", "')}" is not a callout`
      : ''
  report(
    state,
    'info',
    'ial-dropped',
    node,
    `Dropped the attribute list {: ${classes.map((c) => '.' + c).join(' ')} }${why}: it only styles the block.`,
  )
}

/**
 * The `language-…` class an attribute list gives a code block that names no language of its
 * own (undefined: none, or not a code block). A fence's own language wins, as kramdown's first
 * class does.
 */
function languageClass(classes: readonly string[], head: Item | undefined): string | undefined {
  if (head?._type !== BLOCK_TYPES.code || (head as {language?: string}).language) return undefined
  return classes.find((name) => /^language-[\w+#.-]+$/.test(name))
}

/** Whether `name` is a callout's class (`note`, `note-title`, or one the site defines). */
export function isCalloutClass(name: string, state: State): boolean {
  return toneOf(name.replace(/-title$/, ''), state) !== undefined
}

function toneOf(name: string, state: State): CalloutTone | undefined {
  const alias = TONE_ALIASES[name] ?? name
  if ((CALLOUT_TONES as readonly string[]).includes(alias)) return alias as CalloutTone
  // A site can define its own callouts in _config.yml (`callouts: {ok: {color: green}}`).
  const custom = state.ctx.site.callouts
  if (custom && typeof custom === 'object' && name in custom) return CALLOUT_TONES[0]
  return undefined
}

/**
 * `{:toc}` as kramdown reads it: attached to a list (on the line before it, or unindented right
 * after its last item) it makes that list the table-of-contents placeholder; written inside a
 * list item (indented to the item's text) or after any other block it styles nothing, so it is
 * dropped and the content stays.
 */
function applyToc(
  out: Item[],
  start: number,
  node: Nodes,
  state: State,
  list: ListContext | undefined,
): void {
  const target = listTarget(out, start, node, state, list, /\{:(?:[^}]*\s)?toc(?:\s[^}]*)?\}/)
  if (target === 'attached') {
    const first = out[start] as TextBlock
    out.splice(start)
    out.push(tableOfContents(first.listItem === LIST.number, state, node))
    return
  }
  if (target) {
    target.toc = node
    return
  }
  report(
    state,
    'info',
    'ial-toc-ignored',
    node,
    list
      ? 'Dropped a {:toc} written inside a list item: kramdown makes a table of contents only of a whole list, so the list stays.'
      : 'Dropped a {:toc} attached to something other than a list: kramdown ignores it there.',
  )
}

// `{: start="5"}` on a numbered list: kramdown numbers it from 5. Anywhere else it is dropped.
function applyStart(
  value: number,
  out: Item[],
  start: number,
  node: Nodes,
  state: State,
  list: ListContext | undefined,
): void {
  const target = listTarget(out, start, node, state, list, /start=/)
  if (target === 'attached') startAt(out[start], value)
  else if (target) target.start = value
  else
    report(state, 'info', 'ial-dropped', node, 'Dropped a start= attribute not attached to a list.')
}

/**
 * The list an attribute list line belongs to, as kramdown reads it: 'attached' when the
 * block it applies to (`out[start]`) is a list's first item; the list of an enclosing item
 * when the line (found by `pattern`) is indented less than that item's text, since
 * CommonMark reads such a line as a lazy continuation of the item's paragraph; else none.
 */
function listTarget(
  out: Item[],
  start: number,
  node: Nodes,
  state: State,
  list: ListContext | undefined,
  pattern: RegExp,
): 'attached' | ListState | undefined {
  const first = out[start]
  if (isTextBlock(first) && first.listItem && first.level === (list?.level ?? 0) + 1)
    return 'attached'
  const indent = lineIndent(node, state.source, pattern)
  if (!list || indent === undefined || indent >= (list.contentColumn ?? 0)) return undefined
  let target = list
  while (target.outer && indent < (target.outer.contentColumn ?? 0)) target = target.outer
  return target.list
}

// The column of the first of the node's lines that matches `pattern`.
function lineIndent(node: Nodes, source: string, pattern: RegExp): number | undefined {
  const position = node.position
  if (position?.start.offset === undefined || position.end.offset === undefined) return undefined
  const lineStart = source.lastIndexOf('\n', position.start.offset - 1) + 1
  const lines = source.slice(lineStart, position.end.offset).split('\n')
  for (const line of lines) {
    if (!pattern.test(line)) continue
    const brace = line.indexOf('{')
    if (brace !== -1) return brace
  }
  return undefined
}
