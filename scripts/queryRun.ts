/** What `npm run query` does once its arguments are parsed: resolve, check, run, print. */
import {
  checkSyntax,
  missingParams,
  parseParams,
  resolveQuery,
  UsageError,
} from '../queries/command.ts'
import type {Perspective} from '../queries/source.ts'
import type {QueryArgs} from './queryArgs.ts'
import {openQuerySource} from './querySource.ts'

/**
 * Runs the query and prints its result as JSON; a syntax error is printed and sets exit code 1,
 * a usage error (a missing `$parameter`) prints the usage (`showUsage`), its message, and exits 1.
 */
export async function runQuery(
  args: QueryArgs,
  rawArgs: readonly string[],
  showUsage: () => Promise<void>,
): Promise<void> {
  try {
    await queryAndPrint(args, rawArgs)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    await showUsage()
    console.error(error.message)
    process.exit(1)
  }
}

async function queryAndPrint(args: QueryArgs, rawArgs: readonly string[]) {
  const {query, name} = resolveQuery(args.query)
  const params = parseParams(paramPairs(rawArgs))
  const missing = missingParams(query, params)
  if (missing.length > 0) {
    throw new UsageError(
      `Cannot run ${name ?? 'the query'}, expected a value for ${missing.map((p) => `$${p}`).join(', ')}: add ${missing.map((p) => `--param ${p}=…`).join(' ')}`,
    )
  }
  const syntaxError = checkSyntax(query, params)
  if (syntaxError) {
    console.error(syntaxError)
    process.exitCode = 1
    return
  }
  const open = await openQuerySource(args.dataset || undefined)
  try {
    const result = await open.source.fetch(query, params, {
      perspective: args.perspective as Perspective,
    })
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  } finally {
    await open.close()
  }
}

/** Every `--param` value: citty keeps only one when the flag repeats. */
function paramPairs(rawArgs: readonly string[]): string[] {
  const pairs: string[] = []
  rawArgs.forEach((arg, index) => {
    if (arg === '--param' && index + 1 < rawArgs.length) pairs.push(rawArgs[index + 1])
    else if (arg.startsWith('--param=')) pairs.push(arg.slice('--param='.length))
  })
  return pairs
}
