import matter from 'gray-matter'

import type {Diagnostic} from '../types.ts'

/** The YAML parser gray-matter uses, so `_config.yml` and front matter read the same way. */
// gray-matter exposes its engines at runtime but not in its type definitions.
const engines = (matter as unknown as {engines: {yaml: {parse: (text: string) => unknown}}}).engines
const parseYaml = engines.yaml.parse

interface YamlMark {
  line: number
  column: number
}

/** Turns a js-yaml exception into a diagnostic at the right place in the file. */
export function yamlDiagnostic(
  error: unknown,
  file: string,
  firstLine: number,
  code: string,
  what: string,
): Diagnostic {
  const mark = (error as {mark?: YamlMark}).mark
  const reason = (error as {reason?: string}).reason ?? String(error)
  return {
    severity: 'error',
    code,
    file,
    line: mark ? mark.line + firstLine : firstLine,
    column: mark ? mark.column + 1 : 1,
    message: `Cannot parse ${what}, expected valid YAML: ${reason}.`,
    hint: 'Fix the YAML (tabs are not allowed for indentation; quote values that contain ": " or start with a special character). Jekyll renders this page with empty front matter until then.',
  }
}

/** Parses a YAML document that must be a mapping (or empty). */
export function parseYamlMapping(text: string): Record<string, unknown> {
  const value = parseYaml(text)
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw Object.assign(new Error('not a mapping'), {
      reason: 'expected key: value pairs, found a single value',
      mark: {line: 0, column: 0},
    })
  }
  return value as Record<string, unknown>
}

/** True for a plain object (a YAML mapping). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
