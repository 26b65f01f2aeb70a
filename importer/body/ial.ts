import type {Nodes} from 'mdast'

import {CALLOUT_TONES} from '../../schemas/constants.ts'
import type {CalloutTone} from '../../schemas/constants.ts'
import {blockText, isTextBlock} from './blocks/text-block.ts'
import type {Item} from './blocks/text-block.ts'
import {BLOCK_TYPES} from './names.ts'
import {toRichText} from './rich-text.ts'
import type {State} from './state.ts'
import {report} from './state.ts'

/** A kramdown attribute list on its own line: `{: .note }`, `{:toc}`, `{: #id .a .b }`. */
export const IAL_LINE = /^\{:\s*([^{}\n]*?)\s*\}$/

/** Tone for a just-the-docs callout class; other sites name them differently, so aliases too. */
const TONE_ALIASES: Record<string, string> = {
  info: 'note',
  new: 'tip',
  highlight: 'important',
  caution: 'warning',
  danger: 'warning',
}

// Classes that only style the element (buttons, labels, font sizes, colours): dropped, content kept.
const STYLE_ONLY =
  /^(?:btn|label|fs-\d|fw-|text-|bg-|lh-|d-|float-|m[trblxy]?-|p[trblxy]?-|v-align|no_toc$|main-content$)/

/** Parses the inside of `{: … }` into class names (ids and key=value pairs are ignored). */
export function ialClasses(inner: string): string[] {
  if (inner === 'toc') return ['toc']
  return inner
    .split(/\s+/)
    .filter((part) => part.startsWith('.'))
    .map((part) => part.slice(1))
}

/**
 * Applies an attribute list to the items one block produced (`out.slice(start)`): a callout
 * class wraps them in a `callout`, `{:toc}` removes the placeholder list the theme replaces
 * with a table of contents, styling classes are dropped with an info diagnostic.
 */
export function applyIal(
  classes: string[],
  out: Item[],
  start: number,
  node: Nodes,
  state: State,
): void {
  if (classes.includes('toc')) {
    out.splice(start)
    report(
      state,
      'info',
      'ial-toc',
      node,
      'Dropped the {:toc} placeholder: the table of contents is generated from the headings.',
    )
    return
  }
  for (const name of classes) {
    const titled = name.endsWith('-title')
    const tone = toneOf(titled ? name.slice(0, -'-title'.length) : name, state)
    if (tone) {
      const items = out.splice(start)
      const first = items[0]
      const title = titled && isTextBlock(first) ? blockText(first) : undefined
      const body = toRichText(title === undefined ? items : items.slice(1), state, node)
      out.push({_type: BLOCK_TYPES.callout, tone, ...(title ? {title} : {}), body})
      return
    }
  }
  const dropped = classes.filter((name) => !STYLE_ONLY.test(name))
  report(
    state,
    'info',
    'ial-dropped',
    node,
    `Dropped the attribute list {: ${classes.map((c) => '.' + c).join(' ')} }${dropped.length ? `; "${dropped.join('", "')}" is not a callout` : ''}: it only styles the block.`,
  )
}

function toneOf(name: string, state: State): CalloutTone | undefined {
  const alias = TONE_ALIASES[name] ?? name
  if ((CALLOUT_TONES as readonly string[]).includes(alias)) return alias as CalloutTone
  // A site can define its own callouts in _config.yml (`callouts: {ok: {color: green}}`).
  const custom = state.ctx.site.callouts
  if (custom && typeof custom === 'object' && name in custom) return CALLOUT_TONES[0]
  return undefined
}
