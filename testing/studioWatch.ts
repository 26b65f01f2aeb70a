import type {BrowserContext, ConsoleMessage, Page, Response} from 'playwright-core'

/**
 * Console errors that are not the project's and not the lake's: the Studio's calls to public hosts
 * (a version check, fonts, the bridge script) fail at once on the closed network the tests use,
 * as they do offline, and one React warning of Sanity's own form. Each entry says why it is
 * harmless or not ours; anything else fails the test.
 */
const OFFLINE_NOISE: Array<{pattern: RegExp; why: string}> = [
  {
    pattern: /^Failed to load resource: net::ERR_FAILED$/,
    why: 'a request to a public host, aborted by openStudioPage like an offline network',
  },
  {
    pattern: /^Failed to fetch version for package/,
    why: "the Studio's version check against a public registry, offline",
  },
  {
    pattern:
      /^React does not recognize the `%s` prop on a DOM element\. .* (flexGrow flexgrow|flexBasis flexbasis)$/,
    why: "sanity 6.16's Portable Text toolbar passes flexGrow and flexBasis to a Box that hands them to its div (InnerToolbar's ActionMenuBox and insert-menu Box)",
  },
  {
    pattern: /^Failed to load resource: the server responded with a status of \d+/,
    why: 'reported with its address by the response check, which knows the lake from others',
  },
  {
    pattern:
      /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/,
    why: "the watch's own toast observer (installToastObserver's init script, which Playwright adds to every frame) refused by the sandboxed frame the Preview shows unconverted HTML in, which runs no script by design (render/blocks/rawHtml.tsx); the frame loads lazily, so only when it scrolls into view",
  },
]

/** What a test expects to go wrong on purpose: responses it provokes, matched by status and path. */
export type ExpectedFailure = {status: number; path: RegExp}

/** Where the lake answers: its port, on `localhost`, `*.localhost` and `127.0.0.1`. */
export type WatchedLake = {port: number; unknownEndpoints: Array<{method: string; path: string}>}

/**
 * Watches a Studio page from the moment it opens: error and warning toasts (Sanity UI's `Toast`
 * with the critical or caution tone, seen by a MutationObserver in the page, so one that shows and goes between two
 * checks is still caught), uncaught page errors, console errors other than the offline noise
 * above, and every 4xx or 5xx the lake answers. `problems()` lists them, with the lake's unknown
 * endpoints; a test asserts it is empty at its end (`afterEach`), after `expectFailure` for what
 * it provokes on purpose.
 */
export async function watchStudio(page: Page, getLake: () => WatchedLake) {
  const seen: string[] = []
  let expected: ExpectedFailure[] = []
  let expectedConsole: RegExp[] = []
  let expectedToasts: RegExp[] = []
  const isLake = (url: URL) =>
    (url.hostname === 'localhost' ||
      url.hostname.endsWith('.localhost') ||
      url.hostname === '127.0.0.1') &&
    url.port === String(getLake().port)
  const onResponse = (response: Response) => {
    const url = new URL(response.url())
    if (response.status() < 400 || !isLake(url)) return
    const wanted = expected.some(
      (failure) => failure.status === response.status() && failure.path.test(url.pathname),
    )
    if (!wanted)
      seen.push(
        `lake answered ${response.status()} to ${response.request().method()} ${url.pathname}`,
      )
  }
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return
    const text = message.text()
    if (OFFLINE_NOISE.some(({pattern}) => pattern.test(text))) return
    if (expectedConsole.some((pattern) => pattern.test(text))) return
    const {url, lineNumber} = message.location()
    seen.push(`console error: ${text.slice(0, 500)} (${url}:${lineNumber})`)
  }
  const onPageError = (error: Error) => seen.push(`uncaught page error: ${error.message}`)
  await installToastObserver(page.context(), (toneAndText) => {
    const [, tone, text] = /^([^:]*): ([\s\S]*)$/.exec(toneAndText) ?? ['', '', toneAndText]
    // Success and information toasts (positive, neutral) are what an editor should see.
    if (tone === 'positive' || tone === 'neutral') return
    if (!expectedToasts.some((pattern) => pattern.test(text))) seen.push(`${tone} toast: ${text}`)
  })
  page.on('response', onResponse)
  page.on('console', onConsole)
  page.on('pageerror', onPageError)
  // Unknown endpoints are counted per lake: a test may restart it, and the new one starts at 0.
  let counted = new Map<WatchedLake, number>()
  const problems = (): string[] => {
    const lake = getLake()
    const unknown = lake.unknownEndpoints
      .slice(counted.get(lake) ?? 0)
      .map((endpoint) => `unknown endpoint: ${endpoint.method} ${endpoint.path}`)
    return [...seen, ...unknown]
  }
  const reset = () => {
    seen.length = 0
    expected = []
    expectedConsole = []
    expectedToasts = []
    const lake = getLake()
    counted = new Map([[lake, lake.unknownEndpoints.length]])
  }
  reset()
  return {
    /** Lets the current test provoke these failures (until `reset`). */
    expectFailure(...failures: ExpectedFailure[]) {
      expected.push(...failures)
    },
    /** Lets the current test provoke error toasts whose text matches these (until `reset`). */
    expectToast(...patterns: RegExp[]) {
      expectedToasts.push(...patterns)
    },
    /** Lets the current test provoke console errors matching these (until `reset`). */
    expectConsoleError(...patterns: RegExp[]) {
      expectedConsole.push(...patterns)
    },
    /** Everything that went wrong since the watch started or was last reset. */
    problems,
    /** Everything that went wrong, and starts over for the next test: for `afterEach`. */
    take(): string[] {
      const found = problems()
      reset()
      return found
    },
    /** Starts over for the next test. */
    reset,
  }
}

/** The watch `watchStudio` returns. */
export type StudioWatch = Awaited<ReturnType<typeof watchStudio>>

const reported = new WeakMap<BrowserContext, Array<(text: string) => void>>()

/**
 * Reports every toast any page of the context shows, as `<tone>: <text>` (Sanity UI's tones:
 * critical for errors, caution for warnings, positive, neutral), with its text, through a
 * binding the page calls from a MutationObserver installed before the Studio's own scripts run.
 */
async function installToastObserver(context: BrowserContext, report: (text: string) => void) {
  const listeners = reported.get(context)
  if (listeners) {
    listeners.push(report)
    return
  }
  const all = [report]
  reported.set(context, all)
  await context.exposeBinding('__reportStudioToast', (_source, text: string) => {
    for (const listener of all) listener(text)
  })
  await context.addInitScript(() => {
    const seen = new WeakSet<Element>()
    const check = () => {
      for (const toast of document.querySelectorAll('[data-ui="Toast"]')) {
        if (seen.has(toast)) continue
        seen.add(toast)
        const send = (window as unknown as {__reportStudioToast: (text: string) => void})
          .__reportStudioToast
        // The text is rendered with the toast; read it once the frame has painted.
        requestAnimationFrame(() =>
          send(`${toast.getAttribute('data-tone') ?? 'no tone'}: ${toast.textContent ?? ''}`),
        )
      }
    }
    new MutationObserver(check).observe(document, {childList: true, subtree: true})
  })
}
