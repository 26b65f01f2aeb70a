import {spawn} from 'node:child_process'
import {defineCommand, runMain} from 'citty'

import {lakeDirOf, loadEnv} from '../targets/env.ts'
import {studioDatasetArgs} from './studioArgs.ts'

const command = defineCommand({
  meta: {
    name: 'dev',
    description:
      "For developers: the local Content Lake and the Studio's hot-reloading dev server pointed at it (editors use npm run studio).",
  },
  args: {
    port: {type: 'string', description: 'Lake port (plain HTTP, and HTTPS)', default: '3443'},
    studioPort: {type: 'string', description: 'Studio dev server port', default: '3333'},
    dir: {
      type: 'string',
      description: 'Lake folder for datasets, token and certificate (default: LAKE_DIR or .lake)',
      default: lakeDirOf(loadEnv()),
    },
    ...studioDatasetArgs,
  },
  async run({args}) {
    // Loaded only when the command runs, so --help answers at once.
    const [{maskToken}, {waitForStop}, {startLakeForCommand}] = await Promise.all([
      import('../lake/index.ts'),
      import('../lake/stop-signal.ts'),
      import('./lakeCommand.ts'),
    ])
    const studioUrl = `http://localhost:${args.studioPort}`
    const lake = await startLakeForCommand({
      dir: args.dir,
      port: Number(args.port),
      projectId: args.projectId,
      studioOrigins: [studioUrl],
    })
    const studio = spawn(
      'npx',
      ['sanity', 'dev', '--port', args.studioPort, '--host', 'localhost'],
      {
        // Its own process group, so stopping it also stops what npx and sanity started.
        detached: true,
        stdio: 'inherit',
        env: {
          ...process.env,
          DO_NOT_TRACK: '1',
          SANITY_STUDIO_API_HOST: lake.apiHost,
          SANITY_STUDIO_PROJECT_ID: lake.projectId,
          SANITY_STUDIO_DATASET: args.dataset,
        },
      },
    )
    console.log(
      `\nLocal Content Lake on ${lake.apiHost} (token ${maskToken(lake.token)} in ${args.dir}/token)`,
    )
    console.log(`Studio (hot reload): open ${lake.loginUrl()}`)
    console.log('  (the link logs this browser in and works once)')
    console.log(`  later: ${studioUrl}\nCtrl-C stops both.\n`)
    const studioExit = new Promise<number | null>((resolve) => studio.once('exit', resolve))
    const reason = await Promise.race([waitForStop(), studioExit])
    if (studio.exitCode === null && studio.pid) process.kill(-studio.pid, 'SIGTERM')
    await studioExit
    await lake.close()
    console.log(
      `Stopped (${typeof reason === 'string' ? reason : `Studio exited with ${reason}`}).`,
    )
  },
})

void runMain(command)
