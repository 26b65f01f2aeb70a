/**
 * The Liquid Jekyll evaluates before kramdown reads a page, emulated for the reference side:
 * enough for what course sites write, written independently of the importer so that the
 * importer's own Liquid handling is measured too. What is not emulated is reported by name.
 */

/** What a page's Liquid can read. */
export interface LiquidContext {
  page: Record<string, unknown>
  site: Record<string, unknown>
  /** The text of `_includes/<name>`, when the site has that file. */
  include?: (name: string) => string | undefined
}

/** The page after Liquid, and the constructs that were approximated or not evaluated. */
export interface LiquidResult {
  text: string
  notEmulated: string[]
}

const TAG =
  /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*highlight\s+([\w+#.-]+)[^%]*?-?%\}\n?((?:\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|[\s\S])*?)\n?\{%-?\s*endhighlight\s*-?%\}|\{\{-?([\s\S]{0,1000}?)-?\}\}|\{%-?\s*(\w+)([\s\S]{0,1000}?)-?%\}/g

/** Tags whose blocks are shown unconditionally (their tags removed): not evaluated. */
const CONTROL = new Set(
  'if elsif else endif unless endunless case when endcase for endfor break continue capture endcapture assign increment decrement cycle tablerow endtablerow'.split(
    ' ',
  ),
)
const MAX_INCLUDE_DEPTH = 5

function lookup(root: unknown, path: string): unknown {
  let value = root
  for (const key of path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined
  }
  return value
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map(asText).join('')
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

function joinUrl(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

/** The filters emulated; any other is reported and leaves the value unchanged. */
const FILTERS: Record<string, (value: string, site: Record<string, unknown>) => string> = {
  relative_url: (value, site) => joinUrl(asText(site.baseurl), value),
  absolute_url: (value, site) => joinUrl(asText(site.url) + asText(site.baseurl), value),
  upcase: (value) => value.toUpperCase(),
  downcase: (value) => value.toLowerCase(),
  capitalize: (value) => value.charAt(0).toUpperCase() + value.slice(1),
  strip: (value) => value.trim(),
  escape: (value) =>
    value.replace(
      /[&<>"']/g,
      (c) => `&${{'&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39'}[c]};`,
    ),
}

/** Parameters of `{% include name key="value" key=variable %}`. */
function includeParameters(text: string, scope: (path: string) => unknown) {
  const parameters: Record<string, unknown> = {}
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w.-]+))/g)) {
    parameters[match[1]] = match[2] ?? match[3] ?? scope(match[4])
  }
  return parameters
}

/** Evaluates a page's Liquid as Jekyll would, within the limits `README.md` lists. */
export function evaluateJekyllLiquid(
  source: string,
  context: LiquidContext,
  include: Record<string, unknown> = {},
  depth = 0,
  /** The include being evaluated (`_includes/<file>`), none for the page. */
  file = '',
): LiquidResult {
  const notEmulated = new Set<string>()
  const scope = (path: string): unknown => {
    const [head, ...rest] = path.split('.')
    const root =
      head === 'page'
        ? context.page
        : head === 'site'
          ? context.site
          : head === 'include'
            ? include
            : undefined
    return rest.length === 0 ? undefined : lookup(root, rest.join('.'))
  }
  const output = (expression: string): string => {
    const [head = '', ...filters] = pipeParts(expression).map((part) => part.trim())
    const quoted = /^(['"])(.*)\1$/.exec(head)
    let value = quoted ? quoted[2] : asText(scope(head))
    for (const filter of filters) {
      const name = filter.split(':')[0].trim()
      const apply = FILTERS[name]
      if (apply) value = apply(value, context.site)
      else notEmulated.add(`filter ${name}`)
    }
    return value
  }
  const text = source.replace(
    TAG,
    (match, raw, language, code, expression, tag: string | undefined, rest: string) => {
      if (raw !== undefined) return raw
      if (language !== undefined) {
        // Jekyll renders the block's own Liquid first (the tag is a Liquid block): outputs show
        // their values, tags run, and a `{% raw %}` inside shows its text.
        const inner = evaluateJekyllLiquid(String(code), context, include, depth, file)
        for (const item of inner.notEmulated) notEmulated.add(item)
        const body = inner.text.replace(/^[\r\n]+|[\r\n]+$/g, '')
        // Jekyll writes HTML, which kramdown keeps as HTML; an HTML include's is inside its
        // elements, where a fence would be text.
        if (/\.html?$/i.test(file)) {
          const text = body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
          return `<pre><code class="language-${language}" data-lang="${language}">${text}</code></pre>`
        }
        notEmulated.add('highlight (read as a fenced code block)')
        const fence = '`'.repeat(Math.max(3, longestFence(body) + 1))
        return `\n${fence}${language}\n${body}\n${fence}\n`
      }
      if (expression !== undefined) return output(expression)
      if (tag === undefined) return ''
      if (tag === 'link' || tag === 'post_url') return `/${rest.trim().replace(/^\/+/, '')}`
      if (tag === 'include') {
        const [name = '', ...parameters] = rest.trim().split(/\s+/)
        const body = depth < MAX_INCLUDE_DEPTH ? context.include?.(name) : undefined
        if (body === undefined) {
          notEmulated.add(`include ${name} (not found)`)
          return ''
        }
        const nested = evaluateJekyllLiquid(
          body,
          context,
          includeParameters(parameters.join(' '), scope),
          depth + 1,
          name,
        )
        for (const item of nested.notEmulated) notEmulated.add(item)
        return nested.text
      }
      notEmulated.add(CONTROL.has(tag) ? 'control flow (every branch shown)' : `tag ${tag}`)
      return ''
    },
  )
  return {text, notEmulated: [...notEmulated].sort()}
}

/**
 * An output's parts between pipes, a pipe inside a quoted string being part of the string (as
 * Liquid's lexer reads `'a | b' | upcase`); a quote with no closing one is a plain character.
 */
function pipeParts(expression: string): string[] {
  const parts = ['']
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i]
    const close = char === '"' || char === "'" ? expression.indexOf(char, i + 1) : -1
    if (close > i) {
      parts[parts.length - 1] += expression.slice(i, close + 1)
      i = close
    } else if (char === '|') parts.push('')
    else parts[parts.length - 1] += char
  }
  return parts
}

/** The longest run of backticks opening a line of `code` (0 when none), so a fence around it is longer. */
function longestFence(code: string): number {
  let longest = 0
  for (const line of code.split('\n')) {
    const run = /^\s*(`+)/.exec(line)?.[1].length ?? 0
    if (run > longest) longest = run
  }
  return longest
}
