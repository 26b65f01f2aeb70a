/**
 * A mark put before text that must be read as a paragraph's (`<span …>` on a line of its own, a
 * table cell of HTML alone), where CommonMark would start an HTML block; taken out of the result
 * again. A noncharacter: no page holds one.
 */
export const PARAGRAPH_MARK = '\uFDD6'

/**
 * Takes the mark out of every string in `value` (blocks, spans, cells), in place, and with it a
 * span it left empty when its list holds others.
 */
export function removeParagraphMark(value: unknown): void {
  if (Array.isArray(value)) {
    for (const entry of value) removeParagraphMark(entry)
    const empty = value.findIndex(
      (entry: {_type?: unknown; text?: unknown}) => entry?._type === 'span' && entry.text === '',
    )
    if (empty !== -1 && value.length > 1) value.splice(empty, 1)
    return
  }
  if (!value || typeof value !== 'object') return
  const record = value as Record<string, unknown>
  for (const [key, entry] of Object.entries(record)) {
    if (typeof entry === 'string' && entry.includes(PARAGRAPH_MARK)) {
      record[key] = entry.replaceAll(PARAGRAPH_MARK, '')
    } else if (entry && typeof entry === 'object') removeParagraphMark(entry)
  }
}
