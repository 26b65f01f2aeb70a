/**
 * Budgets every page is converted within, so one hostile or broken page costs seconds, not the
 * whole import. The defaults are far above what real pages need (the largest pages of surveyed
 * just-the-docs sites are about 60 KB and 1,800 lines, nested a handful of levels).
 */

/** Limits on one page's conversion; over one, the page gets an error and the site imports. */
export interface PageLimits {
  /** Largest page body in bytes of UTF-8, before and after Liquid (default 512 KiB). */
  maxPageBytes: number
  /** Largest converted body, in bytes of JSON (default 3,500,000: one Sanity mutation). */
  maxBodyBytes: number
  /** Deepest nesting of block quotes and lists on one line, and of HTML elements (default 100). */
  maxNesting: number
  /**
   * Emphasis, strikethrough, code and link delimiters in one paragraph (default 1,000); more are
   * read as plain characters, since the parser's cost grows with their square.
   */
  maxDelimiters: number
  /** Seconds one page may take, checked between conversion stages (default 30). */
  maxSeconds: number
}

/** The limits used when a caller sets none. */
export const DEFAULT_LIMITS: Readonly<PageLimits> = {
  maxPageBytes: 512 * 1024,
  maxBodyBytes: 3_500_000,
  maxNesting: 100,
  maxDelimiters: 1000,
  maxSeconds: 30,
}

/** The `npm run import` flag that raises each limit, for hints. */
export const LIMIT_FLAGS: Readonly<Record<keyof PageLimits, string>> = {
  maxPageBytes: '--max-page-kb',
  maxBodyBytes: '--max-body-kb',
  maxNesting: '--max-nesting',
  maxDelimiters: '--max-delimiters',
  maxSeconds: '--max-page-seconds',
}

/** The defaults with the caller's values (undefined keeps the default). */
export function resolveLimits(limits: Partial<PageLimits> | undefined): PageLimits {
  const resolved = {...DEFAULT_LIMITS}
  for (const key of Object.keys(resolved) as Array<keyof PageLimits>) {
    const value = limits?.[key]
    if (value !== undefined) resolved[key] = value
  }
  return resolved
}

/** How to raise a limit, as the end of a hint. */
export function raiseHint(key: keyof PageLimits): string {
  return `raise it with \`npm run import -- ${LIMIT_FLAGS[key]} <n>\` (importSite option \`limits.${key}\`)`
}

/**
 * The 1-based line of `text` on which its UTF-8 size passes `maxBytes`, or undefined when it
 * stays within.
 */
export function lineOverBytes(text: string, maxBytes: number): number | undefined {
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units).
  if (text.length * 3 <= maxBytes) return undefined
  let bytes = 0
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3
    if (bytes > maxBytes) return line
    if (code === 10) line++
  }
  return undefined
}

/**
 * About the size of `value` as JSON in UTF-8 (string escapes not counted), counting only
 * until it passes `max`, so a huge value costs no more than `max` to measure. Every page's
 * body is measured: objects are walked by their keys (no list of entries made for each), and
 * a number's length is taken from its text only when it is not a small whole number.
 */
export function jsonSizeOver(value: unknown, max: number): number | undefined {
  let size = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (typeof item === 'string') size += item.length + 2
    else if (Array.isArray(item)) {
      size += 1 + item.length
      for (const element of item) stack.push(element)
    } else if (item && typeof item === 'object') {
      const object = item as Record<string, unknown>
      for (const key in object) {
        if (!Object.hasOwn(object, key)) continue
        size += key.length + 4
        stack.push(object[key])
      }
    } else if (typeof item === 'boolean') size += item ? 4 : 5
    else if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item < 10) size += 1
    else size += String(item).length
    if (size > max) return size
  }
  return undefined
}
