/**
 * Escaping for text that kramdown and the importer's parser must both read back as the same
 * characters: only what either would otherwise take as markup is escaped.
 */

// `|` always: a kramdown line holding a pipe can start a table. `$$` is kramdown math, and
// every `$` is escaped so no pair of them reads as a formula.
const INLINE_SPECIAL = /[\\*`[\]|$]|<(?=[A-Za-z/!?])/g

// An `&` that would start a character reference is written as one: kramdown does not escape
// `&` with a backslash (`\&amp;` shows `\&`).
const REFERENCE_START = /&(?=#?\w+;)/g

// `{:` would be read as an attribute list (before any markdown escape is looked at): the brace
// is written as a character reference. `{{` and `{%` are kept: the importer keeps Liquid it
// cannot evaluate as text, and writing it back lets Jekyll evaluate it as it did.
const BRACES = /\{(?=:)/g

/** Escapes markup characters anywhere in a run of text. */
export function escapeInline(text: string): string {
  const escaped = text
    .replace(INLINE_SPECIAL, (match) => `\\${match}`)
    .replace(REFERENCE_START, '&amp;')
  // `_` only opens or closes emphasis next to a non-word character.
  return escaped
    .replace(/_/g, (underscore, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? ' '
      const after = whole[offset + 1] ?? ' '
      return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? underscore : '\\_'
    })
    .replace(BRACES, '&#123;')
}

/**
 * Code holding Liquid (`{{`, `{%`) inside `{% raw %}`: Jekyll evaluates Liquid before
 * markdown, code included, and character references would show as written in code.
 */
export function rawLiquid(markdown: string, code: string): string {
  return LIQUID.test(code) ? `{% raw %}${markdown}{% endraw %}` : markdown
}

/** A block (code, a formula) holding Liquid, inside `{% raw %}` and `{% endraw %}` lines. */
export function rawLiquidBlock(markdown: string, code: string): string {
  return LIQUID.test(code) ? `{% raw %}\n${markdown}\n{% endraw %}` : markdown
}

const LIQUID = /\{[{%]/

/** Escapes what would make a line start a heading, quote, list, rule or definition. */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^([#>=:])/, '\\$1')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
}

/**
 * A link destination, in angle brackets when it holds spaces or unbalanced parentheses, or
 * starts with `<`. A `<` or `>` inside is as written: both kramdown and CommonMark read a bare
 * destination up to its closing parenthesis (`[2](https://…/names>)`).
 */
export function destination(href: string): string {
  // A `{% link … %}` tag is replaced by Jekyll before kramdown reads the page: it stays bare.
  if (/^\{%-?\s*link\s[^%]*%\}(?:#[^\s()<>]*)?$/.test(href)) return href
  const opened = (href.match(/\(/g) ?? []).length
  const closed = (href.match(/\)/g) ?? []).length
  return /\s/.test(href) || href.startsWith('<') || opened !== closed
    ? `<${href.replace(/>/g, '%3E')}>`
    : href
}
