/**
 * While the Studio starts, its spinners, skeleton shimmers and pane transitions animate for two to
 * three seconds. In a browser that composites in software, those frames cost about a second of
 * CPU per reload (measured: Chromium CPU per lesson reload 5.1 -> 4.3 s with them stopped, at
 * load average 10 on two cores), taken from the page's own start on a busy machine. So they are
 * stopped, as Sanity UI stops them for `prefers-reduced-motion`, until the page has been idle for
 * a while (started), or at the latest after {@link CALM_START_LIMIT_MS}.
 */

/** The class on `<html>` while the Studio starts. */
export const STARTING_CLASS = 'studio-starting'

/** Consecutive idle periods, each with this much time to spare, that mean the start is over. */
export const CALM_IDLE_PERIODS = 5
const SPARE_MS = 40

/** Animations come back after this long even if the page never goes idle. */
export const CALM_START_LIMIT_MS = 15_000

const css = `html.${STARTING_CLASS} *, html.${STARTING_CLASS} ::before, html.${STARTING_CLASS} ::after {
  animation-duration: 0.01ms !important; animation-iteration-count: 1 !important; transition-duration: 0.01ms !important;
}`

/** What {@link calmStart} needs of the page (a window, in the browser). */
export type CalmStartScope = {
  document: Document
  requestIdleCallback: (callback: (deadline: IdleDeadline) => void) => number
  setTimeout: (callback: () => void, ms: number) => unknown
  clearTimeout: (handle: never) => void
}

/**
 * Stops CSS animations and transitions on the page until it has had {@link CALM_IDLE_PERIODS}
 * idle periods in a row with time to spare, or {@link CALM_START_LIMIT_MS} have passed.
 */
export function calmStart(scope: CalmStartScope): void {
  const root = scope.document.documentElement
  const style = scope.document.createElement('style')
  style.textContent = css
  scope.document.head.append(style)
  root.classList.add(STARTING_CLASS)
  let done = false
  let limit: unknown
  const finish = () => {
    done = true
    root.classList.remove(STARTING_CLASS)
    if (limit !== undefined) scope.clearTimeout(limit as never)
  }
  let calm = 0
  const step = (deadline: IdleDeadline | undefined) => {
    if (done) return
    // A stand-in without idle periods (the Sanity CLI's, when it reads this config under
    // jsdom) calls back without a deadline: nothing is starting there.
    if (typeof deadline?.timeRemaining !== 'function') return finish()
    calm = deadline.timeRemaining() >= SPARE_MS ? calm + 1 : 0
    if (calm >= CALM_IDLE_PERIODS) finish()
    else scope.requestIdleCallback(step)
  }
  limit = scope.setTimeout(finish, CALM_START_LIMIT_MS)
  scope.requestIdleCallback(step)
}
