import type {Reporter, TestModule} from 'vitest/node'

/** Something a tagged group of tests needs from the machine, and how to get it. */
export type Requirement = {
  /** The test tag that marks the tests needing it. */
  tag: string
  /** Why the tagged tests are skipped on this machine, or undefined when they run. */
  skipReason: string | undefined
  /** The one command that makes them run. */
  install: string
  /** Another way, e.g. pointing at an existing installation. */
  otherwise?: string
}

/** A skipped test, named by its file and full name. */
export type SkippedTest = {file: string; name: string}

/** The closing lines that name every test skipped for a missing requirement, and the fix. */
export function formatSkipped(requirement: Requirement, skipped: SkippedTest[]): string {
  if (!requirement.skipReason || skipped.length === 0) return ''
  const noun = skipped.length === 1 ? 'test' : 'tests'
  return [
    '',
    `${requirement.skipReason}: ${skipped.length} ${noun} tagged "${requirement.tag}" skipped`,
    ...skipped.map((test) => `  ↓ ${test.file} > ${test.name}`),
    `Run \`${requirement.install}\` to run them${requirement.otherwise ? ` (or ${requirement.otherwise})` : ''}.`,
    '',
  ].join('\n')
}

/** After vitest's own summary, lists the tests skipped because this machine lacks something. */
export class SkippedTestsReporter implements Reporter {
  private readonly requirements: Requirement[]

  constructor(requirements: Requirement[]) {
    this.requirements = requirements
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    for (const requirement of this.requirements) {
      const skipped = modules.flatMap((module) =>
        [...module.children.allTests('skipped')]
          .filter((test) => test.tags.includes(requirement.tag))
          .map((test) => ({file: module.relativeModuleId, name: test.fullName})),
      )
      process.stdout.write(formatSkipped(requirement, skipped))
    }
  }
}
