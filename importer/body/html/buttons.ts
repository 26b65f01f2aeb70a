/**
 * Buttons. A `<button>` does something only through the site's scripts, and scripts are never
 * imported. One that stands on its own, its parent holding nothing but whitespace, comments and
 * other buttons (a bar of tabs over code samples, a "Copy" button under one, a "Generate" button
 * driving a script), is the page's controls, not its content: it is dropped, once reported per
 * page. One in running text ("press <button>Save</button>") keeps its label as text, and so
 * does one a link holds (`<a href="…"><button>Install</button></a>`): the link works without
 * scripts, and the label is its text.
 *
 * Buttons inside an element kept as unconverted HTML (a `<form>`) stay in its HTML.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import type {PhrasingContent} from 'mdast'

import type {Located, State} from '../state.ts'
import {report} from '../state.ts'
import {locate, type HastScope} from './hast/scope.ts'
import {visibleText} from './hast/text.ts'
import {parseTag} from './tags.ts'

const alone = new WeakSet<Element>()

function isButton(node: RootContent): node is Element {
  return node.type === 'element' && node.tagName === 'button'
}

function isControlOrBlank(node: RootContent): boolean {
  return (
    isButton(node) ||
    node.type === 'comment' ||
    node.type === 'doctype' ||
    (node.type === 'text' && node.value.trim() === '')
  )
}

const isLink = (node: Root | Element) =>
  node.type === 'element' && node.tagName === 'a' && node.properties.href !== undefined

/** Marks, everywhere in an HTML tree, the buttons that stand on their own (see above). */
export function markLoneButtons(root: Root): void {
  // Iterative: hostile nesting must not exhaust the stack.
  const parents: Array<Root | Element> = [root]
  while (parents.length > 0) {
    const parent = parents.pop()!
    const children = parent.children as Array<RootContent | ElementContent>
    // A button a link holds is what the link shows: it works without the site's scripts.
    const lone = !isLink(parent) && children.some(isButton) && children.every(isControlOrBlank)
    for (const child of children) {
      if (child.type !== 'element') continue
      if (lone && isButton(child)) alone.add(child)
      else parents.push(child)
    }
  }
}

/**
 * True, once the button is dropped and the page told so, when `element` is a button standing on
 * its own in its HTML tree; false for anything else.
 */
export function droppedButton(element: Element, scope: HastScope): boolean {
  if (!alone.has(element)) return false
  reportDropped(scope.state, locate(element, scope), visibleText(element))
  return true
}

/**
 * The label of the first button when a paragraph's inline content is nothing but buttons
 * (`<button class="btn">Preview</button>` on a line of its own, which markdown reads as a
 * paragraph of inline HTML), with whitespace between them; undefined for any other paragraph.
 */
function buttonsOnly(children: readonly PhrasingContent[]): string | undefined {
  let depth = 0
  let buttons = 0
  let label = ''
  for (const child of children) {
    const tag = child.type === 'html' ? parseTag(child.value) : undefined
    if (tag?.name === 'button' && !tag.selfClosing) {
      depth += tag.closing ? -1 : 1
      if (depth < 0) return undefined
      if (!tag.closing) buttons++
    } else if (depth > 0) {
      if (buttons === 1 && child.type === 'text') label += child.value
    } else if (child.type !== 'text' || child.value.trim() !== '') return undefined
  }
  return depth === 0 && buttons > 0 ? label : undefined
}

/** True, once the paragraph is dropped and the page told so, when it holds nothing but buttons. */
export function droppedButtonParagraph(
  children: readonly PhrasingContent[],
  node: Located,
  state: State,
): boolean {
  const label = buttonsOnly(children)
  if (label === undefined) return false
  // A table cell's paragraph is made for the cell, without a place of its own.
  reportDropped(state, node?.position ? node : children[0], label.replace(/\s+/g, ' ').trim())
  return true
}

const reported = new WeakSet<State>()

function reportDropped(state: State, place: Located, label: string): void {
  if (reported.has(state)) return
  reported.add(state)
  report(
    state,
    'info',
    'button-dropped',
    place,
    `Dropped the button${label ? ` "${label}"` : ''} and any other button of this page with no text beside it: a button works only through the site's scripts, which are never imported.`,
    'If a label is content, write it as text.',
  )
}
