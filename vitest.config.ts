import {defineConfig} from 'vitest/config'

import {browser, CHROMIUM_TAG, INSTALL_CHROMIUM} from './testing/chromium.ts'
import {SkippedTestsReporter, type Requirement} from './testing/skipped-tests-reporter.ts'
import {UnfinishedReporter} from './testing/unfinished-reporter.ts'

const requirements: Requirement[] = [
  {
    tag: CHROMIUM_TAG,
    skipReason: browser.skipReason,
    install: INSTALL_CHROMIUM,
    otherwise: 'set CHROMIUM_PATH to a Chromium executable',
  },
]

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    // One temporary folder for the run, removed at its end (scratch folders tests leave).
    globalSetup: ['./testing/runTmpdir.ts'],
    exclude: ['node_modules/**', 'studio-dist/**', 'site-dist/**', '.lake/**'],
    // Generous: many tests start processes (the importer, the lake, the Sanity CLI), which on a
    // busy two-core machine wait their turn; a timeout should only ever mean a hang.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // expect.poll waits for a condition; a second (the default) is a guess about machine speed.
    expect: {poll: {timeout: 30_000}},
    tags: requirements.map(({tag, skipReason}) => ({name: tag, skip: Boolean(skipReason)})),
    // UnfinishedReporter names the test file whose worker process died, which vitest does not.
    reporters: ['default', new SkippedTestsReporter(requirements), new UnfinishedReporter()],
  },
})
