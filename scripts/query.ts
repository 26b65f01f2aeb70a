/**
 * `npm run query -- '<groq>' [--param name=value …] [--perspective published|drafts|raw]`
 * or `npm run query -- lessonPage --param slug=…`: runs GROQ and prints the result as JSON.
 * The run (`queryRun.ts`) loads only when the command runs.
 */
import {defineCommand, runMain, showUsage} from 'citty'

import {namedQueries} from '../queries/index.ts'
import {queryArgs} from './queryArgs.ts'

const command = defineCommand({
  meta: {
    name: 'query',
    description: `Run GROQ, or a named query (${Object.keys(namedQueries).join(', ')}), against the local dataset (or the hosted one when SANITY_PROJECT_ID, SANITY_DATASET and SANITY_API_TOKEN are set) and print JSON.`,
  },
  args: queryArgs,
  async run({args, rawArgs}) {
    const {runQuery} = await import('./queryRun.ts')
    await runQuery(args, rawArgs, () => showUsage(command))
  },
})

void runMain(command)
