import type {Break, Html, Nodes, PhrasingContent} from 'mdast'

import {decodeEntities, isCustomElement, isElementName, parseTag, textOf} from '../html/tags.ts'
import type {Tag} from '../html/tags.ts'
import {BLOCK_TYPES, MARK} from '../names.ts'
import {parseMarkdown} from '../parse.ts'
import type {State} from '../state.ts'
import {isNested, report} from '../state.ts'
import {imageItem} from './image.ts'
import type {Inline} from './inline.ts'
import {addMarkDef, appendItem, appendLineBreak, appendText} from './inline.ts'
import {linkAnnotation} from './links.ts'
import {labelOf, openLabel} from './label.ts'
import {hidesElement, readStyle} from '../html/style.ts'
import {MARKDOWN_CONTENT, WITHOUT_BODY} from '../html/tokens.ts'

// Inline tags whose meaning is a decorator: `<b>x</b>` is the same as `**x**`.
const DECORATOR_TAGS: Record<string, string> = {
  b: MARK.strong,
  strong: MARK.strong,
  i: MARK.em,
  em: MARK.em,
  code: MARK.code,
  tt: MARK.code,
  // Keys and a program's output: shown in the code font, as an HTML block's are (hast/phrasing.ts).
  kbd: MARK.code,
  samp: MARK.code,
  s: MARK.strike,
  del: MARK.strike,
  strike: MARK.strike,
}

// Tags that only style their text; the text stays, the tag goes.
const TEXT_TAGS = new Set([
  'span',
  'sup',
  'sub',
  'small',
  'mark',
  'u',
  'ins',
  'abbr',
  'cite',
  'q',
  'font',
  'acronym',
  'big',
  'blink',
  'nobr',
  'var',
  'dfn',
  'time',
  'bdi',
  'bdo',
  'wbr',
  'center',
  'label',
  // Interactive or data wrappers: readers see their text (a button's label, a value's text).
  'button',
  'data',
  'output',
  'ruby',
  'slot',
])

/** An `<img>` tag as an image item, after warning about attributes that are dropped. */
function imgTagItem(tag: Tag, node: Html, state: State, inline: Inline): void {
  warnUnsafeAttributes(tag, node, state)
  const {src, alt, title} = tag.attributes
  imageItem(src ?? '', alt, title, node, state, inline, true)
}

/** Per tag-name handlers for inline HTML; one per element family. */
const elementHandlers: Record<
  string,
  (tag: Tag, node: Html, state: State, inline: Inline) => void
> = {
  br: (_tag, _node, _state, inline) => appendLineBreak(inline),
  img: imgTagItem,
  a: (tag, node, state, inline) => {
    if (tag.closing) return popMark(inline, (mark) => mark === '' || mark.startsWith('l'))
    warnUnsafeAttributes(tag, node, state)
    const def =
      tag.attributes.href === undefined
        ? undefined
        : linkAnnotation(tag.attributes.href, tag.attributes.title, node, state)
    // An anchor without a usable href still needs a marker so its `</a>` closes nothing else.
    inline.marks.push(def ? addMarkDef(inline, def) : '')
  },
}

/** Whether inline HTML converts `tag`: as a mark, a link, an image, a line break, or its text. */
const convertsInline = (tag: Tag): boolean =>
  tag.name in elementHandlers ||
  tag.name in DECORATOR_TAGS ||
  TEXT_TAGS.has(tag.name) ||
  isCustomElement(tag.name)

/**
 * Whether `value`, an inline HTML node's text, is a tag of an element a paragraph cannot hold
 * (`<select>`, `<iframe>`): {@link inlineHtml} keeps it as visible text.
 */
export function isKeptAsText(value: string): boolean {
  const tag = value.startsWith('<!--') ? undefined : parseTag(value)
  return tag !== undefined && isElementName(tag.name) && !convertsInline(tag)
}

/** Elements that hold nothing: no closing tag ends them. */
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))

/**
 * When `nodes[index]` opens an element its readers do not see (see `hidesElement`): the index
 * of the element's last node among `nodes`, its closing tag (the last node when none closes it),
 * or `index` itself when it holds nothing. Else undefined. Reported once for the element.
 */
export function hiddenElementEnd(
  nodes: readonly PhrasingContent[],
  index: number,
  tag: Tag,
  state: State,
): number | undefined {
  const node = nodes[index]!
  if (tag.closing || !isElementName(tag.name) || !hidesElement(tag.attributes)) return undefined
  report(
    state,
    'info',
    'html-hidden',
    node,
    `Left out a hidden <${tag.name}> and what it holds: the site's readers do not see it.`,
  )
  if (tag.selfClosing || VOID.has(tag.name)) return index
  return closingTagIndex(nodes, index, tag.name) ?? nodes.length - 1
}

/**
 * When `nodes[index]` opens an `<svg>`: a drawing, which no line of text can hold and whose
 * source is never what a reader sees. It is taken out of the line as unconverted HTML, as an
 * HTML block's is (a text-only place keeps the words it shows); the index of its last node
 * among `nodes` is returned. Else undefined.
 */
export function drawingEnd(
  nodes: readonly PhrasingContent[],
  index: number,
  tag: Tag,
  state: State,
  inline: Inline,
): number | undefined {
  if (tag.name !== 'svg' || tag.closing || tag.selfClosing) return undefined
  const end = closingTagIndex(nodes, index, 'svg') ?? nodes.length - 1
  const from = nodes[index]!.position?.start.offset
  const to = nodes[end]!.position?.end.offset
  if (from === undefined || to === undefined) return undefined
  const html = state.source.slice(from, to)
  if (isNested(state)) {
    appendText(inline, textOf(html))
    return end
  }
  const reason = '<svg> has no editable equivalent'
  report(
    state,
    'warning',
    'raw-html',
    nodes[index]!,
    `Kept a <svg> as unconverted HTML, out of its line: ${reason}.`,
    'Replace it with an image file (![…](icon.svg)), or replace it in the Studio.',
  )
  appendItem(inline, {_type: BLOCK_TYPES.rawHtml, html, reason})
  return end
}

/** The index among `nodes` of the tag that closes the `name` element `nodes[index]` opens. */
function closingTagIndex(
  nodes: readonly PhrasingContent[],
  index: number,
  name: string,
): number | undefined {
  let depth = 0
  for (let at = index + 1; at < nodes.length; at++) {
    const other = nodes[at]!
    const inner = other.type === 'html' ? parseTag(other.value) : undefined
    if (inner?.name !== name || inner.selfClosing) continue
    if (!inner.closing) depth++
    else if (depth-- === 0) return at
  }
  return undefined
}

/**
 * When `nodes[index]` opens an element whose content kramdown reads as raw text (see
 * `MARKDOWN_CONTENT`: `List<String>`, `<u>`, `<kbd>`), where that content ends among `nodes`:
 * at its closing tag (`closed`), or, with none, at the last node, as kramdown closes it at the
 * paragraph's end. Else undefined: the nodes are read as they are.
 */
export function rawContentEnd(
  nodes: readonly PhrasingContent[],
  index: number,
  tag: Tag,
): {end: number; closed: boolean} | undefined {
  if (index === nodes.length - 1 || !opensRawContent(tag)) return undefined
  const end = closingTagIndex(nodes, index, tag.name)
  return end === undefined ? {end: nodes.length - 1, closed: false} : {end, closed: true}
}

/** Whether `tag` opens an element whose content kramdown reads as raw text (`List<String>`). */
function opensRawContent(tag: Tag): boolean {
  if (tag.closing || tag.selfClosing || WITHOUT_BODY.has(tag.name)) return false
  // `markdown="span"` asks kramdown to read it as markdown.
  return !MARKDOWN_CONTENT.has(tag.name) && tag.attributes.markdown !== 'span'
}

/** Marks whose closing delimiter kramdown looks for past what they hold, as it reads on. */
const OPEN_ENDED_MARKS = new Set(['strong', 'emphasis'])

/**
 * The tag in `node` (emphasis or strong, at any depth of them) that opens an element whose
 * content kramdown reads as raw text, with nothing closing it among its siblings.
 */
function unclosedRawTag(node: PhrasingContent): Html | undefined {
  if (!OPEN_ENDED_MARKS.has(node.type) || !('children' in node)) return undefined
  const children = node.children as PhrasingContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'html') {
      const inner = unclosedRawTag(child)
      if (inner) return inner
      continue
    }
    const tag = child.value.startsWith('<!--') ? undefined : parseTag(child.value)
    if (tag && opensRawContent(tag) && closingTagIndex(children, index, tag.name) === undefined)
      return child
  }
  return undefined
}

/**
 * A paragraph's phrasing as kramdown reads it when an element whose content it reads as raw
 * text opens inside strong or emphasis and nothing closes it (`**List<T>** for generics`):
 * kramdown reads on from left to right, so the element takes the rest of the paragraph, the
 * `**` that CommonMark paired with the first included, and the first closes nothing. The text
 * before the tag is read again on its own, the rest as the element's raw content.
 * `children` as they are otherwise, and when that text runs over lines or a closing tag
 * follows in the paragraph.
 */
export function rawElementsAcrossMarks(
  children: PhrasingContent[],
  state: State,
): PhrasingContent[] {
  // The first child holding such a tag, each searched once.
  let index = -1
  let opener: Html | undefined
  while (!opener && ++index < children.length) opener = unclosedRawTag(children[index]!)
  if (!opener) return children
  const from = children[index]!.position?.start
  const at = opener.position?.start.offset
  const end = children.at(-1)!.position?.end
  if (from?.offset === undefined || at === undefined || end?.offset === undefined) return children
  const before = state.source.slice(from.offset, at)
  const name = parseTag(opener.value)!.name
  const rest = state.source.slice(opener.position!.end.offset, end.offset)
  if (before.includes('\n') || new RegExp(`</${name}\\s*>`, 'i').test(rest)) return children
  const root = parseMarkdown(before)
  const [paragraph] = root.children
  if (root.children.length !== 1 || paragraph?.type !== 'paragraph') return children
  // On one line: the columns and offsets of the page from where the text starts.
  const place = (point: {line: number; column: number; offset?: number}) => ({
    line: from.line,
    column: point.column + from.column - 1,
    offset: (point.offset ?? 0) + from.offset!,
  })
  const stack: Nodes[] = [...paragraph.children]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position)
      node.position = {start: place(node.position.start), end: place(node.position.end)}
    if ('children' in node) stack.push(...node.children)
  }
  // Stands for the rest of the paragraph, which the opener's raw content runs to.
  const tail: PhrasingContent = {
    type: 'text',
    value: rest,
    position: {start: opener.position!.end, end},
  }
  return [...children.slice(0, index), ...paragraph.children, opener, tail]
}

/** A place in the page's source, as mdast positions give it. */
type Point = NonNullable<Html['position']>['start']

/** A tag or comment in raw content: kramdown still reads the HTML there (`<b>` in `<u>`). */
const RAW_TAG =
  /<!--[\s\S]*?-->|<\/[A-Za-z_:][-\w.:]*\s*>|<[A-Za-z_:][-\w.:]*(?:\s+[A-Za-z_:][-\w.:]*(?:\s*=\s*(?:[\w-]+|"[^"]*"|'[^']*'))?)*\s*\/?>/g

/**
 * What starts a paragraph's line after its first in the page's source, but is not the
 * paragraph's text: the markers of the quotes it is in (`> `) and the indentation of the list
 * items it is in. No line of a paragraph starts with `>` as text: such a line starts a quote.
 */
const CONTINUATION_PREFIX = /\n(?:[ \t]*>)*[ \t]*/g

/**
 * The source from `start` to `to` (an offset in `state.source`), read as kramdown reads raw
 * content: its tags as HTML nodes, the rest as text with its entities decoded and nothing else
 * read (`**`, backticks and backslashes stay as written), without the quote markers and list
 * indentation on its lines, which kramdown has taken off before. Each node has its own place.
 */
export function rawContentNodes(start: Point, to: number, state: State): PhrasingContent[] {
  const from = start.offset!
  const source = state.source.slice(from, to)
  const nodes: PhrasingContent[] = []
  // Lines and columns counted from `start`, on from the last place asked (they only grow).
  let counted = 0
  let line = start.line
  let lineStart = -start.column
  const at = (offset: number): Point => {
    for (let next = source.indexOf('\n', counted); next !== -1 && next < offset;) {
      line++
      lineStart = next
      next = source.indexOf('\n', next + 1)
    }
    counted = offset
    return {line, column: offset - lineStart, offset: from + offset}
  }
  const text = (start: number, end: number) => {
    if (end > start)
      nodes.push({
        type: 'text',
        value: decodeEntities(source.slice(start, end).replace(CONTINUATION_PREFIX, '\n')),
        position: {start: at(start), end: at(end)},
      })
  }
  let last = 0
  for (const match of source.matchAll(RAW_TAG)) {
    text(last, match.index)
    const end = match.index + match[0].length
    nodes.push({type: 'html', value: match[0], position: {start: at(match.index), end: at(end)}})
    last = end
  }
  text(last, source.length)
  return nodes
}

/**
 * Inline HTML: decorator tags become marks, `<a>` a link, `<img>` an image, `<br>` a line break,
 * styling tags are dropped (text kept). Text that only looks like a tag (`List<String>`) stays
 * text; other elements (`<iframe>`, `<script>`) are kept as visible text with a warning.
 */
export function inlineHtml(node: Html, state: State, inline: Inline): void {
  const value = node.value
  if (value.startsWith('<!--')) {
    report(state, 'info', 'html-comment', node, 'Dropped an HTML comment.')
    return
  }
  const tag = parseTag(value)
  if (!tag) return appendText(inline, value)
  if (!isElementName(tag.name)) {
    reportTagShown(value, tag.name, node, state)
    return appendText(inline, value)
  }
  if (tag.closing && inline.openElements?.at(-1) !== tag.name) {
    // kramdown ends only the element it is inside; any other closing tag (`</br>` too) is text.
    reportStrayClosingTag(tag.name, node, state)
    return appendText(inline, value)
  }
  trackElement(tag, inline)
  const handler = elementHandlers[tag.name]
  if (handler) return handler(tag, node, state, inline)
  if (!tag.closing) warnUnsafeAttributes(tag, node, state)
  const decorator = DECORATOR_TAGS[tag.name]
  if (decorator) {
    if (tag.closing) popMark(inline, (mark) => mark === decorator)
    else if (!tag.selfClosing) inline.marks.push(decorator)
    return
  }
  if (convertsInline(tag)) {
    if (tag.closing) return closeStyled(tag.name, inline)
    if (!labelOf(classesOf(tag)))
      report(
        state,
        'info',
        'html-tag-dropped',
        node,
        `Dropped the <${tag.name}> tag and kept its text.`,
      )
    if (!tag.selfClosing) openStyled(tag, node, state, inline)
    return
  }
  report(
    state,
    'warning',
    'raw-html',
    node,
    `Kept the HTML "${value.slice(0, 80)}" as visible text: <${tag.name}> cannot be converted inside a paragraph.`,
    'Rewrite it as markdown, or move it to its own paragraph.',
  )
  appendText(inline, value)
}

/** Notes an element `tag` opens or closes in the paragraph (see `Inline.openElements`). */
function trackElement(tag: Tag, inline: Inline): void {
  if (tag.selfClosing || VOID.has(tag.name)) return
  const open = (inline.openElements ??= [])
  if (!tag.closing) return void open.push(tag.name)
  const at = open.lastIndexOf(tag.name)
  if (at !== -1) open.splice(at, 1)
}

/**
 * Whether a hard line break `node` is text as kramdown reads it: a backslash at a line's end
 * (`text \`) inside an HTML element, which kramdown's GFM reading leaves as it is, where two
 * spaces at a line's end are a line break everywhere.
 */
export function isBackslashText(node: Break, state: State, inline: Inline): boolean {
  if (state.htmlElements === 0 && !inline.openElements?.length) return false
  const offset = node.position?.start.offset
  return offset !== undefined && state.source[offset] === '\\'
}

/** Reports a closing tag kept as text since no element is open for it, as kramdown keeps it. */
export function reportStrayClosingTag(name: string, node: Html, state: State): void {
  report(
    state,
    'warning',
    'html-stray-closing-tag',
    node,
    `Kept </${name}> as text, as the site shows it: it closes no element open there.`,
    `Remove it, or move it where the <${name}> it was meant to close is open.`,
  )
}

/**
 * Reports text that looks like a tag of no element a browser knows (`List<String>`, `<field>`):
 * meant as text, and kept so, where the site's readers see nothing of it.
 */
function reportTagShown(value: string, name: string, node: Html, state: State): void {
  const shown = value.slice(0, 80)
  report(
    state,
    'warning',
    'tag-shown',
    node,
    `Kept "${shown}" as text: no browser knows a <${name}> element, so on the Jekyll site its readers see nothing of it.`,
    `Write it in a code span (\`${shown}\`) or escape its "<" (\\<) so the site shows it too.`,
  )
}

function popMark(inline: Inline, matches: (mark: string) => boolean): void {
  for (let i = inline.marks.length - 1; i >= 0; i--) {
    if (matches(inline.marks[i])) {
      inline.marks.splice(i, 1)
      return
    }
  }
}

/**
 * Event-handler attributes (`onerror=`) are never carried over; say so. A `style` only styles:
 * dropped (info), except what a tag that only styles its text shows of it (see openStyled).
 */
export function warnUnsafeAttributes(tag: Tag, node: Html, state: State): void {
  for (const name of Object.keys(tag.attributes)) {
    if (name.startsWith('on') || name === 'srcdoc') {
      report(
        state,
        'warning',
        'unsafe-html-attribute',
        node,
        `Dropped the "${name}" attribute of <${tag.name}>: scripts are never imported.`,
        'Remove the attribute from the source.',
      )
    }
  }
  // A styling tag's own style is read when it opens (openStyled).
  const style = tag.attributes.style
  if (style === undefined || TEXT_TAGS.has(tag.name)) return
  const {message} = readStyle(tag.name, style, 'text', false)
  if (message) report(state, 'info', 'style-dropped', node, message)
}

const classesOf = (tag: Tag): string[] => tag.attributes.class?.split(/\s+/) ?? []

/** Per paragraph, the styling tags open now and the decorators each one's `style` added. */
const openTags = new WeakMap<Inline, Array<{name: string; marks: string[]}>>()

/**
 * A styling tag's `style` shows bold, italic or struck-through text as kramdown's readers see
 * it (`<span style="color:red; font-weight: bold;">`), and its class `label` a badge: those marks
 * apply up to its closing tag.
 */
function openStyled(tag: Tag, node: Html, state: State, inline: Inline): void {
  const {marks, message} = readStyle(tag.name, tag.attributes.style ?? '')
  if (message) report(state, 'info', 'style-dropped', node, message)
  const added = marks.filter((mark) => !inline.marks.includes(mark))
  // `<span class="label label-green">New</span>`: a badge, outside the marks its style adds.
  const label = labelOf(classesOf(tag))
  if (label) added.unshift(openLabel(inline, label))
  inline.marks.push(...added)
  const open = openTags.get(inline) ?? []
  open.push({name: tag.name, marks: added})
  openTags.set(inline, open)
}

/** The closing tag of a styling tag: the decorators its `style` added end here. */
function closeStyled(name: string, inline: Inline): void {
  const open = openTags.get(inline)
  const index = open?.findLastIndex((tag) => tag.name === name) ?? -1
  if (index === -1) return
  const [closed] = open!.splice(index, 1)
  for (const mark of closed!.marks) popMark(inline, (each) => each === mark)
}
