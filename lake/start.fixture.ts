// Starts a lake on the folder given as argument, as `npm run lake` would, and reports the
// outcome: "started" and exit 0, or the error message and exit 1. The start test runs it as
// an unprivileged user, since root may write to any folder.
import {startLake} from './start.ts'

try {
  const lake = await startLake({dir: process.argv[2], log: () => undefined})
  process.stdout.write('started\n')
  await lake.close()
} catch (error) {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : error}\n`)
  process.exitCode = 1
}
