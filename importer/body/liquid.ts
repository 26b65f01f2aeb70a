import {spacesEscaped} from '../uri.ts'
import {posix} from 'node:path'

import {insideRawHtml, parsesBlockHtml} from './html/kramdown-blocks.ts'
import {raiseHint, resolveLimits} from './limits.ts'
import {LineMapBuilder, countLines} from './line-map.ts'
import {evaluateControlFlow, type ControlFlowPage} from './liquid-control.ts'
import {parseIncludeTag, validIncludeFile, type IncludeParameter} from './liquid-include.ts'
import {evaluateOutput, evaluateHead, lookup} from './liquid-output.ts'
import {warn, type Point, type Scope} from './liquid-scope.ts'
import {
  CONTROL_CONTINUATIONS,
  CONTROL_TAGS,
  fenceFor,
  highlightCode,
  highlightHtml,
  isHtmlFile,
  RAW_BLOCK,
} from './liquid-syntax.ts'
import type {State} from './state.ts'

/**
 * Evaluates the Liquid a Jekyll site uses in page bodies, before markdown parsing, as Jekyll
 * does; so it applies inside code fences too. Known tags are rewritten on the same lines;
 * `{% include %}` inserts its file from `ctx.includes`, and the line map says where each line
 * came from. Unknown tags, `{% include_relative %}` and missing includes stay verbatim, with a
 * warning.
 */
// Tag and output bodies are bounded so an unclosed `{{` or `{%` cannot make the scan quadratic.
const LIQUID =
  /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*highlight\s+([\w+#.-]+)[^%\n]{0,200}%\}(\r?\n?)((?:\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|[\s\S])*?)\{%-?\s*endhighlight\s*-?%\}|\{%-?\s*link\s+([^%\n]{1,500}?)\s*-?%\}|\{\{-?\s*([^}]{0,1000}?)\s*-?\}\}|\{%-?\s*(\w+)(?:[^%]|%(?!\})){0,1000}?%\}/g

const WHITESPACE = /\s/

/** Includes nested deeper than this are an error (Jekyll has no limit; its stack overflows). */
const MAX_INCLUDE_DEPTH = 20
/**
 * Characters all includes of one page may insert: includes that each include another twice would
 * otherwise grow exponentially.
 */
const MAX_INCLUDED_CHARS = 4 * 1024 * 1024

/**
 * Returns the body with Liquid evaluated; placeholders for `{% link %}` go into `state.linkTags`,
 * and `state.lineMap` says which page line each line of the result comes from once includes
 * have moved them.
 */
export function evaluateLiquid(source: string, state: State): string {
  if (!source.includes('{%') && !source.includes('{{')) return source
  const lines = new LineMapBuilder()
  const text = evaluate(
    source,
    state,
    {include: {}, stack: [], page: {chars: 0, reported: new Set(), mayAssign: false}},
    lines,
  )
  state.lineMap = lines.build()
  return text
}

function evaluate(source: string, state: State, scope: Scope, lines?: LineMapBuilder): string {
  if (!source.includes('{%') && !source.includes('{{')) return source
  scope.page.mayAssign ||= SETS_VARIABLES.test(source)
  const locate = locator(source)
  let withoutIncludes: string | undefined
  const region = controlRegion(source, (tag) => {
    // An include that assigns a variable the page then reads (`{% include base_path %}` before
    // `{{ base_path }}`) sets it for the page.
    const markup = parseIncludeTag(tag)
    const includes = state.ctx.includes
    const text =
      'file' in markup && includes && Object.hasOwn(includes, markup.file)
        ? includes[markup.file]
        : undefined
    if (typeof text !== 'string' || !SETS_VARIABLES.test(text)) return false
    const names = assignedNames(text)
    if (names.length === 0) return false
    withoutIncludes ??= source.replace(INCLUDE_TAGS, '')
    return names.some((name) => readsVariable(withoutIncludes!, name))
  })
  // Jekyll's whitespace control: `{%-` and `{{-` drop the whitespace before the tag (back to
  // `from`), `-%}` and `-}}` the whitespace after it; the dropped text counts as replaced.
  const trimmedStart = (from: number, index: number, tag: string) => {
    let i = index
    if (tag[2] === '-') while (i > from && WHITESPACE.test(source[i - 1])) i--
    return i
  }
  const trimmedEnd = (end: number, tag: string) => {
    let i = end
    if (tag[tag.length - 3] === '-') while (i < source.length && WHITESPACE.test(source[i])) i++
    return i
  }
  let out = ''
  let last = 0
  for (const match of source.matchAll(LIQUID)) {
    if (match.index < last) continue
    if (region?.start === match.index) {
      const text = source.slice(region.start, region.end)
      const evaluated = evaluateRegion(text, scope.within?.at ?? locate(match.index), state, scope)
      if (evaluated !== undefined) {
        const from = trimmedStart(last, match.index, text)
        const to = trimmedEnd(region.end, text)
        const before = source.slice(last, from)
        out += before + evaluated
        lines?.copy(before)
        lines?.replace(source.slice(from, to), evaluated)
        last = to
        continue
      }
    }
    const from = trimmedStart(last, match.index, match[0])
    const to = trimmedEnd(match.index + match[0].length, match[0])
    const before = source.slice(last, from)
    out += before
    lines?.copy(before)
    const at = scope.within?.at ?? locate(match.index)
    const {text, included} = evaluateTag(match, at, state, scope)
    if (included && lines && onOwnLines(source, match.index, match[0].length)) {
      const startLine = countLines(out) + 1
      state.includeUses.push({
        tag: match[0],
        startLine,
        endLine: startLine + countLines(text.replace(/\s+$/, '')),
      })
    }
    out += text
    lines?.replace(source.slice(from, to), text, included ? at : undefined)
    last = to
  }
  const rest = source.slice(last)
  lines?.copy(rest)
  return out + rest
}

const CONTROL = new Set<string>([...CONTROL_TAGS, ...CONTROL_CONTINUATIONS])

/** Whether `code` holds Liquid besides `{% raw %}` blocks (a tag or an output). */
const hasLiquid = (code: string) => /\{\{|\{%/.test(code.replace(RAW_BLOCK, ''))

/**
 * From the first control-flow tag of `source` to the end of its last one (or of its last
 * output or tag, when the region assigns variables): evaluated as one template, since a
 * variable assigned early can be read anywhere after. An `{% include %}` whose file
 * `includeAssigns` is control flow that assigns: Jekyll's include shares the page's variables. Tags inside `{% raw %}`,
 * comments and `{% highlight %}` start no region, as the scan skips those whole; a highlight
 * block that holds Liquid is a use, which a region that assigns variables reaches.
 */
function controlRegion(
  source: string,
  includeAssigns: (tag: string) => boolean,
): {start: number; end: number} | undefined {
  let region: {start: number; end: number} | undefined
  let assigns = false
  let lastUse = 0
  for (const match of source.matchAll(LIQUID)) {
    const tag = match[7]
    const end = match.index + match[0].length
    if (match[6] !== undefined || match[5] !== undefined || tag !== undefined) lastUse = end
    // A `{% highlight %}` block renders its Liquid too (see `evaluateTag`).
    if (match[2] !== undefined && hasLiquid(String(match[4]))) lastUse = end
    const assigning = tag === 'include' && includeAssigns(match[0])
    if (tag === undefined || (!CONTROL.has(tag) && !assigning)) continue
    region ??= {start: match.index, end: 0}
    region.end = end
    assigns ||= assigning || VARIABLE_TAGS.has(tag)
  }
  // A variable assigned in the region can be read by any later output or tag.
  if (region && assigns) region.end = Math.max(region.end, lastUse)
  return region
}

const VARIABLE_TAGS = new Set(['assign', 'capture', 'increment', 'decrement'])

const INCLUDE_TAGS = /\{%-?\s*include\s[^%]*%\}/g

/** The variables a text's tags assign. */
const assignedNames = (text: string): string[] =>
  [...text.matchAll(/\{%-?\s*(?:assign|capture|increment|decrement)\s+([\w-]+)/g)].map(
    (match) => match[1],
  )

/** Whether a tag or output of `source` reads the variable `name`. */
const readsVariable = (source: string, name: string): boolean =>
  new RegExp(`\\{[{%][^}%]*(?<![\\w.-])${name.replace(/[.-]/g, '\\$&')}(?![\\w-])`).test(source)

/** A tag that sets a variable an output may read: an assignment, or a loop's own variable. */
const SETS_VARIABLES = /\{%-?\s*(?:assign|capture|increment|decrement|for|tablerow|cycle)\b/

/** The text a control-flow region produces, or undefined (with a warning) when it cannot be evaluated. */
function evaluateRegion(text: string, at: Point, state: State, scope: Scope): string | undefined {
  const {ctx} = state
  const result = evaluateControlFlow(text, controlFlowPage(state, scope))
  const first = at.line + ctx.lineOffset
  const lastLine = first + countLines(text)
  const where = lastLine > first ? `lines ${first}–${lastLine}` : `line ${first}`
  if ('error' in result) {
    warn(
      state,
      scope,
      'warning',
      'liquid-control',
      at,
      `Kept the Liquid control flow on ${where} as text: it cannot be evaluated here (${result.error.replace(/\.$/, '')}).`,
      'limit' in result && result.limit
        ? `What Liquid produces counts against the page's size limit: ${raiseHint(result.limit)}.`
        : 'Replace the tags with the content they produce, or make what they read available (a file under _data/ or _includes/, a front-matter key).',
    )
    return undefined
  }
  if (result.unknownFilters) {
    const names = result.unknownFilters.map((name) => `\`${name}\``).join(', ')
    warn(
      state,
      scope,
      'warning',
      'liquid-filter-unknown',
      at,
      `Passed the input of the filter ${names} on unchanged on ${where}, as Jekyll does with a filter it does not know.`,
      "If a plugin of the site defines it, replace the expression with the text it produces; otherwise remove the filter (or, for another program's template syntax in a code block, wrap it in {% raw %}…{% endraw %}).",
    )
  }
  warn(
    state,
    scope,
    'warning',
    'liquid-evaluated',
    at,
    `Evaluated the Liquid control flow on ${where} as Jekyll does: the page now holds what it produced, so later changes to the pages or data it read do not show here.`,
    'Edit the produced content in Studio; re-import after changing what it read.',
  )
  return result.text
}

const controlFlowPages = new WeakMap<Scope, ControlFlowPage>()

/** What liquidjs evaluates a page's Liquid with (`liquid-control.ts`), one per page or include. */
function controlFlowPage(state: State, scope: Scope): ControlFlowPage {
  const known = controlFlowPages.get(scope)
  if (known) return known
  const {ctx} = state
  const limits = resolveLimits(ctx.limits)
  const page: ControlFlowPage = {
    file: ctx.file,
    page: ctx.page,
    site: ctx.site,
    include: scope.include,
    includes: ctx.includes,
    relativeIncludes: ctx.relativeIncludes,
    liquid: ctx.liquid,
    link: (path, tag) => linkPlaceholder(path, tag, state),
    timeLimitMs: limits.maxSeconds * 1000,
    maxChars: limits.maxPageBytes,
  }
  controlFlowPages.set(scope, page)
  return page
}

// Whether a tag stands on lines of its own (spaces aside), as a block-level include does.
function onOwnLines(source: string, index: number, length: number): boolean {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1
  const after = /^[ \t]*(?:\r?\n|$)/.test(source.slice(index + length, index + length + 200))
  return /^[ \t]*$/.test(source.slice(lineStart, index)) && after
}

function evaluateTag(
  found: RegExpExecArray,
  at: Point,
  state: State,
  scope: Scope,
): {text: string; included?: boolean} {
  const [match, raw, lang, nl, code, linkPath, output, tag] = found
  const {input, index} = found
  if (raw !== undefined) return {text: raw}
  if (match.startsWith('{%') && /^\{%-?\s*comment/.test(match)) {
    warn(state, scope, 'info', 'liquid-comment', at, 'Dropped a Liquid comment, as Jekyll does.')
    // Nothing, as Jekyll writes nothing: the line map keeps the later lines where they were.
    return {text: ''}
  }
  if (lang !== undefined) {
    // The block's own Liquid runs first, as Jekyll's tag renders its body: a `{% raw %}` inside
    // shows its text, and any other tag or output its value.
    const rendered = hasLiquid(String(code))
      ? evaluateRegion(String(code), at, state, scope)
      : undefined
    const body = highlightCode(rendered ?? String(code).replace(RAW_BLOCK, '$1'))
    // In an HTML include or an HTML element of the page the block is HTML, as Jekyll writes it:
    // a fence there would be text.
    if (
      isHtmlFile(scope.stack.at(-1)) ||
      insideRawHtml(input, index, parsesBlockHtml(state.ctx.site))
    ) {
      return {text: highlightHtml(String(lang), body)}
    }
    const fence = fenceFor(body)
    // Indented like the tag's line (a list item's content), so the closing fence stays inside.
    const lineStart = input.lastIndexOf('\n', index - 1) + 1
    const before = input.slice(lineStart, index)
    const indent = /^[ \t]*$/.test(before) ? before : ''
    return {text: fence + lang + (nl || '\n') + body + '\n' + indent + fence}
  }
  if (linkPath !== undefined) return {text: linkPlaceholder(String(linkPath), match, state)}
  if (output !== undefined) {
    const withAllFilters = (text: string) => {
      const result = evaluateControlFlow(text, controlFlowPage(state, scope))
      return 'text' in result ? result.text : undefined
    }
    return {text: evaluateOutput(String(output), match, at, state, scope, withAllFilters)}
  }
  const name = String(tag)
  if (name === 'include' || name === 'include_relative') {
    const text = expandInclude(match, at, state, scope, name === 'include_relative')
    return text === undefined ? {text: match} : {text, included: true}
  }
  // A control-flow tag here is in a region that could not be evaluated: its warning says why.
  if (CONTROL.has(name)) return {text: match}
  warn(
    state,
    scope,
    'warning',
    'liquid-unknown',
    at,
    `Kept the Liquid tag "${match}" as text: the importer does not evaluate it.`,
    'Replace the tag with the text it produces.',
  )
  return {text: match}
}

/**
 * The text of `_includes/<file>` (or, for `include_relative`, of the file beside the page) with
 * its own Liquid evaluated (`include.key` set from the tag's parameters), or `undefined` when
 * the tag stays as text (a diagnostic says why).
 */
function expandInclude(
  tag: string,
  at: Point,
  state: State,
  scope: Scope,
  relative: boolean,
): string | undefined {
  const markup = parseIncludeTag(tag)
  const keep = (severity: 'warning' | 'error', code: string, why: string, hint: string) => {
    warn(state, scope, severity, code, at, `Kept "${tag}" as text: ${why}.`, hint)
    return undefined
  }
  if ('invalid' in markup) {
    return keep(
      'warning',
      'liquid-include',
      `Jekyll rejects its ${markup.invalid === 'file' ? 'file name' : 'parameters'}`,
      'Write it as {% include file.ext key="value" key2=page.x %}, with no ".." in the file name.',
    )
  }
  const file = includeFile(markup.file, state, scope)
  if (file === undefined) {
    return keep(
      'warning',
      'liquid-unknown',
      'its file name could not be evaluated',
      'Write the file name out, or set the variables it uses in front matter or _config.yml.',
    )
  }
  const path = relative ? posix.join(posix.dirname(state.ctx.file), file) : `_includes/${file}`
  const text = relative ? state.ctx.relativeIncludes?.[path] : state.ctx.includes?.[file]
  if (typeof text !== 'string') {
    return keep(
      'warning',
      'liquid-include',
      `${path} is not in the site${relative ? ' (or is not a text file)' : ''}`,
      relative
        ? `include_relative reads the file beside the page: add ${path}, or rewrite the included content in the page.`
        : `Add ${path} to the site, or rewrite the included content in the page.`,
    )
  }
  if (scope.stack.includes(path)) {
    const chain = [...scope.stack, path].join(' → ')
    return keep(
      'error',
      'liquid-include-cycle',
      `it would include itself without end: ${chain}`,
      `Jekyll fails the build on this ("stack level too deep"): remove the include of ${path} from ${scope.stack.at(-1)}.`,
    )
  }
  if (
    scope.stack.length >= MAX_INCLUDE_DEPTH ||
    scope.page.chars + text.length > MAX_INCLUDED_CHARS
  ) {
    return keep(
      'error',
      'liquid-include-limit',
      `includes nest deeper than ${MAX_INCLUDE_DEPTH} or insert more than ${MAX_INCLUDED_CHARS} characters`,
      'Include fewer or smaller files in this page.',
    )
  }
  scope.page.chars += text.length
  return evaluate(text, state, {
    include: includeParameters(markup.parameters, at, state, scope),
    stack: [...scope.stack, path],
    within: {at: scope.within?.at ?? at, file: path},
    page: scope.page,
  })
}

/** The include's file name with any `{{ variable }}` in it evaluated, if it can be. */
function includeFile(name: string, state: State, scope: Scope): string | undefined {
  if (!name.includes('{{')) return name
  let failed = false
  const file = name.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, head: string) => {
    const value = evaluateHead(head, state, scope)
    if (typeof value !== 'string') failed = true
    return value ?? ''
  })
  return failed || !validIncludeFile(file) ? undefined : file
}

/** `include.*` for an include tag: string literals as written, variables evaluated. */
function includeParameters(
  parameters: readonly IncludeParameter[],
  at: Point,
  state: State,
  scope: Scope,
): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null)
  for (const parameter of parameters) {
    if ('text' in parameter) {
      values[parameter.key] = parameter.text
      continue
    }
    const value = lookup(parameter.expression, state, scope)
    if (value === undefined) {
      warn(
        state,
        scope,
        'warning',
        'liquid-unknown',
        at,
        `Left the include parameter "${parameter.key}=${parameter.expression}" unset: the importer only reads page.x, site.x, include.x and literals.`,
        'Pass a quoted string instead, or set the value in front matter and pass page.key.',
      )
    }
    values[parameter.key] = value ?? null
  }
  return values
}

function linkPlaceholder(path: string, tag: string, state: State): string {
  const href = spacesEscaped(
    '/' +
      path
        .trim()
        .replace(/^['"]|['"]$/g, '')
        .replace(/^\/+/, ''),
  )
  state.linkTags.set(href, tag)
  return href
}

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
