import {backticksAt} from './code-span.ts'

/**
 * kramdown reads an inline link's address up to its closing parenthesis (parentheses inside it
 * balanced), spaces and line breaks included: `[Homework 1](files/Problems 1 (5).pdf)` links
 * that file. A CommonMark address ends at the first space or line break, so the same text is no
 * link at all (and an autolink is found inside it). Such an address is written in angle brackets
 * (before its title, if any), which CommonMark reads with its spaces; nothing else changes.
 *
 * An address that goes on to the next line of its paragraph is what the reader's browser asks
 * for: kramdown writes the line break into the `href`, and a browser drops line breaks from an
 * address. It is moved, whole and bracketed, to that next line, which CommonMark allows after
 * `](` (one line ending before the address), so every line stays where it was.
 */

/**
 * A line with its spaced link addresses bracketed, the next line when one went on to it, and
 * how many `[` are open at its end (a link's text may go on over lines).
 */
export type Bracketed = {line: string; next?: string; open: number}

/**
 * The line with each spaced link address on it bracketed (the same line when there is none);
 * given `next`, the line after it in the same paragraph, an address that goes on to it is
 * joined there. `openBefore` is how many `[` the paragraph's lines before left open.
 */
export function bracketSpacedAddresses(line: string, next?: string, openBefore = 0): Bracketed {
  if (!line.includes('[') && !line.includes(']')) return {line, open: openBefore}
  let out = ''
  let copied = 0
  const opens: number[] = Array<number>(openBefore).fill(-1)
  for (let i = 0; i < line.length; i++) {
    const literal = literalEnd(line, i)
    if (literal !== undefined) {
      i = literal
      continue
    }
    const char = line[i]
    if (char === '[') opens.push(i)
    else if (char === ']' && opens.pop() !== undefined && line[i + 1] === '(') {
      const end = addressEnd(line, i + 2)
      if (end === undefined) {
        const joined = next === undefined ? undefined : joinedAddress(line.slice(i + 2), next)
        if (joined === undefined) continue
        return {line: `${out}${line.slice(copied, i + 2)}`, next: joined, open: opens.length}
      }
      const address = line.slice(i + 2, end).trim()
      // An angle bracket inside is escaped (`mailto: <a@b.c>`); one around it is CommonMark's own.
      if (/[ \t]/.test(address) && !address.startsWith('<')) {
        out += `${line.slice(copied, i + 2)}<${address.replace(/[<>]/g, '\\$&')}>`
        copied = end
      }
      i = end - 1
    }
  }
  return {line: copied === 0 ? line : out + line.slice(copied), open: opens.length}
}

/**
 * The next line with the address that `start` (the rest of a line after `](`) begins joined to
 * its part on it and bracketed, or undefined when it does not close there or holds `<` or `>`.
 * The address's first character is written as a character reference, so the line cannot open
 * an HTML block (`</p …`).
 */
function joinedAddress(start: string, next: string): string | undefined {
  const indent = /^[ \t]*/.exec(next)![0].length
  // A quote after the line break opens the link's title (CommonMark reads that link itself).
  if (next[indent] === '"' || next[indent] === "'") return undefined
  const depth = [...start].reduce(
    (sum, char) => sum + (char === '(' ? 1 : char === ')' ? -1 : 0),
    0,
  )
  if (depth < 0) return undefined
  const end = addressEnd(next, indent, depth)
  if (end === undefined) return undefined
  const address = (start + next.slice(indent, end)).trim()
  if (address === '' || /[<>]/.test(address)) return undefined
  const first = address.codePointAt(0)!
  return `${next.slice(0, indent)}<&#${first};${address.slice(String.fromCodePoint(first).length)}>${next.slice(end)}`
}

/**
 * The line with each link inside another link's text written as text, its brackets escaped.
 * kramdown reads links outermost first and a link's text holds no link: in
 * `[see [this]() guide](b)` the link is to `b`, its text `see [this]() guide`. CommonMark reads
 * the inner link and leaves the outer one's brackets as text. An image is no link here: a link
 * around an image (`[![badge](b.svg)](x)`) is read alike by both.
 */
export function nestedLinksAsText(line: string): string {
  const first = line.indexOf('](')
  if (first < 0 || first === line.lastIndexOf('](')) return line
  const opens: number[] = []
  // The links read so far on the line, by the offsets of their `[` and `]`, left to right.
  const links: Array<[open: number, close: number]> = []
  const escaped: number[] = []
  for (let i = 0; i < line.length; i++) {
    const literal = literalEnd(line, i)
    if (literal !== undefined) {
      i = literal
      continue
    }
    const char = line[i]
    if (char === '[') opens.push(i)
    else if (char === ']') {
      const open = opens.pop()
      if (open === undefined || line[i + 1] !== '(') continue
      const end = addressEnd(line, i + 2)
      if (end === undefined) continue
      if (line[open - 1] !== '!') {
        while (links.length && links.at(-1)![0] > open) escaped.push(...links.pop()!)
        links.push([open, i])
      }
      i = end - 1
    }
  }
  if (!escaped.length) return line
  let out = line
  for (const at of escaped.sort((a, b) => b - a)) out = `${out.slice(0, at)}\\${out.slice(at)}`
  return out
}

/**
 * Whether a line of `text` may hold a link inside another link's text (a `](` closing a bracket
 * inside another open one): a quick look, in one pass, before {@link nestedLinksAsText} reads
 * each line.
 */
export function mayNestLinks(text: string): boolean {
  if (!text.includes('](')) return false
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (char === 0x5b /* [ */) depth++
    else if (char === 0x5d /* ] */) {
      if (depth >= 2 && text.charCodeAt(i + 1) === 0x28 /* ( */) return true
      if (depth) depth--
    } else if (char === 0x0a /* line feed */) depth = 0
  }
  return false
}

/**
 * Where a scan of a line for brackets goes on after what starts at `i` when no bracket in it
 * counts: an escape (the escaped character), or backticks (the last of their run, or of the
 * code span they open, see {@link backticksAt}); undefined for anything else.
 */
function literalEnd(line: string, i: number): number | undefined {
  if (line[i] === '\\') return i + 1
  return line[i] === '`' ? backticksAt(line, i).end - 1 : undefined
}

/**
 * Where the address that starts at `start` ends, as kramdown scans it: at its closing `)`
 * (parentheses inside it balanced, `depth` of them open before `start`) or at the space before a
 * quoted title; undefined when it does not close on the line.
 */
function addressEnd(line: string, start: number, depth = 0): number | undefined {
  for (let i = start; i < line.length; i++) {
    const char = line[i]
    if (char === '(') depth++
    else if (char === ')') {
      if (depth === 0) return i
      depth--
    } else if ((char === ' ' || char === '\t') && (line[i + 1] === '"' || line[i + 1] === "'")) {
      return i
    }
  }
  return undefined
}

/** The start of a link definition line: up to three spaces, `[label]:`. */
export const DEFINITION_START = /^ {0,3}\[[^\n\]]+\]:/

/** A link definition line as kramdown reads one: its label, then what follows the colon. */
const DEFINITION = /^( {0,3}\[(?!\^)[^\n\]]+\]:[ \t]*)([^<\s].*?)[ \t]*$/
/** A title at the end of a definition, in quotes, after a space. */
const DEFINITION_TITLE = /[ \t]+(["'])(.+)\1$/

/**
 * A link definition whose address holds spaces, with the address bracketed (the line as it is
 * when it has none). kramdown's address runs to the end of the line or to a quoted title, so
 * `[//]: # ### Draft section` is a definition (the "comment" that hides a line from readers)
 * where CommonMark reads a paragraph. An address with a space before a quote is no definition
 * for kramdown either.
 */
export function bracketSpacedDefinition(line: string): string {
  const match = DEFINITION.exec(line)
  if (!match) return line
  const [, start, rest] = match
  const title = DEFINITION_TITLE.exec(rest)
  const address = title ? rest.slice(0, title.index) : rest
  if (!/[ \t]/.test(address) || /[ \t]["']/.test(address) || /[<>]/.test(address)) return line
  return `${start}<${address}>${title ? rest.slice(title.index) : ''}`
}
