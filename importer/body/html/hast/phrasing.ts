import type {Element, ElementContent, Text} from 'hast'

import {imageItem} from '../../inline/image.ts'
import type {Inline} from '../../inline/inline.ts'
import {addMarkDef, appendItem, appendText, noteTextLines, withMark} from '../../inline/inline.ts'
import {linkAnnotation} from '../../inline/links.ts'
import {labelOf, openLabel} from '../../inline/label.ts'
import {BLOCK_TYPES, MARK} from '../../names.ts'
import {isNested, isTextOnly} from '../../state.ts'
import {droppedButton} from '../buttons.ts'
import {EMBED_ELEMENTS, embedItem, isGistScript} from './embed.ts'
import type {HastScope} from './scope.ts'
import {dropPresentational, locate, reportAt, sourceOf} from './scope.ts'
import {hidesElement, readStyle} from '../style.ts'
import {withoutMarkdownAttributes} from '../tokens.ts'
import {attribute, classesOf, textContent, urlAttribute} from './text.ts'

type PhrasingHandler = (element: Element, scope: HastScope, inline: Inline) => void

const MAX_DEPTH = 64

/** Converts phrasing hast nodes (text and inline elements) into `inline`. */
export function convertPhrasing(nodes: ElementContent[], scope: HastScope, inline: Inline): void {
  for (const node of nodes) {
    if (node.type === 'text') appendCollapsed(node, scope, inline)
    else if (node.type === 'element' && isHidden(node, scope)) continue
    else if (node.type === 'element') phrasingElement(node, scope, inline)
    else if (node.type === 'comment') {
      reportAt(scope, 'info', 'html-comment', node, 'Dropped an HTML comment.')
    }
  }
}

/**
 * Whether the site's readers do not see `element`, nor anything it holds (see `hidesElement`):
 * then it is left out, and said once.
 */
export function isHidden(element: Element, scope: HastScope): boolean {
  const attributes = {hidden: attribute(element, 'hidden'), style: attribute(element, 'style')}
  if (!hidesElement(attributes)) return false
  reportAt(
    scope,
    'info',
    'html-hidden',
    element,
    `Left out a hidden <${element.tagName}> and what it holds: the site's readers do not see it.`,
  )
  return true
}

function phrasingElement(element: Element, scope: HastScope, inline: Inline): void {
  if (scope.depth >= MAX_DEPTH) return appendText(inline, textContent(element))
  scope.depth++
  try {
    warnUnsafeAttributes(element, scope)
    const handler = phrasingHandlers[element.tagName] ?? children
    // `<span class="label label-green">`: a badge (`label.ts`), outside what its style adds.
    const label = labelOf(classesOf(element))
    const marks = styleMarks(element, scope)
    if (label) marks.unshift(openLabel(inline, label))
    withMarks(inline, marks, () => handler(element, scope, inline))
  } finally {
    scope.depth--
  }
}

/** Runs `inner` with each of `marks` on the text it appends. */
function withMarks(inline: Inline, marks: readonly string[], inner: () => void): void {
  if (marks.length === 0) return inner()
  withMark(inline, marks[0]!, () => withMarks(inline, marks.slice(1), inner))
}

/**
 * The decorators an element's `style` shows (`font-weight: bold`); the declarations that only
 * style the text (a colour) are reported as dropped.
 */
function styleMarks(element: Element, scope: HastScope): string[] {
  const style = element.properties.style
  if (typeof style !== 'string') return []
  const media = element.tagName === 'img' || EMBED_ELEMENTS.has(element.tagName)
  const {marks, message} = readStyle(element.tagName, style, media ? 'element' : 'text')
  if (message) reportAt(scope, 'info', 'style-dropped', element, message)
  return marks
}

const children: PhrasingHandler = (element, scope, inline) =>
  convertPhrasing(element.children, scope, inline)

const mark =
  (name: string): PhrasingHandler =>
  (element, scope, inline) =>
    withMark(inline, name, () => convertPhrasing(element.children, scope, inline))

const code: PhrasingHandler = (element, scope, inline) => {
  const pre = scope.pre
  scope.pre = true
  withMark(inline, MARK.code, () => convertPhrasing(element.children, scope, inline))
  scope.pre = pre
}

// Elements with no editable equivalent: kept as HTML for an editor, shown sandboxed.
const raw: PhrasingHandler = (element, scope, inline) => {
  if (isNested(scope.state)) return appendText(inline, textContent(element))
  const reason = `<${element.tagName}> has no editable equivalent`
  reportAt(
    scope,
    'warning',
    'raw-html',
    element,
    `Kept a <${element.tagName}> as unconverted HTML: ${reason}.`,
    'Rewrite it as markdown, or replace it in the Studio.',
  )
  const html = withoutMarkdownAttributes(sourceOf(element, scope))
  appendItem(inline, {_type: BLOCK_TYPES.rawHtml, html, reason})
}

/** The address of an `<object>` or `<embed>` that shows an image (`type="image/svg+xml"`, or an image's address). */
function imageObjectSrc(element: Element): string | undefined {
  if (element.tagName !== 'object' && element.tagName !== 'embed') return undefined
  const src = urlAttribute(element, element.tagName === 'object' ? 'data' : 'src') ?? ''
  const type = attribute(element, 'type')
  const image = type ? /^image\//i.test(type) : /\.(?:svg|png|jpe?g|gif|webp)(?:[?#]|$)/i.test(src)
  return image ? src : undefined
}

const embed: PhrasingHandler = (element, scope, inline) => {
  const src = imageObjectSrc(element)
  if (src !== undefined) {
    // Its content is what a browser shows when the image cannot be: the image's description.
    const fallback = textContent(element).replace(/\s+/g, ' ').trim()
    return imageItem(
      src,
      fallback || attribute(element, 'aria-label') || attribute(element, 'title'),
      attribute(element, 'title'),
      locate(element, scope),
      scope.state,
      inline,
    )
  }
  const item = embedItem(element, scope)
  if (!item) return
  if (!isTextOnly(scope.state)) return appendItem(inline, item)
  // Text-only places hold no blocks: the embed becomes a link to it.
  const {url, title} = item
  const def = linkAnnotation(url, undefined, locate(element, scope), scope.state)
  const text = title ?? url
  if (def) withMark(inline, addMarkDef(inline, def), () => appendText(inline, text))
  else appendText(inline, text)
}

/** One handler per inline element name; unknown names keep their content. */
const phrasingHandlers: Record<string, PhrasingHandler> = {
  b: mark(MARK.strong),
  strong: mark(MARK.strong),
  i: mark(MARK.em),
  em: mark(MARK.em),
  cite: mark(MARK.em),
  var: mark(MARK.em),
  dfn: mark(MARK.em),
  code,
  tt: code,
  kbd: code,
  samp: code,
  s: mark(MARK.strike),
  strike: mark(MARK.strike),
  del: mark(MARK.strike),
  br: (_element, scope, inline) => {
    // A browser shows no space at the end of a line (`welcome! <br>`), as none at its start.
    const last = inline.children[inline.children.length - 1] as {text?: string} | undefined
    if (!scope.pre && typeof last?.text === 'string') last.text = last.text.replace(/ +$/, '')
    appendText(inline, '\n')
  },
  wbr: () => undefined,
  a: (element, scope, inline) => {
    const href = urlAttribute(element, 'href')
    const def =
      href === undefined
        ? undefined
        : linkAnnotation(href, attribute(element, 'title'), locate(element, scope), scope.state)
    if (!def) return convertPhrasing(element.children, scope, inline)
    withMark(inline, addMarkDef(inline, def), () =>
      convertPhrasing(element.children, scope, inline),
    )
  },
  // On a line of text (`<img …> Android` in a legend), the image is in that line, as a browser
  // and kramdown's HTML show it; on a line of its own, a block (`blocks/segments.ts`).
  img: (element, scope, inline) =>
    imageItem(
      urlAttribute(element, 'src') ?? '',
      attribute(element, 'alt'),
      attribute(element, 'title'),
      locate(element, scope),
      scope.state,
      inline,
      true,
    ),
  ...Object.fromEntries([...EMBED_ELEMENTS].map((name) => [name, embed])),
  script: (element, scope, inline) => {
    if (isGistScript(element)) return embed(element, scope, inline)
    dropPresentational(element, scope, 'script')
  },
  ...Object.fromEntries(
    ['style', 'link', 'meta', 'base', 'title'].map((name) => [
      name,
      (element: Element, scope: HastScope) => dropPresentational(element, scope, name),
    ]),
  ),
  button: (element, scope, inline) => {
    if (!droppedButton(element, scope)) children(element, scope, inline)
  },
  // A reader of the page without scripts sees this; readers of the site do not.
  noscript: () => undefined,
  template: () => undefined,
  ...Object.fromEntries(
    ['form', 'input', 'select', 'textarea', 'canvas', 'svg', 'math', 'dialog'].map((name) => [
      name,
      raw,
    ]),
  ),
}

/** Text as a browser shows it: runs of whitespace are one space, none at a line start. */
function appendCollapsed(node: Text, scope: HastScope, inline: Inline): void {
  noteTextLines(inline, node.value, locate(node, scope).position.start.line)
  if (scope.pre) return appendText(inline, node.value)
  let text = node.value.replace(/[ \t\n\r\f]+/g, ' ')
  if (text.startsWith(' ') && endsWithSpace(inline)) text = text.slice(1)
  appendText(inline, text)
}

function endsWithSpace(inline: Inline): boolean {
  const last = inline.children[inline.children.length - 1] as {text?: string} | undefined
  return (
    last === undefined || last.text === undefined || /[ \n]$/.test(last.text) || last.text === ''
  )
}

/** Event handlers and `srcdoc` are never carried over; say so (a `style`: see styleMarks). */
export function warnUnsafeAttributes(element: Element, scope: HastScope): void {
  for (const key of Object.keys(element.properties)) {
    const name = key.toLowerCase()
    if (name.startsWith('on') || name === 'srcdoc') {
      reportAt(
        scope,
        'warning',
        'unsafe-html-attribute',
        element,
        `Dropped the "${name}" attribute of <${element.tagName}>: scripts are never imported.`,
        'Remove the attribute from the source.',
      )
    }
  }
}
