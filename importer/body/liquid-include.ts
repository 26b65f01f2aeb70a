/**
 * The markup of `{% include file.ext key="value" key2=page.x %}`, read with Jekyll's rules
 * (`Jekyll::Tags::IncludeTag`): a file name of `[\w/.\-()+~#@]` without `..` or `//`, then
 * `key=value` pairs whose value is a quoted string or a variable.
 */

/** One `key=value` of an include: a string literal or an expression to evaluate. */
export type IncludeParameter = {key: string} & ({text: string} | {expression: string})

/** An include tag's file (possibly holding `{{ … }}`) and parameters, or why it is invalid. */
export type IncludeMarkup =
  {file: string; parameters: IncludeParameter[]} | {invalid: 'file' | 'parameters'}

const TAG = /^\{%-?\s*include(?:_relative)?\s+([\s\S]*?)\s*-?%\}$/
const PARAMETER =
  /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))(?=\s|$)\s*/y
const FILE_NAME = /^[\w/.\-()+~#@]+$/
const INVALID_SEQUENCE = /[./]{2,}/
// Jekyll's VARIABLE_SYNTAX: a name built from `{{ … }}` runs to the last `}}` and what sticks to it.
const VARIABLE_FILE = /^([^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|[^}]*)?\}\}[^\s{}]*)+)([\s\S]*)$/

/** Reads the markup of an `{% include %}` (or `{% include_relative %}`) tag as Jekyll does. */
export function parseIncludeTag(tag: string): IncludeMarkup {
  const markup = TAG.exec(tag)?.[1] ?? ''
  const variable = VARIABLE_FILE.exec(markup)
  const space = markup.search(/\s/)
  const [file, rest] = variable
    ? [variable[1], variable[2]]
    : space === -1
      ? [markup, '']
      : [markup.slice(0, space), markup.slice(space)]
  if (!variable && !validIncludeFile(file)) return {invalid: 'file'}
  const parameters = parseParameters(rest.trim())
  return parameters ? {file, parameters} : {invalid: 'parameters'}
}

function parseParameters(text: string): IncludeParameter[] | undefined {
  const parameters: IncludeParameter[] = []
  PARAMETER.lastIndex = 0
  while (PARAMETER.lastIndex < text.length) {
    const match = PARAMETER.exec(text)
    if (!match) return undefined
    const [, key, double, single, expression] = match
    if (double !== undefined) parameters.push({key, text: double.replace(/\\"/g, '"')})
    else if (single !== undefined) parameters.push({key, text: single.replace(/\\'/g, "'")})
    else parameters.push({key, expression})
  }
  return parameters
}

/** Whether Jekyll accepts `name` as an include file name (also after `{{ … }}` in it is evaluated). */
export function validIncludeFile(name: string): boolean {
  return FILE_NAME.test(name) && !INVALID_SEQUENCE.test(name)
}

/** `{% include_relative name %}` tags anywhere in a text: their file names, as written. */
export function relativeIncludeNames(text: string): string[] {
  return namesOf(text, /\{%-?\s*include_relative\s+([^\s%]+)/g)
}

/** `{% include name %}` tags anywhere in a text: the file names written out, as written. */
export function includeNames(text: string): string[] {
  return namesOf(text, /\{%-?\s*include\s+([^\s%]+)/g)
}

function namesOf(text: string, tags: RegExp): string[] {
  const names: string[] = []
  for (const match of text.matchAll(tags)) if (validIncludeFile(match[1])) names.push(match[1])
  return names
}
