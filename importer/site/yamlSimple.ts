import {resolvePlainScalar} from './yamlScalar.ts'

/**
 * A line of the commonest front matter: a plain key, its colon, and a value on the same line
 * (or none). Anything else (indentation, lists, flow collections, anchors, tags, block scalars,
 * comments after a value) is left to the YAML parser.
 */
const PAIR = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *$/

/** Characters a plain scalar may not start with (YAML's indicators). */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`')

/**
 * The value of one scalar written on a `key: value` line, or `undefined` when it takes more than
 * this reader knows: plain text without `#` or `: `, or quoted text without escapes or quotes
 * inside. Quoted text is text; plain text is typed as Jekyll types it.
 */
function scalar(text: string): {value: unknown} | undefined {
  const first = text[0]
  if (first === '"' || first === "'") {
    const inner = text.slice(1, -1)
    if (text.length < 2 || text.at(-1) !== first || inner.includes(first)) return undefined
    if (first === '"' && inner.includes('\\')) return undefined
    return {value: inner}
  }
  if (INDICATORS.has(first) || text.includes('#') || text.includes(': ') || text.endsWith(':'))
    return undefined
  return {value: resolvePlainScalar(text)}
}

/** An item of a block sequence: its indentation, a dash, a space and a value on the same line. */
const ITEM = /^( *)- +(.*?) *$/

/**
 * Front matter made only of `key: value` lines (and blank or `#` comment lines, after a first
 * `---` line or not), a key with no value on its line possibly followed by a list of such values
 * (`redirect_from:` over `  - /old/`, every item indented alike), read without the YAML parser,
 * exactly as `loadYaml` reads it; `undefined` for any other text, which the parser then reads,
 * as it does a text of more values (the mapping and each key and value count) than `maxNodes`.
 * Most pages' front matter is this simple (`title`, `parent`, `nav_order`, `redirect_from`), and
 * the parser costs about a hundred times more per page.
 */
export function simpleMapping(text: string, maxNodes: number): Record<string, unknown> | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined
  const lines = text.split('\n')
  // Front matter as Jekyll hands it over starts with its `---` line: the document's start.
  if (/^--- *$/.test(lines[0])) lines.shift()
  if (1 + 2 * lines.length > maxNodes) return undefined
  let result: Record<string, unknown> | undefined
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]
    if (line === '' || line[0] === '#') continue
    const pair = PAIR.exec(line)
    if (!pair) return undefined
    const [, key, text = ''] = pair
    // A key that reads as anything but itself (`yes`, `null`, `1`) is Jekyll's quirk to keep.
    if (resolvePlainScalar(key) !== key) return undefined
    let value = text === '' ? {value: null as unknown} : scalar(text)
    if (!value) return undefined
    if (text === '' && ITEM.test(lines[at + 1] ?? '')) {
      const items = sequence(lines, at + 1)
      if (!items) return undefined
      value = {value: items.values}
      at = items.last
    }
    result ??= {}
    // As the parser's result: a `__proto__` key is data, and a repeated key keeps its place.
    Object.defineProperty(result, key, {
      value: value.value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return result
}

/**
 * The values of the block sequence whose first item is `lines[first]`, and the index of its
 * last line: items indented as the first one is, each a scalar {@link scalar} reads, up to the
 * end, a blank or comment line or the mapping's next key. `undefined` for anything else (nested
 * items, an item with no value, a line indented otherwise).
 */
function sequence(lines: readonly string[], first: number) {
  const indent = ITEM.exec(lines[first])![1]
  const values: unknown[] = []
  let at = first
  for (; at < lines.length; at++) {
    const item = ITEM.exec(lines[at])
    if (!item) {
      // A blank line, a comment or the next key ends it; a line indented otherwise is more.
      if (lines[at][0] === ' ' || lines[at][0] === '-') return undefined
      break
    }
    if (item[1] !== indent || item[2] === '') return undefined
    const value = scalar(item[2])
    if (!value) return undefined
    values.push(value.value)
  }
  return {values, last: at - 1}
}
