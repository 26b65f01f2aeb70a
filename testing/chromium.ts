import {existsSync} from 'node:fs'

import {chromium, type Browser} from 'playwright-core'

/** The command that installs the Chromium the browser tests drive (playwright-core cannot download one here). */
export const INSTALL_CHROMIUM = 'apt-get install chromium'

/** The test tag of tests that need Chromium; vitest.config.ts skips them when it is missing. */
export const CHROMIUM_TAG = 'chromium'

/** Where Chromium is and whether browser tests run, with the reason when they do not. */
export type BrowserTests = {executable: string; enabled: boolean; skipReason?: string}

/**
 * Decides where Chromium is (`CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`) and whether
 * browser tests run: when it exists, and in CI also when it does not (`.ci/run` installs it, so
 * a missing one must fail loudly) unless `CHROMIUM_PATH` hides it on purpose.
 */
export function browserTests(
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
): BrowserTests {
  const executable = env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (exists(executable)) return {executable, enabled: true}
  if (env.CI && !env.CHROMIUM_PATH) return {executable, enabled: true}
  const why = env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''
  return {executable, enabled: false, skipReason: `Chromium not found at ${executable}${why}`}
}

/** The decision for this process's environment. */
export const browser = browserTests(process.env, existsSync)

/** Headless Chromium with no background traffic to the hosts a closed network refuses. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(browser.executable)) {
    throw new Error(
      `Cannot launch Chromium, expected it at ${browser.executable}: run \`${INSTALL_CHROMIUM}\`, or set CHROMIUM_PATH to its executable`,
    )
  }
  return chromium.launch({
    executablePath: browser.executable,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  })
}
