/**
 * What a reader sees on a page, read from its HTML: the words, the heading outline, lists and
 * the numbers of ordered items, tables, definition lists, code blocks, links and images. Both sides of the
 * comparison (kramdown's HTML and the project's rendered page) go through this one reader.
 */
import type {Element, ElementContent, Parents, Root, RootContent} from 'hast'

import {attribute, classes, isBlankText, isElement, parseFragment, removeElements} from './html.ts'
import {typographyAsTyped, withoutMathDelimiters} from './typography.ts'

/** An item of an ordered list: the number a reader sees and the item's first words. */
export interface NumberedItem {
  number: number
  words: string
}

/** The features of a page that the comparison looks at. */
export interface PageFeatures {
  /** Visible words in reading order, typography as typed (see `typography.ts`). */
  words: string[]
  /** `h2 Heading text`, in order. */
  headings: string[]
  /** One line per list: indent per nesting level, `ul`/`ol`, item count. */
  lists: string[]
  /** Every ordered-list item in document order. */
  numbered: NumberedItem[]
  /** Rows of cell texts, per table. */
  tables: string[][][]
  /**
   * Per definition list, its terms and what each defines: `term : definition / term : …`.
   * Terms side by side are one group (`a | b : …`), as are definitions (kramdown writes a `<dd>`
   * per `: ` line, the project one per term), so the words each term owns are compared.
   */
  definitions: string[]
  /** `language: code`, per code block (`-` when there is no language). */
  code: string[]
  /** `href text`, per link. */
  links: string[]
  /** `src | alt`, per image, and `| in a line of text` when it shares a line with words. */
  images: string[]
  /** Footnote texts, sorted (set by the side-specific preparation). */
  footnotes: string[]
  /**
   * Per quote, in document order, the blocks a reader sees in its one frame: `p ol p`. A quote
   * of two paragraphs is one frame around both, not two quotes one after the other.
   */
  quotes: string[]
  /**
   * `label-purple Introduced 2.13`, per element of class `label` (just-the-docs' badge): its
   * colour class (`label` when it has none) and its text. Two labels side by side are two badges.
   */
  labels: string[]
  /**
   * The runs of words a reader sees bold, italic, as code or struck through, in reading order:
   * `b Quiz 1`, `bi both`, `c npm install`. A run ends where the marks change or a block ends.
   * Formulas are left out (kramdown writes one inside bold as text, the project as an element).
   */
  emphasis: string[]
}

/** How hrefs and image sources are made comparable; identity by default. */
export interface FeatureOptions {
  href?: (href: string) => string
  src?: (src: string) => string
  /**
   * Whether a class makes a quote a callout box, not a quote frame (the site's `callouts`, with
   * or without `-title`); none by default.
   */
  callout?: (className: string) => boolean
}

/**
 * An element a browser shows nothing of, nor of what it holds: a `hidden` attribute, or a
 * style of `display: none` (OpenSearch's `<label hidden>copy</label>` after each request).
 */
function isHidden(element: Element): boolean {
  return (
    attribute(element, 'hidden') !== undefined ||
    /(?:^|;)\s*display\s*:\s*none\b/i.test(attribute(element, 'style') ?? '')
  )
}

/**
 * Elements whose content a reader never sees as text. A `<video>`'s or `<audio>`'s is what a
 * browser that cannot play it would show ("Your browser does not support the video tag."); every
 * browser a reader has shows the player instead.
 */
const INVISIBLE = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'meta',
  'video',
  'audio',
])
/** Elements that separate the words on either side of them. */
const BLOCK = new Set(
  'address article aside blockquote br dd details dl dt div figcaption figure footer h1 h2 h3 h4 h5 h6 header hr img input li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
)
const HEADING = /^h[1-6]$/
const LIST = new Set(['ul', 'ol'])
/** Blocks inside a list item that are not its own words (they follow the item's text). */
const NOT_ITEM_TEXT = new Set(['ul', 'ol', 'pre', 'table', 'figure', 'img'])
const ITEM_KEY_WORDS = 8

/** The visible text of a node, blocks separated by spaces. */
export function visibleText(node: Root | RootContent, skip?: ReadonlySet<string>): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  if (isElement(node) && (INVISIBLE.has(node.tagName) || skip?.has(node.tagName))) return ' '
  const content = (node.children as RootContent[]).map((child) => visibleText(child, skip)).join('')
  return isElement(node) && BLOCK.has(node.tagName) ? ` ${content} ` : content
}

/** What an image's feature ends with when it shares a line with words. */
export const IN_A_LINE_OF_TEXT = ' | in a line of text'

/**
 * Whether the image `img` shares a line of `block`'s text with words: `Select the <img> icon`,
 * where a reader sees it among them, not an image on a line of its own between lines of text
 * (kramdown keeps the source's line breaks in a paragraph's text; blocks inside `block` and
 * `<br>` are lines of their own).
 */
function inLineOfText(block: Parents, img: Element): boolean {
  let text = ''
  const add = (node: RootContent) => {
    if (node.type === 'text') text += node.value
    else if (!isElement(node) || INVISIBLE.has(node.tagName)) return
    else if (node === img) text += '\u0000'
    else if (node.tagName === 'img') text += ' '
    else if (BLOCK.has(node.tagName)) {
      text += '\n'
      node.children.forEach(add)
      text += '\n'
    } else node.children.forEach(add)
  }
  block.children.forEach(add)
  const at = text.indexOf('\u0000')
  const lineStart = text.lastIndexOf('\n', at) + 1
  const lineEnd = text.indexOf('\n', at)
  return /\S/.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace('\u0000', ''))
}

/** The characters of a code block as written: no separation added between elements. */
function codeText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  return (node.children as RootContent[]).map(codeText).join('')
}

/** Text as words: typography as typed, math delimiters left out, whitespace collapsed. */
export function wordsOf(text: string): string[] {
  return withoutMathDelimiters(typographyAsTyped(text.normalize('NFC')))
    .split(/\s+/)
    .filter(Boolean)
}

function normalised(text: string): string {
  return wordsOf(text).join(' ')
}

/** A sandboxed frame's `srcdoc` is what its reader sees: its content replaces the frame. */
function inlineFrames(parent: Parents): void {
  parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
    if (!isElement(child)) return [child]
    const srcdoc = child.tagName === 'iframe' ? attribute(child, 'srcDoc') : undefined
    // A frame is a document of its own: its text never runs into its neighbours' (two adjacent
    // frames holding `REST` and `Python` show two words), so it stands as a block.
    if (srcdoc !== undefined) {
      const children = parseFragment(srcdoc).children as ElementContent[]
      return [{type: 'element', tagName: 'div', properties: {}, children}]
    }
    const image = imageObject(child)
    if (image) return [image]
    inlineFrames(child)
    return [child]
  }) as typeof parent.children
}

/** Whether `element` is an `<object>` or `<embed>` of an image (its type, else its file's). */
export function isImageObject(element: Element): boolean {
  if (element.tagName !== 'object' && element.tagName !== 'embed') return false
  const src = attribute(element, element.tagName === 'object' ? 'data' : 'src') ?? ''
  const type = attribute(element, 'type')
  return type ? /^image\//i.test(type) : /\.(?:svg|png|jpe?g|gif|webp)(?:[?#]|$)/i.test(src)
}

/**
 * An `<object>` or `<embed>` showing an image, as a browser shows it: the image, described by
 * the object's content (shown only when the image cannot be).
 */
function imageObject(element: Element): Element | undefined {
  if (!isImageObject(element)) return undefined
  const src = attribute(element, element.tagName === 'object' ? 'data' : 'src') ?? ''
  const alt = visibleText(element).replace(/\s+/g, ' ').trim()
  return {type: 'element', tagName: 'img', properties: {src, alt}, children: []}
}

function languageOf(element: Element): string | undefined {
  for (const name of classes(element)) {
    const match = /^(?:language|lang)-(.+)$/.exec(name)
    if (match) return match[1]
  }
  return undefined
}

function tableRows(table: Element): string[][] {
  const rows: string[][] = []
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child) || child.tagName === 'table') continue
      if (child.tagName === 'tr') {
        rows.push(
          child.children
            .filter((cell): cell is Element => isElement(cell, CELLS))
            .map((cell) => normalised(visibleText(cell))),
        )
      } else walk(child)
    }
  }
  walk(table)
  return rows
}
const CELLS = new Set(['td', 'th'])

/** A definition list as `term : definition / …`, its neighbouring terms and definitions joined. */
function definitionLine(list: Element): string {
  let line = ''
  let last: string | undefined
  for (const child of list.children) {
    if (!isElement(child) || (child.tagName !== 'dt' && child.tagName !== 'dd')) continue
    const words = normalised(visibleText(child))
    // An empty definition shows nothing: the project writes none.
    if (child.tagName === 'dd' && words === '') continue
    if (child.tagName === last) line += child.tagName === 'dt' ? ` | ${words}` : ` ${words}`
    else if (child.tagName === 'dd') line += ` : ${words}`
    else line += `${line === '' ? '' : ' / '}${words}`
    last = child.tagName
  }
  return line
}

/**
 * The blocks a quote holds, by kind: `p`, `h` (any level), `ul`, `ol`, `pre`, `table`,
 * `blockquote`, `math` for a display formula (kramdown writes it as bare `\[…\]` text, the
 * project as an element), `callout` for a callout box, and `block` for any other.
 */
function quoteShape(quote: Element, isCallout: (name: string) => boolean): string {
  const kinds: string[] = []
  const read = (children: readonly ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') {
        kinds.push(...Array.from(child.value.matchAll(DISPLAY_FORMULA), () => 'math'))
        // Other text straight in the quote shows as a paragraph of its own.
        if (/\S/.test(child.value.replace(DISPLAY_FORMULA, ''))) kinds.push('p')
        continue
      }
      if (!isElement(child) || INVISIBLE.has(child.tagName)) continue
      const tag = child.tagName
      const names = classes(child)
      if (names.includes('math-display')) kinds.push('math')
      // A callout box: kramdown's paragraph or quote of a callout class, the project's aside.
      else if (names.some(isCallout) || (tag === 'aside' && names.includes('callout')))
        kinds.push('callout')
      // A plain `<div>` (kramdown keeps one written in the page) draws nothing: what it holds.
      else if (tag === 'div' && names.length === 0) read(child.children)
      else if (!BLOCK.has(tag)) {
        if (kinds.at(-1) !== 'p') kinds.push('p')
      } else kinds.push(HEADING.test(tag) ? 'h' : QUOTE_KINDS.has(tag) ? tag : 'block')
    }
  }
  read(quote.children)
  return kinds.join(' ')
}
const DISPLAY_FORMULA = /\\\[[\s\S]*?\\\]/g
const QUOTE_KINDS = new Set(['p', 'ul', 'ol', 'pre', 'table', 'blockquote'])

/** The features of a page that shows nothing, each list new and empty. */
export function noFeatures(): PageFeatures {
  return {
    words: [],
    headings: [],
    lists: [],
    numbered: [],
    tables: [],
    definitions: [],
    code: [],
    links: [],
    images: [],
    footnotes: [],
    quotes: [],
    labels: [],
    emphasis: [],
  }
}

/** The marks an element gives the text inside it: `b`old, `i`talic, `c`ode, `s`truck through. */
const EMPHASIS: Record<string, string> = {
  strong: 'b',
  b: 'b',
  em: 'i',
  i: 'i',
  code: 'c',
  kbd: 'c',
  tt: 'c',
  samp: 'c',
  del: 's',
  s: 's',
  strike: 's',
}

/**
 * What a style shows of the text: bold (`font-weight: bold`, `bolder`, 600 to 900), italic
 * (`italic`, `oblique`), struck through (`text-decoration: line-through`).
 */
function styleEmphasis(element: Element): string {
  const style = attribute(element, 'style') ?? ''
  return (
    (/font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i.test(style) ? 'b' : '') +
    (/font-style\s*:\s*(?:italic|oblique)\b/i.test(style) ? 'i' : '') +
    (/text-decoration(?:-line)?\s*:[^;]*\bline-through\b/i.test(style) ? 's' : '')
  )
}

/** A formula as kramdown leaves it in text (`\(x\)`), or the project's inline formula. */
const FORMULA_TEXT = /\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g

/** The runs of emphasised words below `root` (see {@link PageFeatures.emphasis}). */
function emphasisRuns(root: Parents, isCallout: (name: string) => boolean): string[] {
  const runs: string[] = []
  let marks = ''
  let run = ''
  const end = () => {
    const words = wordsOf(run.replace(FORMULA_TEXT, ' '))
    if (marks !== '' && words.length > 0) runs.push(`${marks} ${words.join(' ')}`)
    run = ''
  }
  const walk = (node: Parents, shown: string) => {
    let first = true
    for (const child of node.children) {
      if (child.type === 'text') {
        // Spaces between two bold words show no change: they join the run they are in. So does
        // a formula, which kramdown writes as text and the project as an element of its own.
        if (shown !== marks && /\S/.test(child.value.replace(FORMULA_TEXT, ''))) {
          end()
          marks = shown
        }
        run += child.value
      }
      if (!isElement(child) || INVISIBLE.has(child.tagName) || child.tagName === 'pre') continue
      const names = classes(child)
      // The project's formula: kramdown writes it as text. A `<span class="math inline">` a
      // page writes itself is not one, and its `<em>` shows as the project's does.
      if (names.includes('math-inline') || names.includes('math-display')) {
        run += ' '
        continue
      }
      if (child.tagName === 'br') {
        // Two line breaks in a row are a paragraph's end (how the project shows a list item's
        // paragraphs), where kramdown ends a block: the run ends too.
        if (previousBreak(node, child)) end()
        run += ' '
      }
      // just-the-docs shows a titled callout's first paragraph as its title, in bold; the
      // project's title is a paragraph of its own class.
      const title =
        names.includes('callout-title') ||
        (first && child.tagName === 'p' && isTitled(node, isCallout))
      first = false
      const added = (EMPHASIS[child.tagName] ?? '') + styleEmphasis(child) + (title ? 'b' : '')
      const inside = [...new Set(shown + added)].sort().join('')
      const block = RUN_BREAK.has(child.tagName)
      if (block) end()
      walk(child, inside)
      if (block) end()
    }
  }
  walk(root, '')
  end()
  return runs
}

/** Whether the sibling before `br` in `parent`, blank text aside, is a line break too. */
function previousBreak(parent: Parents, br: Element): boolean {
  const siblings = parent.children as RootContent[]
  for (let at = siblings.indexOf(br) - 1; at >= 0; at--) {
    const sibling = siblings[at]!
    if (!isBlankText(sibling)) return isElement(sibling, 'br')
  }
  return false
}

/** Blocks a run of emphasis does not go on past (a line break does). */
const RUN_BREAK = new Set([...BLOCK].filter((tag) => tag !== 'br'))

/** kramdown's quote of a titled callout class (`blockquote.note-title`). */
function isTitled(node: Parents, isCallout: (name: string) => boolean): boolean {
  return (
    isElement(node, 'blockquote') &&
    classes(node).some((name) => name.endsWith('-title') && isCallout(name))
  )
}

/** An address as a browser reads an attribute: trimmed, tabs and line breaks dropped, space characters percent-encoded (` ` is `%20`). */
function asBrowserReads(url: string): string {
  return url
    .trim()
    .replace(/[\t\n\r]/g, '')
    .replace(/[^\S\t\n\r]/g, encodeURIComponent)
}

/**
 * Links to the same address side by side (only whitespace between them) are one link to a
 * reader: `[Delay $$t_{pd}$$](…)` is one anchor in kramdown's page and two in the project's, whose
 * formula carries the link of its own.
 */
function joinAdjacentLinks(parent: Parents): void {
  const children = parent.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!isElement(child)) continue
    joinAdjacentLinks(child)
    const href = child.tagName === 'a' ? attribute(child, 'href') : undefined
    if (href === undefined) continue
    for (;;) {
      let next = index + 1
      while (next < children.length && isBlankText(children[next])) next++
      const other = children[next]
      if (!other || !isElement(other, 'a') || attribute(other, 'href') !== href) break
      joinAdjacentLinks(other)
      child.children.push(
        ...(children.slice(index + 1, next) as ElementContent[]),
        ...other.children,
      )
      children.splice(index + 1, next - index)
    }
  }
}

/**
 * The blocks a link wraps that hold no block themselves (`<a href><div class="card"><p>Title</p>
 * <p>Text</p></div></a>`: the two paragraphs), in order; none for a link around text.
 */
function innermostBlocks(node: Element): Element[] {
  const found: Element[] = []
  for (const child of node.children) {
    if (!isElement(child) || !BLOCK.has(child.tagName)) continue
    const inner = innermostBlocks(child)
    found.push(...(inner.length > 0 ? inner : [child]))
  }
  return found
}

/** The features of a prepared page tree (see `intentional.ts` for the preparation). */
export function extractFeatures(root: Parents, options: FeatureOptions = {}): PageFeatures {
  const href = (value: string) => (options.href ?? String)(asBrowserReads(value))
  const src = (value: string) => (options.src ?? String)(asBrowserReads(value))
  const isCallout = (name: string) =>
    options.callout?.(name) === true || options.callout?.(name.replace(/-title$/, '')) === true
  inlineFrames(root)
  removeElements(root, isHidden)
  joinAdjacentLinks(root)
  const features = noFeatures()
  features.words = wordsOf(visibleText(root))
  features.emphasis = emphasisRuns(root, isCallout)
  const walk = (
    parent: Parents,
    listDepth: number,
    language: string | undefined,
    block: Parents = root,
  ) => {
    for (const node of parent.children) {
      if (!isElement(node) || INVISIBLE.has(node.tagName)) continue
      const tag = node.tagName
      const names = classes(node)
      if (names.includes('label')) {
        const color = names.find((name) => name.startsWith('label-')) ?? 'label'
        features.labels.push(`${color} ${normalised(visibleText(node))}`)
      }
      // A callout (kramdown's `blockquote.note`, the project's `aside`) is a box, not a quote.
      if (tag === 'blockquote' && !names.some(isCallout))
        features.quotes.push(quoteShape(node, isCallout))
      else if (HEADING.test(tag)) features.headings.push(`${tag} ${normalised(visibleText(node))}`)
      else if (tag === 'table') features.tables.push(tableRows(node))
      else if (tag === 'dl') features.definitions.push(definitionLine(node))
      else if (tag === 'a' && attribute(node, 'href') !== undefined) {
        // A link around blocks (a card) is compared as the project keeps it, the text of each
        // block linked: Portable Text links text, never blocks.
        const blocks = innermostBlocks(node).filter((inner) => visibleText(inner).trim() !== '')
        const address = href(attribute(node, 'href')!)
        for (const part of blocks.length > 0 ? blocks : [node]) {
          features.links.push(`${address} ${normalised(visibleText(part))}`)
        }
      } else if (tag === 'img') {
        features.images.push(
          // Line breaks in an alt attribute are spaces to a screen reader, as everywhere in text.
          `${src(attribute(node, 'src') ?? '')} | ${normalised(attribute(node, 'alt') ?? '')}` +
            (inLineOfText(block, node) ? IN_A_LINE_OF_TEXT : ''),
        )
      } else if (tag === 'pre' && !names.includes('raw-html')) {
        const code = node.children.find((child) => isElement(child, 'code'))
        const lang = (code && languageOf(code)) ?? languageOf(node) ?? language
        const text = codeText(node).replace(/\n+$/, '')
        features.code.push(`${lang ?? '-'}: ${text}`)
        continue
      } else if (LIST.has(tag)) {
        const items = node.children.filter((child): child is Element => isElement(child, 'li'))
        // A list without items shows nothing (a Liquid loop over nothing: GitHub's contributors).
        if (items.length === 0 && visibleText(node).trim() === '') continue
        features.lists.push(`${'  '.repeat(listDepth)}${tag} ${items.length}`)
        if (tag === 'ol') recordNumbers(node, items)
        walk(node, listDepth + 1, language)
        continue
      }
      walk(node, listDepth, languageOf(node) ?? language, BLOCK.has(tag) ? node : block)
    }
  }
  const recordNumbers = (list: Element, items: Element[]) => {
    let number = Number.parseInt(attribute(list, 'start') ?? '1', 10)
    if (Number.isNaN(number)) number = 1
    for (const item of items) {
      const value = Number.parseInt(attribute(item, 'value') ?? '', 10)
      if (!Number.isNaN(value)) number = value
      const words = wordsOf(visibleText(item, NOT_ITEM_TEXT)).slice(0, ITEM_KEY_WORDS).join(' ')
      features.numbered.push({number, words})
      number++
    }
  }
  walk(root, 0, undefined)
  return features
}
