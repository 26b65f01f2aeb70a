/**
 * just-the-docs labels: text a site styles as a badge with the class `label` (and a colour,
 * `label-purple`), on an element (`**Quiz 1**{: .label .label-yellow }`), a paragraph
 * (`Introduced 2.13` over `{: .label .label-purple }`) or an HTML tag (`<span class="label">`).
 * Each becomes a `label` annotation of its own, so two labels side by side stay two badges.
 */
import {labelColor} from '../../../schemas/constants.ts'
import type {MarkDef, Span, TextBlock} from '../blocks/text-block.ts'
import {hash} from '../keys.ts'
import {ANNOTATIONS} from '../names.ts'
import type {Inline, InlinePlace} from './inline.ts'
import {addMarkDef} from './inline.ts'

/** What a class list makes of its element: not a label, or a label with its colour, if any. */
export type LabelClass = {color?: string} | undefined

/** The label `classes` name: `label` among them, and the first `label-<colour>` a class can be. */
export function labelOf(classes: readonly string[]): LabelClass {
  if (!classes.includes('label')) return undefined
  for (const name of classes) {
    const color = labelColor(/^label-(.+)$/.exec(name)?.[1])
    if (color !== undefined) return {color}
  }
  return {}
}

/** The classes a label accounts for (`label`, `label-purple`): what is left styles nothing. */
export const isLabelClass = (name: string): boolean => name === 'label' || name.startsWith('label-')

/**
 * The `n`th label of a block (from 1): its key is its content's and its place's, so an import
 * repeats it, and two labels alike in one block are two annotations.
 */
function labelDef(label: NonNullable<LabelClass>, n: number): MarkDef {
  const def = {_type: ANNOTATIONS.label, ...(label.color ? {color: label.color} : {})}
  return {_key: `b${hash(JSON.stringify(def))}${n}`, ...def}
}

/** Opens a label in `inline`: its key, for the marks of the text inside it. */
export function openLabel(inline: Inline, label: NonNullable<LabelClass>): string {
  const labels = (inline.labels ??= new Set())
  const key = addMarkDef(inline, labelDef(label, labels.size + 1))
  labels.add(key)
  return key
}

/**
 * Makes what `inline` received since `place` a label (the outermost mark of each of its spans):
 * a span attribute list right after the element. False when nothing can carry it: no text since,
 * or the run ended in between (an image split the paragraph).
 */
export function labelSince(
  inline: Inline,
  place: InlinePlace,
  label: NonNullable<LabelClass>,
): boolean {
  if (place.children !== inline.children) return false
  const before = inline.children[place.index - 1] as Span | undefined
  if (before?._type === 'span' && before.text.length > place.text) {
    // The element's first text joined the span before it (the same marks): split it off.
    inline.children.splice(place.index, 0, {
      _type: 'span',
      text: before.text.slice(place.text),
      marks: [...before.marks],
    })
    before.text = before.text.slice(0, place.text)
  }
  const spans = inline.children.slice(place.index).filter((child) => child._type === 'span')
  if (spans.length === 0) return false
  const key = openLabel(inline, label)
  for (const span of spans as Span[]) span.marks.unshift(key)
  return true
}

/**
 * Makes a whole text block a label (a paragraph of class `label`, as kramdown writes
 * `<p class="label">`). False when it has no text.
 */
export function labelBlock(block: TextBlock, label: NonNullable<LabelClass>): boolean {
  const spans = block.children.filter((child): child is Span => child._type === 'span')
  if (spans.length === 0) return false
  let n = block.markDefs.filter((def) => def._type === ANNOTATIONS.label).length + 1
  let def = labelDef(label, n)
  // Labels inside it were numbered per paragraph, which an image may have split into blocks.
  while (block.markDefs.some((other) => other._key === def._key)) def = labelDef(label, ++n)
  block.markDefs.push(def)
  for (const span of spans) span.marks.unshift(def._key)
  return true
}
