import matter from 'gray-matter'

import type {Diagnostic} from '../types.ts'
import {isMapping, yamlDiagnostic} from './yaml.ts'

/** A page split into front matter and markdown body. */
export interface ParsedPage {
  data: Record<string, unknown>
  body: string
  /** Lines before the body (the front matter and its fences). */
  lineOffset: number
  diagnostics: Diagnostic[]
}

function countLines(text: string): number {
  let lines = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

/**
 * Jekyll's YAML parser (Psych) rejects a tab in indentation or between a key and its colon;
 * js-yaml accepts both, so they are checked here to fail exactly where Jekyll fails.
 */
function findTab(text: string): {line: number; column: number} | undefined {
  const lines = text.split('\n')
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i]); i++) {
    const match = /^[ ]*\t|^[ ]*[^\s#'"][^:\t]*\t+:/.exec(lines[i])
    if (match) return {line: i + 1, column: lines[i].indexOf('\t') + 1}
  }
  return undefined
}

/**
 * Splits front matter from the body with gray-matter. Front matter that fails to parse is an
 * error at its line and column, and the page continues with empty front matter, as Jekyll does.
 */
export function parseFrontMatter(text: string, file: string): ParsedPage {
  if (!/^---[ \t]*\r?\n/.test(text)) return {data: {}, body: text, lineOffset: 0, diagnostics: []}
  try {
    const tab = findTab(text)
    if (tab) {
      throw {
        reason: 'found a tab character where YAML allows only spaces',
        mark: {line: tab.line - 1, column: tab.column - 1},
      }
    }
    // Passing options turns off gray-matter's global cache, which would keep every page alive.
    const parsed = matter(text, {})
    const body = parsed.content
    const lineOffset = text.endsWith(body)
      ? countLines(text.slice(0, text.length - body.length))
      : 0
    if (!isMapping(parsed.data))
      throw {reason: 'expected key: value pairs', mark: {line: 1, column: 0}}
    return {data: parsed.data, body, lineOffset, diagnostics: []}
  } catch (error) {
    const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3))
    const bodyStart = close ? 3 + close.index + close[0].length : 0
    return {
      data: {},
      body: text.slice(bodyStart),
      lineOffset: countLines(text.slice(0, bodyStart)),
      // js-yaml counts from the `---` line's remainder, so its line 1 is the file's line 2.
      diagnostics: [yamlDiagnostic(error, file, 1, 'front-matter-invalid', 'the front matter')],
    }
  }
}
