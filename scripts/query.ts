/**
 * `npm run query -- '<groq>' [--param name=value …] [--perspective published|drafts|raw]`
 * or `npm run query -- lessonPage --param slug=…`: runs GROQ and prints the result as JSON.
 */
import {defineCommand, runMain, showUsage} from 'citty'

import {
  checkSyntax,
  missingParams,
  parseParams,
  resolveQuery,
  UsageError,
} from '../queries/command.ts'
import {namedQueries} from '../queries/index.ts'
import {PERSPECTIVES, type Perspective} from '../queries/source.ts'
import {openQuerySource} from './querySource.ts'

const command = defineCommand({
  meta: {
    name: 'query',
    description: `Run GROQ, or a named query (${Object.keys(namedQueries).join(', ')}), against the local dataset (or the hosted one when SANITY_PROJECT_ID, SANITY_DATASET and SANITY_API_TOKEN are set) and print JSON.`,
  },
  args: {
    query: {
      type: 'positional',
      description: 'GROQ, e.g. \'*[_type == "lesson"]{title}\', or the name of a query',
      required: true,
    },
    param: {
      type: 'string',
      description:
        'A $parameter as name=value; repeat for more. JSON values are parsed (n=3, s="3"), others are strings',
      valueHint: 'name=value',
      default: '',
    },
    perspective: {
      type: 'enum',
      options: [...PERSPECTIVES],
      description: 'Which documents the query sees',
      default: 'published',
    },
    dataset: {
      type: 'string',
      description: 'Query this NDJSON file in memory (groq-js) instead of a Content Lake',
      valueHint: 'file.ndjson',
      default: '',
    },
  },
  async run({args, rawArgs}) {
    try {
      await runQuery(args, rawArgs)
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      await showUsage(command)
      console.error(error.message)
      process.exit(1)
    }
  },
})

async function runQuery(
  args: {query: string; perspective: string; dataset: string},
  rawArgs: readonly string[],
) {
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

void runMain(command)
