/**
 * kramdown turns straight quotes into curly ones and `--`, `---`, `...`, `<<`, `>>` into
 * typographic symbols (Jekyll's `smart_quotes` and typographic defaults); the project shows
 * what the author typed. Both sides are compared with the symbols mapped back, so this
 * typography is not counted as a difference (see `intentional.ts`).
 */
const AS_TYPED: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '--',
  '\u2014': '---',
  '\u2026': '...',
  '\u00AB': '<<',
  '\u00BB': '>>',
}
const SYMBOLS = new RegExp(`[${Object.keys(AS_TYPED).join('')}]`, 'g')

/** The text with typographic quotes, dashes, ellipses and guillemets as typed in ASCII. */
export function typographyAsTyped(text: string): string {
  return text.replace(SYMBOLS, (symbol) => AS_TYPED[symbol] ?? symbol)
}

/** Math delimiters: kramdown's MathJax ones and the `$$` an author types. */
const MATH_DELIMITERS = /\\\(|\\\)|\\\[|\\\]|\$\$/g

/** The text with math delimiters (`\\(`, `\\)`, `\\[`, `\\]`, `$$`) as spaces (see `intentional.ts`). */
export function withoutMathDelimiters(text: string): string {
  return text.replace(MATH_DELIMITERS, ' ')
}
