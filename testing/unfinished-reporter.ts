import type {Reporter, TestCase, TestModule} from 'vitest/node'

/** A test file that started and never ended, with the tests it had started and not finished. */
export type Unfinished = {file: string; running: string[]}

/**
 * The closing lines that name the test files whose worker process died under them (vitest
 * itself only says "Worker exited unexpectedly"), so a crash on CI says where it happened.
 */
export function formatUnfinished(unfinished: Unfinished[]): string {
  if (unfinished.length === 0) return ''
  const noun = unfinished.length === 1 ? 'test file' : 'test files'
  return [
    '',
    `${unfinished.length} ${noun} started and never finished (their worker exited under them):`,
    ...unfinished.flatMap(({file, running}) => [
      `  ✗ ${file}`,
      ...running.map((name) => `      running: ${name}`),
    ]),
    '',
  ].join('\n')
}

/** Tracks every test file and test as they start and end, and names the ones left open. */
export class UnfinishedReporter implements Reporter {
  private readonly open = new Map<TestModule, Set<TestCase>>()

  onTestModuleStart(module: TestModule) {
    this.open.set(module, new Set())
  }

  onTestCaseReady(test: TestCase) {
    this.open.get(test.module)?.add(test)
  }

  onTestCaseResult(test: TestCase) {
    this.open.get(test.module)?.delete(test)
  }

  onTestModuleEnd(module: TestModule) {
    this.open.delete(module)
  }

  onTestRunEnd() {
    const unfinished = [...this.open].map(([module, tests]) => ({
      file: module.relativeModuleId,
      running: [...tests].map((test) => test.fullName),
    }))
    this.open.clear()
    process.stdout.write(formatUnfinished(unfinished))
  }
}
