import {stringify} from 'yaml'

/** One front-matter key and its value, in the order they are written. */
export type FrontMatterLine = [key: string, value: unknown]

// Plain scalars safe_yaml would read as something other than the same text.
const TYPED_PLAIN =
  /^(?:y|n|yes|no|on|off|true|false|null|~|[-+]?(?:\d[\d_,]*(?:\.\d*)?|\.\d+|0x[\da-f]+|0b[01]+|\.inf|\.nan)|\d+(?::\d+)+|\d{4}-\d\d?-\d\d?.*)$/i

/** A string as a plain YAML scalar when it reads back as the same text, else double-quoted. */
export function yamlString(text: string, quote = false): string {
  const plain =
    !quote &&
    /^[\p{L}\p{N}_/.][\p{L}\p{N} _./()'-]*$/u.test(text) &&
    !/\s$/.test(text) &&
    !TYPED_PLAIN.test(text)
  return plain ? text : JSON.stringify(text)
}

function yamlValue(value: unknown): string {
  if (typeof value === 'string') return ` ${yamlString(value)}`
  if (value === null || value === undefined) return ' null'
  if (typeof value !== 'object') return ` ${String(value)}`
  // YAML 1.1 quotes `yes`/`no`/`on`/`off`, which safe_yaml reads as booleans.
  const block = stringify(value, {version: '1.1'}).replace(/\n$/, '')
  if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
    return ` ${block}`
  return `\n${block
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}`
}

/**
 * Writes front matter between `---` fences. `title`, `parent` and `grand_parent` are always
 * double-quoted (page titles hold colons, quotes and `#` often enough that one rule reads best).
 */
export function writeFrontMatter(lines: readonly FrontMatterLine[]): string {
  const quoted = new Set(['title', 'parent', 'grand_parent', 'ancestor'])
  const body = lines.map(([key, value]) =>
    quoted.has(key) && typeof value === 'string'
      ? `${key}: ${yamlString(value, true)}`
      : `${/^[\w-]+$/.test(key) ? key : JSON.stringify(key)}:${yamlValue(value)}`,
  )
  return `---\n${body.join('\n')}\n---\n`
}
