import {MARK} from '../names.ts'

/**
 * What an element's `style` attribute shows that Portable Text keeps: bold, italic and
 * struck-through text, as decorators. The rest (a colour, a size, a margin) only styles the text
 * and is dropped, as a class's styling is; `dropped` lists those declarations for the report.
 */
export function styleDecorators(style: string): {marks: string[]; dropped: string[]} {
  const marks: string[] = []
  const dropped: string[] = []
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon === -1) {
      if (declaration.trim()) dropped.push(declaration.trim())
      continue
    }
    const property = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim()
      .toLowerCase()
    const mark = decoratorOf(property, value)
    if (mark === undefined) dropped.push(`${property}: ${value}`)
    else if (mark !== null && !marks.includes(mark)) marks.push(mark)
  }
  return {marks, dropped}
}

/** The decorator a declaration shows, null for one that shows plain text, else undefined. */
function decoratorOf(property: string, value: string): string | null | undefined {
  if (property === 'font-weight') {
    if (value === 'bold' || value === 'bolder' || /^[6-9]00$/.test(value)) return MARK.strong
    return value === 'normal' || /^[1-5]00$/.test(value) ? null : undefined
  }
  if (property === 'font-style') {
    if (/^(?:italic|oblique)\b/.test(value)) return MARK.em
    return value === 'normal' ? null : undefined
  }
  if (property === 'text-decoration' || property === 'text-decoration-line') {
    if (/\bline-through\b/.test(value)) return MARK.strike
    return value === 'none' ? null : undefined
  }
  return undefined
}

/** The declarations of a style, for a report that drops them all. */
function declarations(style: string): string[] {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
}

/**
 * The report of a style's dropped declarations (on an element whose text is converted, or a
 * block), or undefined when none is dropped.
 */
export function droppedStyleMessage(
  tagName: string,
  dropped: readonly string[],
  on: 'text' | 'block' | 'element' = 'text',
): string | undefined {
  if (dropped.length === 0) return undefined
  const kept = {
    text: 'the text, which is kept',
    block: 'the block, whose content is kept',
    element: 'the element, which is kept',
  }[on]
  return `Dropped the style "${dropped.join('; ')}" of <${tagName}>: it only styles ${kept}.`
}

/**
 * What an element's `style` keeps and what is said of the rest: on text (and images, embeds)
 * the decorators it shows; `applies: false` (a block, a tag whose text takes no marks here)
 * keeps none, and every declaration is reported dropped.
 */
export function readStyle(
  tagName: string,
  style: string,
  on: 'text' | 'block' | 'element' = 'text',
  applies = on !== 'block',
): {marks: string[]; message?: string} {
  const {marks, dropped} = applies
    ? styleDecorators(style)
    : {marks: [], dropped: declarations(style)}
  const message = droppedStyleMessage(tagName, dropped, on)
  return message ? {marks, message} : {marks}
}

/** A `display: none` declaration in a style attribute. */
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!\s*important\s*)?(?:;|$)/i

/**
 * Whether an element's attributes hide it, and all it holds, from the site's readers: a
 * `hidden` attribute (OpenSearch's `<label hidden>copy</label>`, which only its scripts read),
 * or a style of `display: none`. A browser shows nothing of it, so the importer keeps nothing.
 */
export function hidesElement(attributes: {hidden?: string; style?: string}): boolean {
  return attributes.hidden !== undefined || DISPLAY_NONE.test(attributes.style ?? '')
}
