/**
 * kramdown's display math runs from `$$` to `$$` across lines, so a line inside an open formula
 * that starts like a list item, heading or thematic break (`-     (q_1 + 2q_2) &= -15`, a minus
 * sign at a line start) is part of the formula. CommonMark's paragraph ends at such a line and
 * a list begins there. Those lines are indented by four spaces before parsing, which keeps them
 * in the paragraph (an indented line cannot interrupt one) and changes nothing a formula shows.
 */

const INTERRUPTS =
  /^ {0,3}(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|={2,}|-{2,}|_{3,})/
const FENCE = /^[ >]*(`{3,}|~{3,})/

/** The text with lines inside an open `$$` formula kept from interrupting its paragraph. */
export function mathContinuations(text: string): string {
  if (!text.includes('$$')) return text
  const lines = text.split('\n')
  let open = false
  let fence: string | undefined
  let changed = false
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]
    const marker = FENCE.exec(line)?.[1]
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      continue
    }
    if (marker && !open) {
      fence = marker
      continue
    }
    // A blank line (also a quote's `>` alone) ends a paragraph and any formula in it.
    if (/^[ >]*$/.test(line)) {
      open = false
      continue
    }
    if (open && INTERRUPTS.test(line)) {
      lines[n] = `    ${line}`
      changed = true
    }
    if ((line.split('$$').length - 1) % 2 === 1) open = !open
  }
  return changed ? lines.join('\n') : text
}
