/**
 * kramdown's fenced code block needs its closing line (a line of at least as many of the fence's
 * characters and nothing else): a fence no later line closes opens nothing, and its line is text.
 */

/** The bare line that may close a fence: its backticks or tildes. */
const CLOSING = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/

/**
 * A line that opens a fence: its quote markers and at most three spaces (four are an indented
 * code block's), its fence, the rest. A backtick fence's info holds no backtick
 * (```` ```nav_order:``` places ```` is a code span).
 */
const OPENING = /^((?:[ \t]*>)*[ ]{0,3})(?:(`{3,})(?!.*`)|(~{3,}))(.*)$/

/**
 * For the fence a line opens (its backticks or tildes), that fence when a later line closes it;
 * undefined for none, or no fence. One pass over `lines`, from the end.
 */
export function fenceCloser(
  lines: readonly string[],
): (fence: string | undefined, at: number) => string | undefined {
  // The longest closing line of backticks, and of tildes, after each line.
  const longest = {'`': new Uint32Array(lines.length + 1), '~': new Uint32Array(lines.length + 1)}
  for (let at = lines.length - 1; at >= 0; at--) {
    longest['`'][at] = longest['`'][at + 1]!
    longest['~'][at] = longest['~'][at + 1]!
    const bare = CLOSING.exec(lines[at]!)?.[1]
    if (bare) {
      const char = bare[0] as '`' | '~'
      longest[char][at] = Math.max(longest[char][at]!, bare.length)
    }
  }
  return (fence, at) =>
    fence !== undefined && longest[fence[0] as '`' | '~'][at + 1]! >= fence.length
      ? fence
      : undefined
}

/**
 * `markdown` with the line of every fence no later line closes written as text, each fence
 * character escaped (shown as written, opening neither a fence nor a code span), and the indexes
 * of those lines with their fences and the columns before them; fences that close are left as they are. One pass, however
 * many fences stay open.
 */
export function escapeUnclosedFences(markdown: string): {
  text: string
  unclosed: Array<{at: number; column: number; fence: string}>
} {
  const unclosed: Array<{at: number; column: number; fence: string}> = []
  const lines = markdown.split('\n')
  const closed = fenceCloser(lines)
  let open: string | undefined
  for (const [at, line] of lines.entries()) {
    if (open !== undefined) {
      const close = CLOSING.exec(line)?.[1]
      if (close && close[0] === open[0] && close.length >= open.length) open = undefined
      continue
    }
    const found = OPENING.exec(line)
    if (!found) continue
    const [, lead, ticks, tildes, rest] = found
    const fence = (ticks ?? tildes)!
    open = closed(fence, at)
    if (open !== undefined) continue
    lines[at] = lead + fence.replace(/[`~]/g, (char) => `\\${char}`) + rest
    unclosed.push({at, column: lead.length, fence})
  }
  return {text: lines.join('\n'), unclosed}
}
