/**
 * Reads the delimiters of over-dense paragraphs as plain characters: before parsing, each
 * unescaped `*`, `_`, `~`, backtick and bracket there becomes a Unicode noncharacter of the
 * same length (so every position stays right), and after conversion every string of the result
 * gets the original characters back. Code in such a paragraph comes out byte for byte.
 */
import type {DenseParagraph} from './prescan.ts'

const MASKS: Readonly<Record<string, string>> = {
  '*': '\uFDD0',
  _: '\uFDD1',
  '~': '\uFDD2',
  '`': '\uFDD3',
  '[': '\uFDD4',
  ']': '\uFDD5',
}
const UNMASKS = new Map(Object.entries(MASKS).map(([char, mask]) => [mask, char]))
const MASKED = /[\uFDD0-\uFDD5]/g
const MASKED_TEST = /[\uFDD0-\uFDD5]/

/** `source` with the delimiters of the given paragraphs masked. */
export function maskDelimiters(source: string, paragraphs: readonly DenseParagraph[]): string {
  const parts: string[] = []
  let copied = 0
  for (const {ranges} of paragraphs) {
    for (let r = 0; r < ranges.length; r += 2) {
      parts.push(source.slice(copied, ranges[r]))
      let text = ''
      for (let i = ranges[r]; i < ranges[r + 1]; i++) {
        const char = source[i]
        if (char === '\\' && i + 1 < ranges[r + 1]) {
          // An escaped delimiter is already plain text.
          text += char + source[++i]
          continue
        }
        text += MASKS[char] ?? char
      }
      parts.push(text)
      copied = ranges[r + 1]
    }
  }
  parts.push(source.slice(copied))
  return parts.join('')
}

/** Puts the original characters back into every string inside `value`, in place. */
export function unmaskDelimiters(value: unknown): void {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (!item || typeof item !== 'object') continue
    const entries: Array<[string | number, unknown]> = Array.isArray(item)
      ? item.map((element, index) => [index, element])
      : Object.entries(item)
    for (const [key, inner] of entries) {
      if (typeof inner === 'string') {
        if (MASKED_TEST.test(inner)) {
          ;(item as Record<string | number, unknown>)[key] = inner.replace(MASKED, (mask) =>
            UNMASKS.get(mask)!,
          )
        }
      } else stack.push(inner)
    }
  }
}
