import {join} from 'node:path'
import {defineCommand, runMain} from 'citty'

import {lakeDirOf, loadEnv} from '../targets/env.ts'
import {studioDatasetArgs} from './studioArgs.ts'

const command = defineCommand({
  meta: {
    name: 'studio',
    description:
      'Serve the Studio and the local Content Lake from one URL (http://localhost:<port>), building the Studio first when its code or schema changed.',
  },
  args: {
    port: {type: 'string', description: 'Port of the Studio and the lake', default: '3333'},
    dir: {
      type: 'string',
      description:
        'Lake folder for datasets, token and the Studio build (default: LAKE_DIR or .lake)',
      default: lakeDirOf(loadEnv()),
    },
    ...studioDatasetArgs,
  },
  async run({args}) {
    // Loaded only when the command runs, so --help answers at once.
    const [{maskToken}, {waitForStop}, {ensureStudioBuild}, {startLakeForCommand}] =
      await Promise.all([
        import('../lake/index.ts'),
        import('../lake/stop-signal.ts'),
        import('./studioBuild.ts'),
        import('./lakeCommand.ts'),
      ])
    const port = Number(args.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`Cannot use --port ${args.port}, expected a number from 0 to 65535`)
      process.exit(1)
    }
    const studioDir = join(args.dir, 'studio')
    const build = await ensureStudioBuild(
      studioDir,
      {projectId: args.projectId, dataset: args.dataset},
      console.log,
    )
    const lake = await startLakeForCommand({
      dir: args.dir,
      port,
      projectId: args.projectId,
      studioDir,
    })
    console.log(
      `\nStudio${build.built ? ' (built)' : ''} and local Content Lake on ${lake.studioUrl} (token ${maskToken(lake.token)} in ${args.dir}/token)`,
    )
    console.log(`Open ${lake.loginUrl()}`)
    console.log('  (this link logs this browser in and works once; later just open the URL above)')
    console.log(`Node clients: ${lake.httpUrl}. Ctrl-C stops.\n`)
    const reason = await waitForStop()
    await lake.close()
    console.log(`Stopped (${reason}).`)
  },
})

void runMain(command)
