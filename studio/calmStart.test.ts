import {describe, expect, it} from 'vitest'

import {
  CALM_IDLE_PERIODS,
  CALM_START_LIMIT_MS,
  calmStart,
  STARTING_CLASS,
  type CalmStartScope,
} from './calmStart.ts'

/** A page with a class list, a head and idle callbacks and timers the test runs by hand. */
function fakePage() {
  const classes = new Set<string>()
  const styles: string[] = []
  const idle: Array<(deadline: IdleDeadline) => void> = []
  const timers: Array<{callback: () => void; ms: number}> = []
  const scope = {
    document: {
      documentElement: {
        classList: {
          add: (name: string) => classes.add(name),
          remove: (name: string) => classes.delete(name),
        },
      },
      head: {append: (style: {textContent: string}) => styles.push(style.textContent)},
      createElement: () => ({textContent: ''}),
    } as unknown as Document,
    requestIdleCallback: (callback: (deadline: IdleDeadline) => void) => idle.push(callback),
    setTimeout: (callback: () => void, ms: number) => timers.push({callback, ms}) - 1,
    clearTimeout: (handle: number) => timers.splice(handle, 1),
  } satisfies CalmStartScope
  /** Runs the pending idle callback with `spare` milliseconds to spare. */
  const idlePeriod = (spare: number) =>
    idle.shift()?.({timeRemaining: () => spare, didTimeout: false} as IdleDeadline)
  return {scope, classes, styles, idle, timers, idlePeriod}
}

describe('a calm start', () => {
  it('stops animations until the page has been idle, with time to spare, several times in a row', () => {
    const page = fakePage()
    calmStart(page.scope)
    expect(page.classes.has(STARTING_CLASS)).toBe(true)
    expect(page.styles[0]).toContain(`html.${STARTING_CLASS} *`)
    expect(page.styles[0]).toContain('animation-duration: 0.01ms !important')
    // A busy moment (a short idle period) starts the count again.
    for (let i = 0; i < CALM_IDLE_PERIODS - 1; i++) page.idlePeriod(50)
    page.idlePeriod(3)
    for (let i = 0; i < CALM_IDLE_PERIODS - 1; i++) page.idlePeriod(50)
    expect(page.classes.has(STARTING_CLASS)).toBe(true)
    page.idlePeriod(50)
    expect(page.classes.has(STARTING_CLASS)).toBe(false)
    expect(page.idle).toEqual([])
  })

  it('lets animations run again after the limit when the page never goes idle', () => {
    const page = fakePage()
    calmStart(page.scope)
    page.idlePeriod(1)
    expect(page.timers.map((timer) => timer.ms)).toEqual([CALM_START_LIMIT_MS])
    page.timers[0]!.callback()
    expect(page.classes.has(STARTING_CLASS)).toBe(false)
    // The pending idle check then stops without asking for another.
    page.idlePeriod(50)
    expect(page.idle).toEqual([])
  })

  it('lets animations run at once and leaves no timer where idle callbacks come without a deadline (the Sanity CLI reading the config under jsdom)', () => {
    const page = fakePage()
    calmStart(page.scope)
    ;(page.idle.shift() as unknown as () => void)()
    expect(page.classes.has(STARTING_CLASS)).toBe(false)
    expect(page.idle).toEqual([])
    expect(page.timers).toEqual([])
  })
})
