import type {Nodes} from 'mdast'

/** Whether `after` starts on the line right after the one `before` ends on (no blank between). */
export function adjacent(before: Nodes, after: Nodes): boolean {
  const end = before.position?.end.line
  const start = after.position?.start.line
  return end !== undefined && start !== undefined && start === end + 1
}

/** The line before the one that starts at `lineStart` (> 0), without its newline. */
export function lineBefore(source: string, lineStart: number): string {
  return source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1)
}

/** The line after the one that ends at `end` (without its newline). */
export function lineAfter(source: string, end: number): string {
  const lineEnd = source.indexOf('\n', end + 1)
  return source.slice(end + 1, lineEnd === -1 ? undefined : lineEnd)
}
