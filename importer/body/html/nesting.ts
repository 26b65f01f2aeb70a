import {VOID_ELEMENTS} from './kramdown-blocks.ts'
import {scanTags} from './tokens.ts'

// A browser closes these by implication (a new `<li>` ends the last), so leaving them open nests nothing.
const IMPLIED_END = new Set(
  'body caption colgroup dd dt head html li optgroup option p rb rp rt rtc tbody td tfoot th thead tr'.split(
    ' ',
  ),
)

/**
 * The offset of the first start tag nesting HTML elements deeper than `max` in `text`, and that
 * depth, or undefined. The HTML parser and the hast converters recurse once per level, so
 * thousands of unclosed `<div>`s would exhaust the stack.
 */
export function htmlNestingOver(
  text: string,
  max: number,
): {offset: number; depth: number} | undefined {
  // Cheap bound first: nesting deeper than `max` takes more than `max` tags.
  let tags = 0
  for (let i = text.indexOf('<'); i !== -1 && tags <= max; i = text.indexOf('<', i + 1)) tags++
  if (tags <= max) return undefined
  const open: string[] = []
  let over: {offset: number; depth: number} | undefined
  scanTags(withoutCode(text), 0, (tag) => {
    if (tag.closing) {
      const index = open.lastIndexOf(tag.name)
      if (index !== -1) open.length = index
    } else if (!tag.selfClosing && !VOID_ELEMENTS.has(tag.name) && !IMPLIED_END.has(tag.name)) {
      open.push(tag.name)
      if (open.length > max) over = {offset: tag.start, depth: open.length}
    }
    return over !== undefined
  })
  return over
}

// Fenced code and code spans: `List<String>` there is text, however often it is written.
const CODE =
  /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))|(`+)[^`]*?\2/gm

/** `text` with its code blanked out, offsets and lines kept. */
function withoutCode(text: string): string {
  if (!text.includes('`') && !text.includes('~~~')) return text
  return text.replace(CODE, (code) => code.replace(/[^\n]/g, ' '))
}
