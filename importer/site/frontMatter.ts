import type {Diagnostic} from '../types.ts'
import {isMapping, loadYaml, yamlDiagnostic, YamlProblem, type YamlOptions} from './yaml.ts'

/**
 * How Jekyll saw the file: `none` (no front matter: a static file), `bom` (front matter after a
 * byte-order mark, which Jekyll does not look for: a static file), `unclosed` (a page whose front
 * matter never ends, read with none), `invalid` (YAML Jekyll cannot read) or `ok`.
 */
export type FrontMatterStatus = 'none' | 'bom' | 'unclosed' | 'invalid' | 'ok'

/** A page split into front matter and markdown body. */
export interface ParsedPage {
  status: FrontMatterStatus
  data: Record<string, unknown>
  body: string
  /** Lines before the body (the front matter and its fences). */
  lineOffset: number
  diagnostics: Diagnostic[]
}

/** Ruby's `\s` (Jekyll's regular expressions are Ruby's): narrower than JavaScript's. */
const S = '[ \\t\\r\\n\\f\\v]'
/** Jekyll's `Utils.has_yaml_header?`, on the first line of the raw file. */
const HEADER = new RegExp(`^---${S}*\\n`)
/**
 * Jekyll's `Document::YAML_FRONT_MATTER_REGEXP`, `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)`
 * (Ruby's `^` and `$` are line anchors at `\n` only, spelt out here).
 */
const FRONT_MATTER = new RegExp(
  `^(---${S}*\\n[\\s\\S]*?\\n?)(?<=\\n)(?:---|\\.\\.\\.)${S}*(?=\\n|$)\\n?`,
)

/**
 * Whether a file whose first bytes are `head` opens with front matter as Jekyll's
 * `has_yaml_header?` reads it: what decides whether an `.html` file is a page or a static file.
 * `head` needs only the first line (a byte-order mark first is not front matter, as in Jekyll).
 */
export function opensFrontMatter(head: Uint8Array): boolean {
  if (head[0] !== 0x2d) return false
  // The first line only: `head` may be a whole page.
  const end = head.indexOf(0x0a)
  return end !== -1 && HEADER.test(new TextDecoder('latin1').decode(head.subarray(0, end + 1)))
}

function countLines(text: string): number {
  let lines = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

/** A warning: Jekyll builds such a file without complaint, it just is not a page with a title. */
function warning(file: string, code: string, message: string, hint: string): Diagnostic {
  return {severity: 'warning', code, file, line: 1, column: 1, message, hint}
}

/**
 * Front matter read before, by its YAML text (between the fences): a page whose front matter is
 * the same text is not parsed again. Only front matter read without a problem is remembered; a
 * memo holds for one YAML reader and one `maxNodes`.
 */
export interface FrontMatterMemo {
  get(yaml: string): Record<string, unknown> | undefined
  set(yaml: string, data: Record<string, unknown>): void
}

/** Options of {@link parseFrontMatter}. */
export interface FrontMatterOptions extends YamlOptions {
  /** The file began with a UTF-8 byte-order mark (already removed from the text). */
  bom?: boolean
  memo?: FrontMatterMemo
}

/**
 * Splits front matter from the body exactly as Jekyll does and reads it as Jekyll's YAML parser
 * does. Front matter Jekyll cannot read is an error at its line and column, and the page continues
 * with empty front matter, as in Jekyll.
 */
export function parseFrontMatter(
  text: string,
  file: string,
  options: FrontMatterOptions = {},
): ParsedPage {
  const none = {data: {}, body: text, lineOffset: 0}
  if (!HEADER.test(text)) return {status: 'none', ...none, diagnostics: []}
  if (options.bom) {
    const message =
      'Cannot read the front matter, expected it at the very start of the file but found a byte-order mark before `---`; Jekyll then publishes the file as it is, not as a page.'
    const hint =
      'Save the file as UTF-8 without BOM (most editors call it "UTF-8", not "UTF-8 with BOM").'
    return {status: 'bom', ...none, diagnostics: [warning(file, 'front-matter-bom', message, hint)]}
  }
  const match = FRONT_MATTER.exec(text)
  if (!match) {
    const message =
      'Cannot find the end of the front matter, expected a line `---` (or `...`) with nothing else on it; Jekyll reads this page with no front matter, so it has no title.'
    const hint =
      'Add a line `---` after the last front-matter key (text after `---` on that line is not allowed).'
    return {
      status: 'unclosed',
      ...none,
      diagnostics: [warning(file, 'front-matter-unclosed', message, hint)],
    }
  }
  const body = text.slice(match[0].length)
  const lineOffset = countLines(match[0])
  // A copy of its own: V8 makes a part of a string (the front matter, and each value read from
  // it) refer to the whole, so a title kept to the end of the import would keep the page's text.
  const yaml = Buffer.from(match[1], 'utf16le').toString('utf16le')
  const remembered = options.memo?.get(yaml)
  if (remembered) return {status: 'ok', data: remembered, body, lineOffset, diagnostics: []}
  try {
    // Jekyll keeps `data || {}`: an empty document (null) or `false` is no front matter.
    const data = loadYaml(yaml, options) ?? {}
    if (data !== false && !isMapping(data)) {
      throw new YamlProblem('expected key: value pairs, found a single value or a list', {
        line: 1,
        column: 0,
      })
    }
    options.memo?.set(yaml, data || {})
    return {status: 'ok', data: data || {}, body, lineOffset, diagnostics: []}
  } catch (error) {
    // The YAML text starts with the opening `---`, so its lines are the file's lines.
    const problem = yamlDiagnostic(error, file, 1, 'front-matter-invalid', 'the front matter')
    return {status: 'invalid', data: {}, body, lineOffset, diagnostics: [problem]}
  }
}
