/**
 * kramdown reads an inline link's address up to its closing parenthesis (parentheses inside it
 * balanced), spaces included: `[Homework 1](files/Problems 1 (5).pdf)` links that file. A
 * CommonMark address ends at the first space, so the same text is no link at all (and an
 * autolink is found inside it). Such an address, on one line, is written in angle brackets
 * (before its title, if any), which CommonMark reads with its spaces; nothing else changes.
 */

/** The line with each spaced link address on it bracketed (the same line when there is none). */
export function bracketSpacedAddresses(line: string): string {
  if (!line.includes('](')) return line
  let out = ''
  let copied = 0
  const opens: number[] = []
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (char === '\\') {
      i++
      continue
    }
    if (char === '`') {
      // A code span: skipped whole, or the rest of the line when it does not close here.
      const run = /^`+/.exec(line.slice(i))![0]
      const close = line.indexOf(run, i + run.length)
      if (close < 0) break
      i = close + run.length - 1
      continue
    }
    if (char === '[') opens.push(i)
    else if (char === ']' && opens.pop() !== undefined && line[i + 1] === '(') {
      const end = addressEnd(line, i + 2)
      if (end === undefined) continue
      const address = line.slice(i + 2, end).trim()
      if (/[ \t]/.test(address) && !/[<>]/.test(address)) {
        out += `${line.slice(copied, i + 2)}<${address}>`
        copied = end
      }
      i = end - 1
    }
  }
  return copied === 0 ? line : out + line.slice(copied)
}

/**
 * Where the address that starts at `start` ends, as kramdown scans it: at its closing `)`
 * (parentheses inside it balanced) or at the space before a quoted title; undefined when it
 * does not close on the line.
 */
function addressEnd(line: string, start: number): number | undefined {
  let depth = 0
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
