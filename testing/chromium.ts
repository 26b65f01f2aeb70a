import {existsSync} from 'node:fs'

import {chromium, type Browser} from 'playwright-core'

/** Debian's Chromium: playwright-core drives it, since browsers cannot be downloaded here. */
export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether browser tests run: always in CI, where `.ci/run` installs Chromium (so a missing
 * one fails the launch loudly), and elsewhere only when it is installed.
 */
export const browserTestsEnabled = existsSync(CHROMIUM) || Boolean(process.env.CI)

/** Headless Chromium with no background traffic to the hosts a closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
