import type {State} from './state.ts'
import {report} from './state.ts'

/**
 * Evaluates the Liquid a Jekyll site uses in page bodies, before markdown parsing, as Jekyll
 * does; so it applies inside code fences too. Known tags are rewritten on the same lines
 * (diagnostic lines stay right); unknown tags and `{% include %}` stay verbatim, with a warning.
 */
// Tag and output bodies are bounded so an unclosed `{{` or `{%` cannot make the scan quadratic.
const LIQUID =
  /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*highlight\s+([\w+#.-]+)[^%\n]{0,200}%\}(\r?\n?)([\s\S]*?)\{%-?\s*endhighlight\s*-?%\}|\{%-?\s*link\s+([^%\n]{1,500}?)\s*-?%\}|\{\{-?\s*([^{}]{0,1000}?)\s*-?\}\}|\{%-?\s*(\w+)[^%]{0,1000}?%\}/g

/** Returns the body with Liquid evaluated; placeholders for `{% link %}` go into `state.linkTags`. */
export function evaluateLiquid(source: string, state: State): string {
  if (!source.includes('{%') && !source.includes('{{')) return source
  const locate = locator(source)
  return source.replace(LIQUID, (match, raw, lang, nl, code, linkPath, output, tag, offset) => {
    const at = locate(offset)
    if (raw !== undefined) return raw
    if (match.startsWith('{%') && /^\{%-?\s*comment/.test(match)) {
      warn(state, 'info', 'liquid-comment', at, 'Dropped a Liquid comment, as Jekyll does.')
      return '\n'.repeat(countLines(match))
    }
    if (lang !== undefined) {
      const body = String(code).replace(/\r?\n$/, '')
      return '```' + lang + (nl || '\n') + body + '\n```'
    }
    if (linkPath !== undefined) return linkPlaceholder(String(linkPath), match, state)
    if (output !== undefined) return evaluateOutput(String(output), match, at, state)
    const name = String(tag)
    if (name === 'include' || name === 'include_relative') {
      warn(
        state,
        'warning',
        'liquid-include',
        at,
        `Kept "${match}" as text: includes are not imported.`,
        'Rewrite the included content in the page, or remove the tag.',
      )
    } else {
      warn(
        state,
        'warning',
        'liquid-unknown',
        at,
        `Kept the Liquid tag "${match}" as text: the importer does not evaluate it.`,
        'Replace the tag with the text it produces.',
      )
    }
    return match
  })
}

function linkPlaceholder(path: string, tag: string, state: State): string {
  const href =
    '/' +
    path
      .trim()
      .replace(/^['"]|['"]$/g, '')
      .replace(/^\/+/, '')
      .replace(/ /g, '%20')
  state.linkTags.set(href, tag)
  return href
}

const FILTERS: Record<string, (value: string, site: Record<string, unknown>) => string> = {
  relative_url: (value, site) => joinUrl(String(site.baseurl ?? ''), value),
  absolute_url: (value, site) =>
    joinUrl(String(site.url ?? '') + String(site.baseurl ?? ''), value),
}

function evaluateOutput(expression: string, match: string, at: Point, state: State): string {
  const [head = '', ...filters] = expression.split('|').map((part) => part.trim())
  let value = evaluateHead(head, state)
  if (value === undefined) {
    warn(
      state,
      'warning',
      'liquid-unknown',
      at,
      `Kept "${match}" as text: the importer only evaluates page.x, site.x and quoted strings.`,
      'Replace the expression with the text it produces.',
    )
    return match
  }
  if (value === null) {
    warn(
      state,
      'warning',
      'liquid-undefined',
      at,
      `"${match}" names a variable that is not set; it renders empty, as in Jekyll.`,
      `Set "${head}" in front matter or _config.yml, or remove the expression.`,
    )
    value = ''
  }
  for (const filter of filters) {
    const apply = FILTERS[filter]
    if (!apply) {
      warn(
        state,
        'warning',
        'liquid-unknown',
        at,
        `Kept "${match}" as text: the filter "${filter}" is not supported.`,
        'Replace the expression with the text it produces.',
      )
      return match
    }
    value = apply(value, state.ctx.site)
  }
  return value
}

/** A string for a value, `null` for an unset variable, `undefined` for an unsupported expression. */
function evaluateHead(head: string, state: State): string | null | undefined {
  const quoted = /^(['"])(.*)\1$/.exec(head)
  if (quoted) return quoted[2]
  const path = /^(page|site)((?:\.[\w-]+)+)$/.exec(head)
  if (!path) return undefined
  let value: unknown = path[1] === 'page' ? state.ctx.page : state.ctx.site
  for (const key of path[2].slice(1).split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined
  }
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join('')
  return undefined
}

function joinUrl(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')
}

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

function warn(
  state: State,
  severity: 'warning' | 'info',
  code: string,
  at: Point,
  message: string,
  hint?: string,
): void {
  report(state, severity, code, {position: {start: at, end: at}}, message, hint)
}

type Point = {line: number; column: number}

/** Maps increasing offsets to line and column in one forward pass over the source. */
function locator(source: string): (offset: number) => Point {
  let line = 1
  let lineStart = 0
  return (offset) => {
    let i = source.indexOf('\n', lineStart)
    while (i !== -1 && i < offset) {
      line++
      lineStart = i + 1
      i = source.indexOf('\n', lineStart)
    }
    return {line, column: offset - lineStart + 1}
  }
}
