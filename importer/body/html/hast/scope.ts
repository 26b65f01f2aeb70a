import type {ElementContent, Nodes} from 'hast'

import type {Walk} from '../../blocks/walk.ts'
import type {State} from '../../state.ts'
import {report} from '../../state.ts'

/** A point of the page body (1-based line and column, 0-based offset). */
export interface Point {
  line: number
  column: number
  offset: number
}

/** What every hast handler needs: the page state, where to append, and where the HTML sits. */
export interface HastScope {
  state: State
  walk: Walk
  /** The HTML text the tree was parsed from (hast positions point into it). */
  html: string
  /** Where `html` starts in the page body. */
  at: Point
  /** True inside `<pre>`, where whitespace is kept as written. */
  pre: boolean
  /** Nesting depth of elements, bounded so hostile nesting cannot exhaust the stack. */
  depth: number
  /** Converts child nodes as blocks: handlers recurse through this, not through imports. */
  all: (nodes: ElementContent[], scope: HastScope) => void
  /**
   * Converts the markdown content of a `markdown="1"` element found at `at` into `walk` (see
   * `markdown-content.ts`): the page's own, or a table cell's.
   */
  markdown?: (text: string, at: Point, walk: Walk) => void
}

/** A mdast-style position for diagnostics about `node`, mapped from the HTML to the page. */
export function locate(node: Nodes, scope: HastScope): {position: {start: Point; end: Point}} {
  const start = node.position?.start
  if (!start) return {position: {start: scope.at, end: scope.at}}
  const point = {
    line: scope.at.line + start.line - 1,
    column: start.line === 1 ? scope.at.column + start.column - 1 : start.column,
    offset: scope.at.offset + (start.offset ?? 0),
  }
  return {position: {start: point, end: point}}
}

/** The source text of `node` as written in the page. */
export function sourceOf(node: Nodes, scope: HastScope): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? '' : scope.html.slice(start, end)
}

/** Reports a diagnostic at `node`. */
export function reportAt(
  scope: HastScope,
  severity: 'warning' | 'info',
  code: string,
  node: Nodes,
  message: string,
  hint?: string,
): void {
  report(scope.state, severity, code, locate(node, scope), message, hint)
}

// Presentational elements: the page's look, never its content.
const PRESENTATIONAL = new Set(['link', 'style', 'script', 'meta', 'base', 'title'])

const warned = new WeakSet<State>()

/** Drops `<link>`, `<style>`, `<script>`, `<meta>`: one warning per page, whatever the count. */
export function dropPresentational(node: Nodes, scope: HastScope, name: string): boolean {
  if (!PRESENTATIONAL.has(name)) return false
  if (!warned.has(scope.state)) {
    warned.add(scope.state)
    reportAt(
      scope,
      'warning',
      'html-presentational',
      node,
      `Dropped <${name}> and any other <link>, <style>, <script> or <meta> of this page: they style or script the page and hold no content.`,
      'Nothing to do unless the element showed content; then rewrite that content as markdown.',
    )
  }
  return true
}
