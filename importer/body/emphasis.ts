/**
 * Emphasis as kramdown reads it (its `parse_emphasis`), in place of CommonMark's: every run of
 * `*` or `_` is read left to right, as kramdown's parser does, not paired by CommonMark's
 * delimiter stack.
 * - A run opens emphasis (two characters of it strong, one emphasis) unless white space follows
 *   what it opens with; a run of `_` also not right after a letter (`snake_case`); and never
 *   inside emphasis of the same kind (`**foo **bar**` is strong `foo **bar`).
 * - What it opened closes at the first run of its characters that no white space comes before,
 *   once it holds something; emphasis opened by one `*` not at exactly two of them (`*a**` is
 *   text); a `_` not right before a letter or digit.
 * - Strong that never closes is tried as emphasis of its first character, the second one text
 *   (`**foo*` is emphasis `*foo`); what never closes at all is text.
 *
 * Punctuation does not matter to kramdown, where CommonMark needs it on the right side:
 * `**Redshift:**O Amazon` and `**"**Tivemos` are bold for kramdown, and `A*,* é` emphasises the
 * comma; CommonMark shows the asterisks. White space is Ruby's `\s`: a space, a tab or a line
 * ending, not a no-break space. A text whose runs would take too long to read this way (kramdown
 * tries again after each emphasis that never closes) is paired as CommonMark pairs it.
 */
import {attention} from 'micromark-core-commonmark'
import type {
  Code,
  Construct,
  Event,
  Extension,
  Point,
  Resolver,
  State,
  Token,
  TokenizeContext,
} from 'micromark-util-types'

const ASTERISK = 42
const UNDERSCORE = 95

/** The token of a run, until it is resolved into emphasis, strong or text. */
const RUN = 'kramdownEmphasisRun'

/** micromark-extension-gfm-strikethrough's `~~`, until its own resolver pairs them. */
const STRIKE_SEQUENCE = 'strikethroughSequenceTemporary'

/** kramdown's white space (Ruby's `\s`): a line ending (micromark's codes below 0) or space. */
const isWhiteSpace = (code: Code): boolean =>
  code === null || code < 0 || code === 32 || (code >= 9 && code <= 13)

const charOf = (code: Code): string => (code === null || code < 0 ? '' : String.fromCodePoint(code))
const isLetter = (code: Code): boolean => /^\p{L}$/u.test(charOf(code))
const isLetterOrDigit = (code: Code): boolean => /^[\p{L}\p{N}]$/u.test(charOf(code))

/** A run's token, with the character of the run and those around it. */
interface RunToken extends Token {
  _marker: number
  _before: Code
  _after: Code
}

const kramdownEmphasis: Construct = {
  name: 'kramdownEmphasis',
  tokenize(this: TokenizeContext, effects, ok) {
    const before = this.previous
    let marker: Code = null
    const inside: State = (code) => {
      if (code === marker) {
        effects.consume(code)
        return inside
      }
      const token = effects.exit(RUN as never) as RunToken
      token._marker = marker!
      token._before = before
      token._after = code
      return ok(code)
    }
    return (code: Code) => {
      marker = code
      effects.enter(RUN as never)
      return inside(code)
    }
  },
  resolveAll: resolveEmphasis,
}

/** A run in the text: its token, where it is in the events, and whether text comes before it. */
interface Run {
  token: RunToken
  event: number
  length: number
  /** Whether anything (text, a link, code) comes between the run before and this one. */
  afterContent: boolean
}

/** Emphasis or strong, from `length` characters at `open` (run, offset) to the same at `close`. */
interface Pair {
  strong: boolean
  open: [run: number, offset: number]
  close: [run: number, offset: number]
  length: number
}

/** Reading that went on too long: the runs are paired as CommonMark pairs them instead. */
class TooLong extends Error {}

/** Steps of kramdown's reading allowed per run before it counts as too long. */
const STEPS_PER_RUN = 64

/** The runs' pairs as kramdown reads them, left to right (see the module's notes). */
function kramdownPairs(runs: readonly Run[]): Pair[] {
  let steps = 0
  const budget = 1000 + STEPS_PER_RUN * runs.length
  type Open = {strong: boolean; marker: number; length: number; kinds: ReadonlySet<boolean>}
  type Found = {pairs: Pair[]; at: [number, number]}

  /**
   * Reads from run `r`, offset `k`, inside `open` (none: the whole text) until what it opened
   * closes; `held`: whether it holds something already. Null when it never closes.
   */
  const read = (r: number, k: number, open: Open | undefined, held: boolean): Found | null => {
    const pairs: Pair[] = []
    let holds = held
    for (;;) {
      if (++steps > budget) throw new TooLong()
      if (k >= (runs[r]?.length ?? 0)) {
        r++
        k = 0
        if (r >= runs.length) return open ? null : {pairs, at: [r, 0]}
        if (runs[r]!.afterContent) holds = true
      }
      const run = runs[r]!
      const {_marker: marker, _before, _after} = run.token
      const left = run.length - k
      const previous = k > 0 ? marker : _before
      const charAt = (offset: number): Code => (offset < run.length ? marker : _after)
      if (
        open &&
        open.marker === marker &&
        left >= open.length &&
        holds &&
        !isWhiteSpace(previous) &&
        (open.strong || left !== 2) &&
        (marker !== UNDERSCORE || !isLetterOrDigit(charAt(k + open.length)))
      ) {
        pairs.push({strong: open.strong, open: [-1, -1], close: [r, k], length: open.length})
        return {pairs, at: [r, k + open.length]}
      }
      const length = Math.min(2, left)
      const strong = length === 2
      if (
        (marker === UNDERSCORE && k === 0 && isLetter(_before)) ||
        isWhiteSpace(charAt(k + length)) ||
        open?.kinds.has(strong)
      ) {
        holds = true
        k += length
        continue
      }
      const kinds = new Set(open?.kinds).add(strong)
      let found = read(r, k + length, {strong, marker, length, kinds}, false)
      if (!found && strong && open?.strong !== false) {
        // kramdown tries strong that never closes as emphasis of its first character.
        const kinds = new Set(open?.kinds).add(false)
        found = read(r, k + 1, {strong: false, marker, length: 1, kinds}, false)
      }
      holds = true
      if (!found) {
        k += length
        continue
      }
      const closing = found.pairs.at(-1)!
      closing.open = [r, k]
      pairs.push(...found.pairs)
      ;[r, k] = found.at
    }
  }
  return read(0, 0, undefined, false)!.pairs
}

/** `point` moved `by` characters along its line. */
const moved = (point: Point, by: number): Point => ({
  ...point,
  column: point.column + by,
  offset: point.offset + by,
  _bufferIndex: point._bufferIndex + by,
})

/** What a run's characters become, in order: an opening, a closing, or text. */
type Slice =
  {kind: 'open' | 'close'; at: number; pair: Pair} | {kind: 'text'; at: number; length: number}

/** The events a run's slices stand for (its own two replaced). */
function sliceEvents(
  run: Run,
  slices: readonly Slice[],
  context: TokenizeContext,
  tokens: Map<Pair, {group: Token; open: Token; text: Token; close: Token}>,
): Event[] {
  const events: Event[] = []
  const start = run.token.start
  for (const slice of slices) {
    if (slice.kind === 'text') {
      const data: Token = {
        type: 'data',
        start: moved(start, slice.at),
        end: moved(start, slice.at + slice.length),
      }
      events.push(['enter', data, context], ['exit', data, context])
      continue
    }
    const made = tokens.get(slice.pair)!
    if (slice.kind === 'open') {
      events.push(
        ['enter', made.group, context],
        ['enter', made.open, context],
        ['exit', made.open, context],
        ['enter', made.text, context],
      )
    } else {
      events.push(
        ['exit', made.text, context],
        ['enter', made.close, context],
        ['exit', made.close, context],
        ['exit', made.group, context],
      )
    }
  }
  return events
}

/** Resolves every run of the text into emphasis, strong and text, as kramdown reads them. */
function resolveEmphasis(events: Event[], context: TokenizeContext): Event[] {
  const runs: Run[] = []
  let lastExit = -1
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!
    if (kind !== 'enter' || token.type !== (RUN as never)) continue
    const run = token as RunToken
    runs.push({
      token: run,
      event: i,
      length: run.end.offset - run.start.offset,
      afterContent: i - lastExit > 1,
    })
    lastExit = i + 1
  }
  if (runs.length === 0) return events
  let pairs: Pair[]
  try {
    pairs = kramdownPairs(runs)
  } catch (error) {
    if (!(error instanceof TooLong)) throw error
    return commonMarkPairs(events, runs, context)
  }
  // Each run's openings and closings.
  const marked = runs.map(() => [] as Array<Extract<Slice, {pair: Pair}>>)
  const tokens = new Map<Pair, {group: Token; open: Token; text: Token; close: Token}>()
  for (const pair of pairs) {
    const [or, ok] = pair.open
    const [cr, ck] = pair.close
    const openStart = moved(runs[or]!.token.start, ok)
    const openEnd = moved(openStart, pair.length)
    const closeStart = moved(runs[cr]!.token.start, ck)
    const closeEnd = moved(closeStart, pair.length)
    const kind = pair.strong ? 'strong' : 'emphasis'
    tokens.set(pair, {
      group: {type: kind, start: openStart, end: closeEnd},
      open: {type: `${kind}Sequence`, start: openStart, end: openEnd},
      text: {type: `${kind}Text`, start: openEnd, end: closeStart},
      close: {type: `${kind}Sequence`, start: closeStart, end: closeEnd},
    })
    marked[or]!.push({kind: 'open', at: ok, pair})
    marked[cr]!.push({kind: 'close', at: ck, pair})
  }
  const out: Event[] = []
  let from = 0
  runs.forEach((run, index) => {
    const marks = marked[index]!.sort((a, b) => a.at - b.at)
    const all: Slice[] = []
    let at = 0
    for (const mark of marks) {
      if (mark.at > at) all.push({kind: 'text', at, length: mark.at - at})
      all.push(mark)
      at = mark.at + mark.pair.length
    }
    if (at < run.length) all.push({kind: 'text', at, length: run.length - at})
    for (let i = from; i < run.event; i++) out.push(events[i]!)
    out.push(...sliceEvents(run, all, events[run.event]![2], tokens))
    from = run.event + 2
  })
  for (let i = from; i < events.length; i++) out.push(events[i]!)
  const resolved = withInsidesResolved(out, pairs, tokens, context)
  // In place: micromark reads the text's events from the array it made, not the one returned.
  events.length = 0
  for (const event of resolved) events.push(event)
  return events
}

/**
 * The events with what is inside each emphasis resolved on its own, innermost first (`pairs`
 * lists them so), as micromark resolves what emphasis holds: a strikethrough's `~~` inside
 * emphasis pairs only with one inside it, never across the emphasis's edge (`*a ~~b* c~~`), which
 * no syntax tree can hold. Only emphasis holding what another construct pairs later is visited.
 */
function withInsidesResolved(
  events: Event[],
  pairs: readonly Pair[],
  tokens: ReadonlyMap<Pair, {text: Token}>,
  context: TokenizeContext,
): Event[] {
  if (!events.some(([, token]) => token.type === STRIKE_SEQUENCE)) return events
  let out = events
  for (const pair of pairs) {
    const text = tokens.get(pair)!.text
    const enter = out.findIndex(([kind, token]) => kind === 'enter' && token === text)
    const exit = out.findIndex(([kind, token], i) => i > enter && kind === 'exit' && token === text)
    const inside = out.slice(enter + 1, exit)
    if (!inside.some(([, token]) => token.type === STRIKE_SEQUENCE)) continue
    const called = new Set<Resolver>()
    let resolved = inside
    for (const {resolveAll} of context.parser.constructs.insideSpan.null ?? []) {
      if (!resolveAll || called.has(resolveAll)) continue
      called.add(resolveAll)
      resolved = resolveAll(resolved, context)
    }
    out = [...out.slice(0, enter + 1), ...resolved, ...out.slice(exit)]
  }
  return out
}

/** The runs paired by CommonMark's algorithm, each opening and closing where kramdown's may. */
function commonMarkPairs(events: Event[], runs: readonly Run[], context: TokenizeContext) {
  for (const {token} of runs) {
    const underscore = token._marker === UNDERSCORE
    token.type = 'attentionSequence'
    token._open = !isWhiteSpace(token._after) && !(underscore && isLetter(token._before))
    token._close = !isWhiteSpace(token._before) && !(underscore && isLetterOrDigit(token._after))
  }
  return (attention.resolveAll as Resolver)(events, context)
}

/** The micromark extension: kramdown's emphasis in place of CommonMark's. */
export const emphasisSyntax: Extension = {
  disable: {null: ['attention']},
  text: {[ASTERISK]: kramdownEmphasis, [UNDERSCORE]: kramdownEmphasis},
  // Emphasis inside a link's text is read when the link is, as for CommonMark's.
  insideSpan: {null: [{resolveAll: resolveEmphasis}]},
}
