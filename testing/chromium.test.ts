import {describe, expect, it} from 'vitest'

import {browserTests} from './chromium.ts'
import {formatSkipped} from './skipped-tests-reporter.ts'

const present = (path: string) => path === '/usr/bin/chromium'
const absent = () => false

describe('when browser tests run', () => {
  it('runs them wherever Chromium is installed, in CI or not', () => {
    expect(browserTests({}, present)).toEqual({executable: '/usr/bin/chromium', enabled: true})
    expect(browserTests({CI: 'true'}, present).enabled).toBe(true)
  })

  it('skips them outside CI when Chromium is missing, and says where it looked', () => {
    expect(browserTests({}, absent)).toEqual({
      executable: '/usr/bin/chromium',
      enabled: false,
      skipReason: 'Chromium not found at /usr/bin/chromium',
    })
  })

  it('runs them in CI even when Chromium is missing, so the launch fails loudly', () => {
    expect(browserTests({CI: 'true'}, absent).enabled).toBe(true)
  })

  it('takes the executable from CHROMIUM_PATH, and a missing one there skips them even in CI', () => {
    const env = {CI: 'true', CHROMIUM_PATH: '/nonexistent'}
    expect(browserTests(env, absent)).toEqual({
      executable: '/nonexistent',
      enabled: false,
      skipReason: 'Chromium not found at /nonexistent (CHROMIUM_PATH)',
    })
    expect(browserTests({CHROMIUM_PATH: '/opt/chrome'}, (p) => p === '/opt/chrome')).toEqual({
      executable: '/opt/chrome',
      enabled: true,
    })
  })
})

describe('the skipped-tests summary', () => {
  const requirement = {
    tag: 'chromium',
    skipReason: 'Chromium not found at /nonexistent (CHROMIUM_PATH)',
    install: 'apt-get install chromium',
    otherwise: 'set CHROMIUM_PATH to a Chromium executable',
  }

  it('names every skipped test and the command that enables them', () => {
    const text = formatSkipped(requirement, [
      {file: 'scripts/site.test.ts', name: 'npm run site in Chromium > shows the page'},
      {file: 'lake/studio.browser.test.ts', name: 'Studio against the lake > opens a lesson'},
    ])
    expect(text.trim().split('\n')).toEqual([
      'Chromium not found at /nonexistent (CHROMIUM_PATH): 2 tests tagged "chromium" skipped',
      '  ↓ scripts/site.test.ts > npm run site in Chromium > shows the page',
      '  ↓ lake/studio.browser.test.ts > Studio against the lake > opens a lesson',
      'Run `apt-get install chromium` to run them (or set CHROMIUM_PATH to a Chromium executable).',
    ])
  })

  it('says nothing when the tests ran or none were skipped', () => {
    expect(formatSkipped({...requirement, skipReason: undefined}, [{file: 'a', name: 'b'}])).toBe(
      '',
    )
    expect(formatSkipped(requirement, [])).toBe('')
  })
})
